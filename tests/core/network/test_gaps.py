"""Gaps: poor needs where few or no actions run, ranked with their reasons."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from ostan.core.network.gaps import NeedArea, PoorBecause, find_gaps
from ostan.core.network.indicators import IndicatorValue
from ostan.core.network.model import Action
from ostan.core.network.targets import Target

from .builders import action
from .catalogue import CATALOGUE, N1, N2, N3, Q1, values

N4 = "IR/IR-07/IR-07-02/N4"
HEALTH, CULTURE = NeedArea("health"), NeedArea("culture", "literacy_class")
NEEDS = {"imr": HEALTH, "literacy": CULTURE}
SPRING = dt.date(2026, 4, 10)


def province_values() -> list[IndicatorValue]:
    extra = [IndicatorValue("births", N4, Q1, 100), IndicatorValue("infant_deaths", N4, Q1, 2)]
    return [*values(), *extra]  # imr: N1 10, N2 30, N3 4, N4 20; literacy: N1 90, N2 60, N3 80


def running() -> list[Action]:
    return [
        action("h", N2, committee="health", start=SPRING),  # N2's health need is being served
        action("c", N2, committee="culture", category="sports", start=SPRING),  # another category
        action(
            "old",
            N2,
            committee="culture",
            category="literacy_class",
            start=dt.date(2025, 1, 1),
            end=dt.date(2025, 6, 1),
        ),
    ]


def test_worked_example() -> None:
    gaps = find_gaps(CATALOGUE, province_values(), running(), period=Q1, needs=NEEDS)
    assert [(g.unit_path, g.area, g.score) for g in gaps] == [(N2, CULTURE, Decimal("0.6667"))]
    (reason,) = gaps[0].reasons
    assert (reason.indicator, reason.value, reason.because, reason.cut_off) == (
        "literacy",
        Decimal(60),
        (PoorBecause.WORST_QUANTILE,),
        Decimal(60),
    )


def test_few_actions_and_targets() -> None:
    targets = [Target("literacy", N1, Q1, 95)]
    gaps = find_gaps(CATALOGUE, province_values(), running(), period=Q1, needs=NEEDS, targets=targets, few_actions=1)
    found = {(g.unit_path, g.area): g for g in gaps}
    assert set(found) == {(N2, CULTURE), (N2, HEALTH), (N1, CULTURE)}
    assert found[(N2, HEALTH)].score == Decimal("0.3750")  # severity 3/4 ÷ (1 + 1 action)
    assert found[(N1, CULTURE)].reasons[0].because == (PoorBecause.BELOW_TARGET,)
    assert found[(N1, CULTURE)].score == 0  # the best literacy of all, yet short of its own target
    assert [g.unit_path for g in gaps] == [N2, N2, N1]


def test_a_wider_quantile_finds_more() -> None:
    half = find_gaps(CATALOGUE, province_values(), [], period=Q1, needs=NEEDS, worst_share=Fraction(1, 2))
    assert {(g.unit_path, g.area.committee) for g in half} == {(N2, "health"), (N4, "health"), (N2, "culture"),
                                                               (N3, "culture")}  # fmt: skip


@given(st.lists(st.sampled_from([N1, N2, N3, N4]), max_size=6), st.integers(0, 3))
def test_more_actions_never_add_a_gap(units: list[str], few: int) -> None:
    made = [action(f"a{i}", u, committee="health", start=SPRING) for i, u in enumerate(units)]
    before = find_gaps(CATALOGUE, province_values(), made, period=Q1, needs=NEEDS, few_actions=few)
    extra = [*made, dataclasses.replace(made[0], id="extra")] if made else made
    after = find_gaps(CATALOGUE, province_values(), extra, period=Q1, needs=NEEDS, few_actions=few)
    assert {(g.unit_path, g.area) for g in after} <= {(g.unit_path, g.area) for g in before}
    more_lenient = find_gaps(CATALOGUE, province_values(), made, period=Q1, needs=NEEDS, few_actions=few + 1)
    assert {(g.unit_path, g.area) for g in before} <= {(g.unit_path, g.area) for g in more_lenient}
    assert all(g.action_count <= few for g in before)


@given(st.dictionaries(st.sampled_from([N1, N2, N3, N4]), st.integers(0, 100), min_size=1), st.integers(1, 4))
def test_the_worst_quantile_holds_at_least_its_share(table: dict[str, int], quarters: int) -> None:
    made = [IndicatorValue("literacy", u, Q1, v) for u, v in table.items()]
    share = Fraction(quarters, 4)
    gaps = find_gaps(CATALOGUE, made, [], period=Q1, needs={"literacy": CULTURE}, worst_share=share)
    poor = {g.unit_path for g in gaps}
    assert len(poor) >= share * len(table)
    # Every poor unit is at least as badly off as every unit that is not.
    for unit in poor:
        assert all(table[unit] <= table[other] for other in table if other not in poor)
