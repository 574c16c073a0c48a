"""Jalali display and input; storage stays Gregorian."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ostan.core import jalali


def test_known_dates() -> None:
    # 1 Farvardin 1405 (Nowruz) is 21 March 2026; 30 Azar 1405 is 21 December 2026.
    assert jalali.format_date(dt.date(2026, 3, 21), persian_digits=False) == "1405/01/01"
    assert jalali.format_date(dt.date(2026, 12, 21)) == "۱۴۰۵/۰۹/۳۰"
    assert jalali.format_date(dt.date(2026, 11, 22), long=True) == "۱ آذر ۱۴۰۵"


def test_format_datetime_in_tehran() -> None:
    moment = dt.datetime(2026, 11, 22, 10, 30, tzinfo=dt.UTC)
    assert jalali.format_datetime(moment, persian_digits=False) == "1405/09/01 14:00"


def test_format_datetime_refuses_naive() -> None:
    with pytest.raises(ValueError, match="aware"):
        jalali.format_datetime(dt.datetime(2026, 1, 1))


@pytest.mark.parametrize("raw", ["۱۴۰۵/۰۹/۰۱", "1405-9-1", "١٤٠٥/٠٩/٠١", " 1405.09.01 "])
def test_parse_any_digit_style(raw: str) -> None:
    assert jalali.parse_date(raw) == dt.date(2026, 11, 22)


@pytest.mark.parametrize("raw", ["1405/13/01", "1405/12/31", "fourteen", "1405/09"])
def test_parse_rejects_with_persian_message(raw: str) -> None:
    with pytest.raises(jalali.InvalidJalaliDate) as info:
        jalali.parse_date(raw)
    assert info.value.code == "invalid_jalali_date"


@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_format_then_parse_round_trips(day: dt.date) -> None:
    assert jalali.parse_date(jalali.format_date(day)) == day


@given(
    st.dates(min_value=dt.date(1920, 1, 1), max_value=dt.date(2010, 12, 31)),
    st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 12, 31)),
)
def test_full_years(born: dt.date, on: dt.date) -> None:
    years = jalali.full_years_between(born, on)
    anniversary_year = born.year + years
    # The last birthday passed is on or before `on`; the next one is after it.
    try:
        last = born.replace(year=anniversary_year)
        after = born.replace(year=anniversary_year + 1)
    except ValueError:  # 29 February
        last = dt.date(anniversary_year, 3, 1)
        after = dt.date(anniversary_year + 1, 3, 1)
    assert last <= on < after
