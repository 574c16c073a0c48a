"""Invariants of the status rules, checked by hypothesis over generated key projects."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from ostan.core.jalali import TEHRAN
from ostan.core.programs import Direction, Indicator, KeyProject, Milestone, Reading, Status, assess

from .conftest import START, day, noon

EXAMPLES = settings(max_examples=80, deadline=None)


@st.composite
def milestones(draw: st.DrawFn, length: int, *, done_by: int | None = None) -> Milestone:
    """A milestone due inside a window of ``length`` days; ``done_by`` forces it done on or before that day."""
    due = draw(st.integers(0, length))
    if done_by is not None:
        done: int | None = draw(st.integers(-10, done_by))
    else:
        done = draw(st.none() | st.integers(-10, length + 30))
    return Milestone(f"گام {due}", day(due), None if done is None else day(done), draw(st.integers(1, 5)))


@st.composite
def indicators(draw: st.DrawFn, code: str, length: int, *, reached_by: int | None = None) -> Indicator:
    direction = draw(st.sampled_from(Direction))
    baseline = draw(st.integers(0, 500))
    step = draw(st.integers(1, 500))
    target = baseline + step if direction is Direction.UP else baseline - step
    days = draw(st.lists(st.integers(-10, length + 30), unique=True, max_size=3))
    readings = [Reading(day(n), Decimal(draw(st.integers(-200, 1200)))) for n in days]
    if reached_by is not None:
        # A last reading on or before ``reached_by`` at the target or beyond it.
        last = max([n for n in days if n <= reached_by], default=-11) + 1
        assume(last <= reached_by)
        beyond = draw(st.integers(0, 50))
        readings = [r for r in readings if r.on < day(last)]
        readings.append(Reading(day(last), Decimal(target + beyond if direction is Direction.UP else target - beyond)))
    return Indicator(code, f"شاخص {code}", Decimal(baseline), Decimal(target), direction, tuple(readings))


@st.composite
def projects(draw: st.DrawFn, *, done_by: int | None = None) -> KeyProject:
    length = draw(st.integers(1, 400))
    ms = draw(st.lists(milestones(length, done_by=done_by), max_size=6))
    codes = draw(st.lists(st.sampled_from(["jobs", "waste", "housing"]), unique=True, max_size=3))
    inds = [draw(indicators(code, length, reached_by=done_by)) for code in codes]
    assume(ms or inds)
    return KeyProject("kp", "کار شاخص آزمون", "IR/IR-07", START, day(length), tuple(ms), tuple(inds))


def frozen_after(p: KeyProject) -> int:
    """The last window day on which anything was recorded (a milestone done, a reading taken)."""
    days = [m.done_on for m in p.milestones if m.done_on] + [r.on for i in p.indicators for r in i.readings]
    return max(((d - START).days for d in days), default=-20)


@EXAMPLES
@given(st.data())
def test_a_project_with_everything_done_is_done(data: st.DataObject) -> None:
    today = data.draw(st.integers(-5, 500), label="today")
    p = data.draw(projects(done_by=today))
    a = assess(p, at=noon(day(today)))
    assert a.status is Status.DONE
    assert a.progress == 1


@EXAMPLES
@given(st.data())
def test_adding_an_overdue_milestone_never_improves_the_status(data: st.DataObject) -> None:
    p = data.draw(projects())
    length = (p.ends_on - p.starts_on).days
    today = data.draw(st.integers(1, length + 60), label="today")
    due = data.draw(st.integers(0, min(length, today - 1)), label="due")
    done = data.draw(st.none() | st.integers(today + 1, today + 60), label="done")
    weight = data.draw(st.integers(1, 5), label="weight")
    overdue = Milestone("نقطهٔ عطف معوق", day(due), None if done is None else day(done), weight)
    worse = KeyProject(p.id, p.title, p.unit_path, p.starts_on, p.ends_on, (*p.milestones, overdue), p.indicators)
    before, after = assess(p, at=noon(day(today))), assess(worse, at=noon(day(today)))
    assert after.status.severity >= before.status.severity
    assert after.progress <= before.progress
    assert after.status is not Status.DONE


@EXAMPLES
@given(projects(), st.lists(st.integers(-30, 600), min_size=2, max_size=6))
def test_with_no_further_updates_the_status_only_worsens_with_time(p: KeyProject, offsets: list[int]) -> None:
    start = frozen_after(p)
    days = sorted(start + abs(n) for n in offsets)
    severities = [assess(p, at=noon(day(n))).status.severity for n in days]
    assert severities == sorted(severities)


@EXAMPLES
@given(projects(), st.integers(-30, 600), st.integers(0, 600))
def test_a_project_never_updated_moves_forward_through_the_statuses(p: KeyProject, first: int, later: int) -> None:
    untouched = KeyProject(
        p.id,
        p.title,
        p.unit_path,
        p.starts_on,
        p.ends_on,
        tuple(Milestone(m.title, m.due_on, None, m.weight) for m in p.milestones),
        tuple(Indicator(i.code, i.name, i.baseline, i.target, i.direction) for i in p.indicators),
    )
    order = [Status.NOT_STARTED, Status.ON_TRACK, Status.AT_RISK, Status.LATE]
    a, b = (assess(untouched, at=noon(day(n))).status for n in (first, first + later))
    assert order.index(a) <= order.index(b)


@EXAMPLES
@given(projects(), st.integers(-30, 600))
def test_the_status_is_the_worst_reason_and_every_figure_is_a_share(p: KeyProject, today: int) -> None:
    a = assess(p, at=noon(day(today)))
    assert a.reasons
    assert a.status is a.reasons[0].status
    assert max(r.status.severity for r in a.reasons) == a.status.severity
    assert 0 <= a.progress <= 1
    assert 0 <= a.expected <= 1
    assert all(r.message and r.message == r.message.strip() for r in a.reasons)


@settings(max_examples=40, deadline=None)
@given(projects(), st.integers(-30, 600), st.integers(0, 23))
def test_only_the_local_day_matters(p: KeyProject, today: int, hour: int) -> None:
    morning = dt.datetime.combine(day(today), dt.time(0, 0), tzinfo=TEHRAN)
    assert assess(p, at=morning) == assess(p, at=morning + dt.timedelta(hours=hour, minutes=59))
