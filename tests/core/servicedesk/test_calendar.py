"""Working days: the weekend, holidays, and counting them (against a day-by-day oracle)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ostan.core.servicedesk import FRIDAY, THURSDAY, InvalidCalendar, WorkingCalendar

from .conftest import CALENDAR, THURSDAYS_OFF, calendars, days, j


def naive_count(calendar: WorkingCalendar, start: dt.date, end: dt.date) -> int:
    """The rule written out the slow way: working days d with start < d <= end."""
    sign, (a, b) = (1, (start, end)) if start <= end else (-1, (end, start))
    return sign * sum(calendar.is_working_day(a + dt.timedelta(days=i)) for i in range(1, (b - a).days + 1))


def test_friday_is_always_off_and_thursday_only_when_asked() -> None:
    thursday, friday, saturday = j(1405, 1, 20), j(1405, 1, 21), j(1405, 1, 22)
    assert (thursday.weekday(), friday.weekday()) == (THURSDAY, FRIDAY)
    assert CALENDAR.is_working_day(thursday)
    assert not CALENDAR.is_working_day(friday)
    assert not THURSDAYS_OFF.is_working_day(thursday)
    assert THURSDAYS_OFF.is_working_day(saturday)


def test_nowruz_and_the_twelfth_and_thirteenth_are_off() -> None:
    for day in (1, 2, 3, 4, 12, 13):
        assert not CALENDAR.is_working_day(j(1405, 1, day))
    assert CALENDAR.is_working_day(j(1405, 1, 5))
    assert CALENDAR.is_working_day(j(1405, 1, 11))


def test_counting_across_nowruz() -> None:
    # After Tue 26 Esfand 1404: Wed 27, Thu 28, then Fri 29 Esfand and Nowruz 1–4 off, Wed 5 Farvardin.
    assert CALENDAR.working_days_between(j(1404, 12, 26), j(1405, 1, 5)) == 3
    assert CALENDAR.add_working_days(j(1404, 12, 26), 3) == j(1405, 1, 5)
    assert CALENDAR.next_working_day(j(1404, 12, 28)) == j(1405, 1, 5)
    assert CALENDAR.working_day_on_or_after(j(1405, 1, 1)) == j(1405, 1, 5)
    assert CALENDAR.working_day_on_or_after(j(1405, 1, 5)) == j(1405, 1, 5)


def test_going_back_skips_holidays_too() -> None:
    assert CALENDAR.add_working_days(j(1405, 1, 5), -1) == j(1404, 12, 28)
    assert CALENDAR.add_working_days(j(1405, 1, 15), -2) == j(1405, 1, 10)  # Sat 15: back over 12–14


@pytest.mark.parametrize("weekend", [frozenset({THURSDAY}), frozenset(range(7)), frozenset({FRIDAY, 9})])
def test_refuses_impossible_weekends(weekend: frozenset[int]) -> None:
    with pytest.raises(InvalidCalendar):
        WorkingCalendar(weekend=weekend)


def test_holidays_on_the_weekend_are_not_subtracted_twice() -> None:
    friday = j(1405, 3, 15)  # 15 Khordad 1405 is a Friday
    with_it = WorkingCalendar(holidays=frozenset({friday}))
    assert with_it.working_days_between(friday - dt.timedelta(days=7), friday) == 6


@settings(max_examples=150)
@given(calendars(), days, days)
def test_count_matches_the_day_by_day_rule(calendar: WorkingCalendar, start: dt.date, end: dt.date) -> None:
    assert calendar.working_days_between(start, end) == naive_count(calendar, start, end)


@given(calendars(), days, st.integers(1, 120))
def test_adding_lands_on_a_working_day_and_counts_back(calendar: WorkingCalendar, day: dt.date, n: int) -> None:
    due = calendar.add_working_days(day, n)
    assert calendar.is_working_day(due)
    assert calendar.working_days_between(day, due) == n
    assert calendar.working_days_between(day, due - dt.timedelta(days=1)) == n - 1  # the first such day


@given(calendars(), days, st.integers(0, 120))
def test_adding_is_strictly_monotone(calendar: WorkingCalendar, day: dt.date, n: int) -> None:
    assert calendar.add_working_days(day, n + 1) > calendar.add_working_days(day, n)


@given(calendars(), days, st.integers(1, 60))
def test_going_back_undoes_going_forward(calendar: WorkingCalendar, day: dt.date, n: int) -> None:
    working = calendar.working_day_on_or_after(day)
    back = calendar.add_working_days(working, -n)
    assert calendar.is_working_day(back)
    assert calendar.working_days_between(back, working) == n
    assert calendar.add_working_days(back, n) == working


@given(calendars(), days, days, days)
def test_counts_add_up_over_consecutive_spans(calendar: WorkingCalendar, a: dt.date, b: dt.date, c: dt.date) -> None:
    total = calendar.working_days_between(a, c)
    assert calendar.working_days_between(a, b) + calendar.working_days_between(b, c) == total
    assert calendar.working_days_between(c, a) == -total
