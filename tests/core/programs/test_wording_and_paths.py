"""The small pieces every module leans on: Persian figures in messages, and unit paths."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest

from ostan.core.programs import InvalidMoment, InvalidUnitPath
from ostan.core.programs.moments import local_day
from ostan.core.programs.unit_paths import ancestor_at, check_path, depth, is_within, lineage
from ostan.core.programs.wording import percent, quantity


@pytest.mark.parametrize(
    ("share", "text"),
    [(Fraction(2, 5), "۴۰٪"), (Fraction(599, 1000), "۵۹٪"), (Fraction(999, 1000), "۹۹٪"), (Fraction(6, 5), "۱۲۰٪")],
)
def test_percentages_round_down(share: Fraction, text: str) -> None:
    assert percent(share) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (4140, "۴٬۱۴۰"),
        (Decimal("116"), "۱۱۶"),
        (Decimal("70.50"), "۷۰٫۵"),
        (Decimal("-1.25"), "-۱٫۲۵"),
        (Decimal("0.5"), "۰٫۵"),
        (Decimal("1E+3"), "۱٬۰۰۰"),
    ],
)
def test_quantities(value: Decimal | int, text: str) -> None:
    assert quantity(value) == text


def test_paths() -> None:
    path = "IR/IR-15/IR-15-01/D2"
    assert depth(path) == 4
    assert lineage(path) == (path, "IR/IR-15/IR-15-01", "IR/IR-15", "IR")
    assert (ancestor_at(path, 2), ancestor_at(path, 4), ancestor_at(path, 5)) == ("IR/IR-15", path, None)
    assert is_within(path, "IR/IR-15")
    assert not is_within("IR/IR-150", "IR/IR-15")  # a prefix of the text is not a unit above


@pytest.mark.parametrize("path", ["", "/IR", "IR/", "IR//IR-15", "IR/ IR-15"])
def test_malformed_paths_are_refused(path: str) -> None:
    with pytest.raises(InvalidUnitPath) as error:
        check_path(path)
    assert error.value.code == "invalid_unit_path"


def test_a_moment_needs_a_zone() -> None:
    assert local_day(dt.datetime(2025, 3, 20, 21, tzinfo=dt.UTC)) == dt.date(2025, 3, 21)
    with pytest.raises(InvalidMoment) as error:
        local_day(dt.datetime(2025, 3, 20, 21), field="sent_at")
    assert error.value.details == {"path": "sent_at"}
