"""Jalali reporting periods: parsing in any digit style, day ranges, listing and containment."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ostan.core.network.errors import InvalidPeriod
from ostan.core.network.periods import Period, PeriodKind, parse_period, period_containing, periods_between


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1405-03", Period.month(1405, 3)),
        ("۱۴۰۵-۰۳", Period.month(1405, 3)),
        ("١٤٠٥/٣", Period.month(1405, 3)),
        ("1405Q2", Period.quarter(1405, 2)),
        ("۱۴۰۵q۲", Period.quarter(1405, 2)),
        ("1405-Q4", Period.quarter(1405, 4)),
        (" ۱۴۰۵ ", Period.whole_year(1405)),
    ],
)
def test_parse_any_digit_style(text: str, expected: Period) -> None:
    assert parse_period(text) == expected


@pytest.mark.parametrize("text", ["1405-13", "1405-00", "1405Q5", "1405Q0", "14050", "خرداد", "", "05-03"])
def test_parse_refuses_with_a_stable_code(text: str) -> None:
    with pytest.raises(InvalidPeriod) as info:
        parse_period(text)
    assert info.value.code == "invalid_period"


def test_canonical_spelling_and_label() -> None:
    assert str(Period.month(1405, 3)) == "1405-03"
    assert str(Period.quarter(1405, 2)) == "1405Q2"
    assert str(Period.whole_year(1405)) == "1405"
    assert Period.month(1405, 3).label == "خرداد ۱۴۰۵"
    assert Period.quarter(1405, 1).label == "بهار ۱۴۰۵"
    assert Period.whole_year(1405).label == "سال ۱۴۰۵"


def test_day_ranges() -> None:
    # 1 Farvardin 1405 is 21 March 2026; Esfand 1403 had 30 days (a leap year), Esfand 1404 has 29.
    assert Period.month(1405, 1).first_day == dt.date(2026, 3, 21)
    assert Period.quarter(1405, 1).last_day == dt.date(2026, 6, 21)  # 31 Khordad
    assert Period.month(1403, 12).last_day == dt.date(2025, 3, 20)
    assert (Period.month(1404, 12).last_day - Period.month(1404, 12).first_day).days == 28
    assert Period.whole_year(1405).last_day == dt.date(2027, 3, 20)


def test_periods_between_and_containing() -> None:
    assert [str(p) for p in periods_between(Period.month(1404, 11), Period.month(1405, 2))] == [
        "1404-11",
        "1404-12",
        "1405-01",
        "1405-02",
    ]
    assert periods_between(Period.quarter(1405, 2), Period.quarter(1405, 2)) == (Period.quarter(1405, 2),)
    assert period_containing(dt.date(2026, 6, 22), PeriodKind.QUARTER) == Period.quarter(1405, 2)
    assert Period.whole_year(1405).contains(Period.quarter(1405, 3))
    assert Period.quarter(1405, 2).contains(Period.month(1405, 6))
    assert not Period.quarter(1405, 2).contains(Period.month(1405, 7))
    assert not Period.month(1405, 4).contains(Period.quarter(1405, 2))
    assert Period.quarter(1405, 2).months() == tuple(Period.month(1405, m) for m in (4, 5, 6))


def test_periods_between_refuses_mixed_kinds_and_reversed_ends() -> None:
    with pytest.raises(InvalidPeriod):
        periods_between(Period.month(1405, 1), Period.quarter(1405, 2))
    with pytest.raises(InvalidPeriod):
        periods_between(Period.month(1405, 2), Period.month(1405, 1))


days = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2060, 12, 31))
kinds = st.sampled_from(list(PeriodKind))


@given(days, kinds)
def test_the_containing_period_contains_the_day(day: dt.date, kind: PeriodKind) -> None:
    period = period_containing(day, kind)
    assert period.first_day <= day <= period.last_day
    assert parse_period(str(period)) == period


@given(days, kinds)
def test_periods_tile_the_calendar(day: dt.date, kind: PeriodKind) -> None:
    period = period_containing(day, kind)
    assert period.next().first_day == period.last_day + dt.timedelta(days=1)
    assert period.next().previous() == period
    assert period < period.next()


@given(days, days)
def test_months_between_cover_the_days_between(a: dt.date, b: dt.date) -> None:
    first, last = sorted((a, b))
    months = periods_between(period_containing(first, PeriodKind.MONTH), period_containing(last, PeriodKind.MONTH))
    assert months[0].contains_date(first)
    assert months[-1].contains_date(last)
    assert all(x.next() == y for x, y in itertools.pairwise(months))
