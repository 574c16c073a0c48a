"""Meetings' decisions: open, late or done at a moment, and each owner's summary."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ostan.core.programs import Decision, DecisionStatus, InvalidDecision, decision_status, owner_summaries

from .conftest import day, noon

ROADS, WATER, RELIEF = "ادارهٔ راه و شهرسازی", "شرکت آب و فاضلاب", "کمیتهٔ امداد"
DECISIONS = (
    Decision("m1-1", "بهسازی جادهٔ روستایی", ROADS, due_on=day(10), done_on=day(8)),
    Decision("m1-2", "آسفالت معبر محله", ROADS, due_on=day(20), done_on=day(25)),  # done five days late
    Decision("m1-3", "لایروبی آبراهه", ROADS, due_on=day(30)),  # late from day 31
    Decision("m1-4", "لوله‌کشی آب شرب", WATER, due_on=day(40)),
    Decision("m1-5", "سبد معیشتی خانوارها", RELIEF, due_on=day(15)),
    Decision("m1-6", "تعمیر مخزن", WATER, due_on=day(12)),
)


@pytest.mark.parametrize(
    ("decision", "on", "status"),
    [
        (DECISIONS[0], 5, DecisionStatus.OPEN),
        (DECISIONS[0], 8, DecisionStatus.DONE),
        (DECISIONS[1], 20, DecisionStatus.OPEN),  # the due day itself is in time
        (DECISIONS[1], 21, DecisionStatus.LATE),
        (DECISIONS[1], 25, DecisionStatus.DONE),  # done late is still done
    ],
)
def test_status_on_a_day(decision: Decision, on: int, status: DecisionStatus) -> None:
    assert decision_status(decision, at=noon(day(on))) is status


def test_each_owner_with_the_furthest_behind_first() -> None:
    # Water has two late; relief and roads one each, relief's the longer (30 days against 15).
    rows = owner_summaries(DECISIONS, at=noon(day(45)))
    assert [(s.owner, s.open, s.late, s.done, s.done_late, s.most_days_late, s.total) for s in rows] == [
        (WATER, 0, 2, 0, 0, 33, 2),  # m1-6 due day 12: 33 days late on day 45; m1-4 five days
        (RELIEF, 0, 1, 0, 0, 30, 1),
        (ROADS, 0, 1, 2, 1, 15, 3),
    ]


def test_early_on_everyone_is_open() -> None:
    rows = owner_summaries(DECISIONS, at=noon(day(1)))
    assert [(s.owner, s.open, s.late) for s in rows] == [(ROADS, 3, 0), (WATER, 2, 0), (RELIEF, 1, 0)]


def test_the_day_is_tehrans() -> None:
    # 21:00 UTC on day 30 is 00:30 on day 31 in Tehran: m1-3 is late there, not yet in UTC.
    moment = dt.datetime.combine(day(30), dt.time(21), tzinfo=dt.UTC)
    assert decision_status(DECISIONS[2], at=moment) is DecisionStatus.LATE
    assert decision_status(DECISIONS[2], at=moment, tz=dt.UTC) is DecisionStatus.OPEN


def test_labels() -> None:
    assert [s.label for s in DecisionStatus] == ["در جریان", "معوق", "انجام شده"]


@pytest.mark.parametrize(
    "build",
    [
        lambda: Decision("x", " ", ROADS, day(1)),
        lambda: Decision("x", "کار", "", day(1)),
        lambda: owner_summaries((DECISIONS[0], DECISIONS[0]), at=noon(day(1))),
    ],
)
def test_refusals(build: object) -> None:
    with pytest.raises(InvalidDecision):
        build()  # type: ignore[operator]


decisions = st.lists(
    st.builds(
        lambda i, owner, due, done: Decision(f"d{i}", "مصوبه", owner, day(due), None if done is None else day(done)),
        st.integers(),
        st.sampled_from([ROADS, WATER, RELIEF]),
        st.integers(0, 60),
        st.none() | st.integers(0, 90),
    ),
    unique_by=lambda d: d.id,
    max_size=15,
)


@settings(max_examples=60)
@given(decisions, st.integers(0, 100), st.integers(0, 30))
def test_every_decision_is_counted_once_and_none_gets_undone(items: list[Decision], on: int, later: int) -> None:
    rows = owner_summaries(items, at=noon(day(on)))
    assert sum(s.total for s in rows) == len(items)
    done_then = sum(s.done for s in rows)
    assert sum(s.done for s in owner_summaries(items, at=noon(day(on + later)))) >= done_then
