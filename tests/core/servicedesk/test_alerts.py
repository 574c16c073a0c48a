"""Deadline alerts: a reminder before the deadline, an escalation after it, each once, none while paused."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from ostan.core.servicedesk import Deadline, Pause
from ostan.core.servicedesk.alerts import AlertKind, alerts_due
from ostan.core.servicedesk.deadlines import due_at
from tests.core.servicedesk.conftest import CALENDAR, TEHRAN, calendars, days, tehran

REMINDER, ESCALATION = AlertKind.REMINDER, AlertKind.ESCALATION


def test_worked_example_across_nowruz() -> None:
    # Filed on 25 Esfand 1404 with 5 working days: Nowruz (1-4 Farvardin) and Fridays do not count.
    deadline = Deadline(tehran(1404, 12, 25), 5)
    due = due_at(deadline, CALENDAR, tz=TEHRAN)
    assert alerts_due(deadline, CALENDAR, at=tehran(1404, 12, 26), tz=TEHRAN) == ()
    assert alerts_due(deadline, CALENDAR, at=due - dt.timedelta(days=1), tz=TEHRAN) == (REMINDER,)
    assert alerts_due(deadline, CALENDAR, at=due - dt.timedelta(days=1), tz=TEHRAN, sent=frozenset({REMINDER})) == ()
    assert alerts_due(deadline, CALENDAR, at=due, tz=TEHRAN) == (ESCALATION,)
    assert alerts_due(deadline, CALENDAR, at=due, tz=TEHRAN, sent=frozenset({ESCALATION})) == ()
    assert alerts_due(deadline, CALENDAR, at=due, tz=TEHRAN, is_open=False) == ()


def test_nothing_while_the_citizen_is_awaited() -> None:
    start = tehran(1405, 2, 1)
    paused = Deadline(start, 3, (Pause(start + dt.timedelta(hours=1)),))
    assert alerts_due(paused, CALENDAR, at=start + dt.timedelta(days=60), tz=TEHRAN) == ()


@settings(max_examples=60, deadline=None)
@given(calendars(), days, st.integers(1, 30), st.integers(0, 5), st.integers(0, 90))
def test_each_alert_is_raised_once_and_in_order(
    calendar: object, day: dt.date, working_days: int, before: int, offset: int
) -> None:
    start = dt.datetime.combine(day, dt.time(9), tzinfo=TEHRAN)
    deadline = Deadline(start, working_days)
    sent: set[AlertKind] = set()
    raised = []
    for hours in range(0, (offset + 1) * 24, 12):
        now = start + dt.timedelta(hours=hours)
        for alert in alerts_due(deadline, calendar, at=now, tz=TEHRAN, sent=frozenset(sent), before=before):  # type: ignore[arg-type]
            assert alert not in sent
            sent.add(alert)
            raised.append((alert, now))
    kinds = [a for a, _ in raised]
    assert kinds in ([], [REMINDER], [ESCALATION], [REMINDER, ESCALATION])
    due = due_at(deadline, calendar, tz=TEHRAN)  # type: ignore[arg-type]
    for alert, at in raised:
        assert (at >= due) == (alert is ESCALATION)
