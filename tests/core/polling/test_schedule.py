"""The polling-hours rule: worked examples and a property (the schedule never opens polls outside it)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ostan.core.polling.schedule import PollsRefusal, Schedule, polls_refusal, schedule_refusal

TEHRAN = dt.timezone(dt.timedelta(hours=3, minutes=30))
OPENS = dt.datetime(2026, 5, 29, 8, 0, tzinfo=TEHRAN)
CLOSES = dt.datetime(2026, 5, 29, 18, 0, tzinfo=TEHRAN)
DAY = Schedule(OPENS, CLOSES)
MINUTE = dt.timedelta(minutes=1)


def test_worked_examples() -> None:
    assert schedule_refusal(DAY, OPENS - MINUTE) is PollsRefusal.NOT_YET_OPEN
    assert schedule_refusal(DAY, OPENS) is None
    assert schedule_refusal(DAY, CLOSES - MINUTE) is None
    assert schedule_refusal(DAY, CLOSES) is PollsRefusal.OVER  # at the closing time: closed
    assert schedule_refusal(DAY, CLOSES + 10 * MINUTE, grace=30 * MINUTE) is None
    assert schedule_refusal(DAY, CLOSES + 30 * MINUTE, grace=30 * MINUTE) is PollsRefusal.OVER
    assert schedule_refusal(DAY, OPENS - MINUTE, grace=30 * MINUTE) is PollsRefusal.NOT_YET_OPEN  # no grace before
    assert schedule_refusal(Schedule(), CLOSES + 1000 * MINUTE) is None  # unset: not limited
    assert schedule_refusal(Schedule(closes_at=CLOSES), OPENS - 1000 * MINUTE) is None


def test_the_station_and_the_results_come_before_the_clock() -> None:
    inside = OPENS + MINUTE
    assert polls_refusal(DAY, inside, is_station_open=True, is_announced=False) is None
    assert polls_refusal(DAY, inside, is_station_open=False, is_announced=True) is PollsRefusal.STATION_CLOSED
    assert polls_refusal(DAY, inside, is_station_open=True, is_announced=True) is PollsRefusal.RESULTS_ANNOUNCED
    assert polls_refusal(DAY, CLOSES, is_station_open=True, is_announced=False) is PollsRefusal.OVER


def test_a_schedule_is_checked_on_construction() -> None:
    with pytest.raises(ValueError, match="close after"):
        Schedule(CLOSES, OPENS)
    with pytest.raises(ValueError, match="aware"):
        Schedule(OPENS.replace(tzinfo=None), None)


@given(st.integers(-3000, 3000), st.integers(0, 120))
def test_polls_are_open_exactly_between_opening_and_closing_plus_grace(minutes: int, grace: int) -> None:
    now = OPENS + minutes * MINUTE
    verdict = schedule_refusal(DAY, now, grace=grace * MINUTE)
    assert (verdict is None) == (OPENS <= now < CLOSES + grace * MINUTE)
