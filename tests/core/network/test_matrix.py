"""The 3W matrix: counts and budgets per unit, category and institution, in Persian order."""

from __future__ import annotations

import datetime as dt

from hypothesis import given

from ostan.core.collation import persian_sort_key
from ostan.core.network.matrix import Tally, units_by_institution_count, who_does_what_where
from ostan.core.network.model import Action
from ostan.core.network.periods import Period

from .builders import action, actions

NAMES = {"IR/IR-07/IR-07-01/N1": "گلستان", "IR/IR-07/IR-07-01/N2": "پردیس", "IR/IR-07/IR-07-02/N3": "چمران"}
INSTITUTIONS = {"mosque": "مسجد", "red_crescent": "هلال احمر", "school": "مدرسه", "basij": "بسیج"}
CATEGORIES = {"screening": "غربالگری", "food": "بستهٔ غذایی"}


def worked() -> list[Action]:
    n1, n2, n3 = NAMES
    spring = dt.date(2026, 4, 1)  # Farvardin 1405
    autumn = dt.date(2026, 10, 1)  # Mehr 1405
    return [
        action("1", n1, institution="mosque", category="screening", budget=100, start=spring),
        action("2", n1, institution="mosque", category="screening", budget=None, start=spring),
        action("3", n1, institution="red_crescent", category="food", committee="livelihood", budget=50, start=spring),
        action("4", n2, institution="school", category="screening", budget=10, start=autumn),
        action("5", n3, institution="basij", category="food", committee="livelihood", budget=7, start=spring),
    ]


def test_worked_example() -> None:
    m = who_does_what_where(worked(), unit_names=NAMES, institution_names=INSTITUTIONS, category_names=CATEGORIES)
    # پردیس, چمران, گلستان: پ چ گ in their alphabetical places, not after ه as in code-point order.
    assert [row.name for row in m.rows] == ["پردیس", "چمران", "گلستان"]
    assert m.cell("IR/IR-07/IR-07-01/N1", "screening", "mosque") == Tally(action_count=2, budget=100, unbudgeted=1)
    assert m.rows[2].total == Tally(3, 150, 1)
    assert m.categories == ("food", "screening")  # بستهٔ غذایی before غربالگری
    assert m.institutions == ("basij", "school", "mosque", "red_crescent")  # بسیج مدرسه مسجد هلال احمر
    assert m.by_institution["mosque"] == Tally(2, 100, 1)
    assert m.total == Tally(5, 167, 1)
    assert list(m.rows[2].cells) == [("food", "red_crescent"), ("screening", "mosque")]
    assert units_by_institution_count(m)[0] == ("IR/IR-07/IR-07-01/N1", 2)


def test_period_committee_and_level() -> None:
    spring = who_does_what_where(worked(), period=Period.quarter(1405, 1))
    assert spring.total.action_count == 4  # action 4 starts in Mehr
    livelihood = who_does_what_where(worked(), committee="livelihood")
    assert {row.unit_path for row in livelihood.rows} == {"IR/IR-07/IR-07-01/N1", "IR/IR-07/IR-07-02/N3"}
    counties = who_does_what_where(worked(), level=3)
    assert [(row.unit_path, row.total.action_count) for row in counties.rows] == [
        ("IR/IR-07/IR-07-01", 4),
        ("IR/IR-07/IR-07-02", 1),
    ]


@given(actions(max_size=20))
def test_margins_add_up(made: list[Action]) -> None:
    m = who_does_what_where(made, unit_names=NAMES)
    assert m.total.action_count == len(made)
    assert sum(row.total.action_count for row in m.rows) == len(made)
    assert sum(t.budget for t in m.by_category.values()) == sum(a.budget or 0 for a in made)
    assert sum(t.action_count for t in m.by_institution.values()) == len(made)
    for row in m.rows:
        assert sum(t.action_count for t in row.cells.values()) == row.total.action_count
    keys = [persian_sort_key(row.name) for row in m.rows]
    assert keys == sorted(keys)
