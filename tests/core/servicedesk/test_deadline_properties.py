"""Invariants of the deadline rules, by hypothesis over calendars, registrations and pauses."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from ostan.core.servicedesk import Deadline, Pause, WorkingCalendar, due_on, handling_working_days
from ostan.core.servicedesk import deadlines as dl

from .conftest import TEHRAN, calendars

moments = st.datetimes(dt.datetime(2025, 3, 21), dt.datetime(2027, 6, 1), timezones=st.just(TEHRAN)).map(
    lambda m: m.replace(second=0, microsecond=0)
)
gaps = st.timedeltas(dt.timedelta(0), dt.timedelta(days=20))


@st.composite
def deadlines(draw: st.DrawFn, *, max_pauses: int = 3) -> Deadline:
    registered = draw(moments)
    pauses: list[Pause] = []
    cursor = registered
    for _ in range(draw(st.integers(0, max_pauses))):
        start = cursor + draw(gaps)
        end = start + draw(gaps)
        pauses.append(Pause(start, end))
        cursor = end
    return Deadline(registered, draw(st.integers(1, 30)), tuple(pauses))


def _local(moment: dt.datetime) -> dt.date:
    return moment.astimezone(TEHRAN).date()


@given(calendars(), deadlines())
def test_the_due_day_is_a_working_day(calendar: WorkingCalendar, deadline: Deadline) -> None:
    assert calendar.is_working_day(due_on(deadline, calendar, tz=TEHRAN))


@given(calendars(), deadlines(max_pauses=0))
def test_without_pauses_the_count_from_registration_is_n(calendar: WorkingCalendar, deadline: Deadline) -> None:
    day = due_on(deadline, calendar, tz=TEHRAN)
    assert calendar.working_days_between(_local(deadline.registered_at), day) == deadline.working_days
    assert day > _local(deadline.registered_at)


@given(calendars(), deadlines())
def test_more_working_days_never_end_sooner(calendar: WorkingCalendar, deadline: Deadline) -> None:
    longer = Deadline(deadline.registered_at, deadline.working_days + 1, deadline.pauses)
    assert due_on(longer, calendar, tz=TEHRAN) > due_on(deadline, calendar, tz=TEHRAN)


@given(calendars(), deadlines())
def test_pauses_never_shorten_a_deadline(calendar: WorkingCalendar, deadline: Deadline) -> None:
    for kept in range(len(deadline.pauses)):
        fewer = Deadline(deadline.registered_at, deadline.working_days, deadline.pauses[:kept])
        assert due_on(fewer, calendar, tz=TEHRAN) <= due_on(deadline, calendar, tz=TEHRAN)


@given(calendars(), deadlines(max_pauses=1))
def test_a_pause_in_time_gives_back_exactly_its_working_days(calendar: WorkingCalendar, deadline: Deadline) -> None:
    plain = Deadline(deadline.registered_at, deadline.working_days)
    plain_day = due_on(plain, calendar, tz=TEHRAN)
    expected = 0
    for pause in deadline.pauses:
        assert pause.ended_at is not None
        if pause.started_at < dl.due_at(plain, calendar, tz=TEHRAN):
            expected = calendar.working_days_between(_local(pause.started_at), _local(pause.ended_at))
    assert due_on(deadline, calendar, tz=TEHRAN) == calendar.add_working_days(plain_day, expected)


@given(calendars(), deadlines(max_pauses=0), gaps, gaps)
def test_the_clock_stands_still_while_paused(
    calendar: WorkingCalendar, deadline: Deadline, after: dt.timedelta, length: dt.timedelta
) -> None:
    start = deadline.registered_at + after
    if start >= dl.due_at(deadline, calendar, tz=TEHRAN):
        return  # a pause after the deadline is a different rule
    before = dl.remaining_working_days(deadline, calendar, at=start, tz=TEHRAN)
    waiting = deadline.with_pause(Pause(start))
    resumed = deadline.with_pause(Pause(start, start + length))
    assert dl.remaining_working_days(waiting, calendar, at=start + length, tz=TEHRAN) == before
    assert dl.remaining_working_days(resumed, calendar, at=start + length, tz=TEHRAN) == before


@given(calendars(), deadlines(), st.integers(0, 40))
def test_the_reminder_comes_on_a_working_day_before_the_deadline(
    calendar: WorkingCalendar, deadline: Deadline, before: int
) -> None:
    reminder = dl.reminder_on(deadline, calendar, tz=TEHRAN, before=before)
    due = due_on(deadline, calendar, tz=TEHRAN)
    assert calendar.is_working_day(reminder)
    assert _local(deadline.registered_at) < reminder <= due
    assert calendar.working_days_between(reminder, due) <= before


@given(calendars(), deadlines(), gaps)
def test_handling_time_never_exceeds_the_plain_count(
    calendar: WorkingCalendar, deadline: Deadline, wait: dt.timedelta
) -> None:
    answered = max([deadline.registered_at, *(p.ended_at for p in deadline.pauses if p.ended_at)]) + wait
    spent = handling_working_days(deadline.registered_at, answered, calendar, tz=TEHRAN, pauses=deadline.pauses)
    plain = calendar.working_days_between(_local(deadline.registered_at), _local(answered))
    assert 0 <= spent <= plain
