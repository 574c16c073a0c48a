"""Jalali reporting periods: keys, Persian labels, nesting and their Gregorian days."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ostan.core.programs import InvalidPeriod, JalaliPeriod, PeriodKind

YEAR, SPRING, AUTUMN = JalaliPeriod.for_year(1404), JalaliPeriod.for_quarter(1404, 1), JalaliPeriod.for_quarter(1404, 3)
MEHR, FARVARDIN = JalaliPeriod.for_month(1404, 7), JalaliPeriod.for_month(1404, 1)


@pytest.mark.parametrize(
    ("period", "key", "label", "first", "last"),
    [
        (YEAR, "1404", "سال ۱۴۰۴", dt.date(2025, 3, 21), dt.date(2026, 3, 20)),
        (AUTUMN, "1404-Q3", "پاییز ۱۴۰۴", dt.date(2025, 9, 23), dt.date(2025, 12, 21)),
        (MEHR, "1404-07", "مهر ۱۴۰۴", dt.date(2025, 9, 23), dt.date(2025, 10, 22)),
        # 1403 is a leap year: Esfand has 30 days and the year 366.
        (JalaliPeriod.for_month(1403, 12), "1403-12", "اسفند ۱۴۰۳", dt.date(2025, 2, 19), dt.date(2025, 3, 20)),
    ],
)
def test_keys_labels_and_days(period: JalaliPeriod, key: str, label: str, first: dt.date, last: dt.date) -> None:
    assert (period.key, period.label, period.first_day, period.last_day) == (key, label, first, last)
    assert JalaliPeriod.parse(key) == period


def test_keys_in_persian_digits_are_read() -> None:
    assert JalaliPeriod.parse("۱۴۰۴-۰۷") == MEHR
    assert JalaliPeriod.parse(" 1404-Q3 ") == AUTUMN


@pytest.mark.parametrize("key", ["1404-13", "1404-Q5", "1404-00", "14040", "1404/07", "", "Q3"])
def test_impossible_or_unreadable_periods_are_refused(key: str) -> None:
    with pytest.raises(InvalidPeriod):
        JalaliPeriod.parse(key)


@pytest.mark.parametrize(
    ("outer", "inner", "contains", "overlaps"),
    [
        (YEAR, AUTUMN, True, True),
        (AUTUMN, MEHR, True, True),
        (YEAR, MEHR, True, True),
        (MEHR, MEHR, True, True),
        (SPRING, FARVARDIN, True, True),
        (AUTUMN, YEAR, False, True),
        (SPRING, MEHR, False, False),
        (JalaliPeriod.for_year(1403), YEAR, False, False),
    ],
)
def test_periods_nest(outer: JalaliPeriod, inner: JalaliPeriod, contains: bool, overlaps: bool) -> None:
    assert outer.contains(inner) is contains
    assert outer.overlaps(inner) is overlaps
    assert inner.overlaps(outer) is overlaps


def test_the_period_a_day_falls_in() -> None:
    assert JalaliPeriod.containing(dt.date(2025, 9, 23), PeriodKind.MONTH) == MEHR
    assert JalaliPeriod.containing(dt.date(2025, 9, 22), PeriodKind.QUARTER) == JalaliPeriod.for_quarter(1404, 2)
    assert JalaliPeriod.containing(dt.date(2025, 3, 20), PeriodKind.YEAR) == JalaliPeriod.for_year(1403)


@given(st.dates(dt.date(2000, 1, 1), dt.date(2100, 1, 1)), st.sampled_from(PeriodKind))
def test_every_day_lies_in_its_period(day: dt.date, kind: PeriodKind) -> None:
    period = JalaliPeriod.containing(day, kind)
    assert period.first_day <= day <= period.last_day
    assert JalaliPeriod.containing(day, PeriodKind.YEAR).contains(period)
    assert JalaliPeriod.parse(period.key) == period
