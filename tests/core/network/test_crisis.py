"""Crisis rules: coverage of a subtree, needs against resources per kind, late tasks, the closing summary."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ostan.core.network.crisis import (
    Crisis,
    CrisisTask,
    KindBalance,
    Need,
    Resource,
    TaskState,
    closing_summary,
    covered_units,
    late_tasks,
    match_needs,
    task_state,
)
from ostan.core.network.errors import InvalidCrisis

from .catalogue import C1, N1, N2, N3

UTC = dt.UTC
DECLARED = dt.datetime(2026, 4, 1, 6, 0, tzinfo=UTC)
FLOOD = Crisis("flood-1405", "flood", (C1,), DECLARED)
UNITS = [N1, N2, N3, C1, "IR/IR-07/IR-07-010"]  # the last shares C1's prefix but is not under it


def hours(n: int) -> dt.datetime:
    return DECLARED + dt.timedelta(hours=n)


def test_a_declared_unit_covers_its_subtree() -> None:
    assert covered_units(FLOOD, UNITS) == (C1, N1, N2)
    assert not FLOOD.covers("IR/IR-07")


def test_needs_against_resources() -> None:
    needs = [Need(N1, "tent", 40), Need(N2, "tent", 30), Need(N2, "blanket", 100), Need(N3, "tent", 500)]
    resources = [Resource("tent", 50, "red_crescent"), Resource("blanket", 120, "relief_committee"),
                 Resource("water_litre", 1000, "municipality")]  # fmt: skip
    matching = match_needs(FLOOD, needs, resources)
    assert matching.balances == (
        KindBalance("tent", 70, 50),  # N3's 500 tents are outside the crisis
        KindBalance("blanket", 100, 120),
        KindBalance("water_litre", 0, 1000),
    )
    tent, blanket, water = matching.balances
    assert (tent.shortfall, tent.surplus, tent.coverage_percent) == (20, 0, Decimal("71.43"))
    assert (blanket.shortfall, blanket.surplus, blanket.coverage_percent) == (0, 20, Decimal("100.00"))
    assert water.coverage_percent is None
    assert matching.outside == (Need(N3, "tent", 500),)


def tasks() -> list[CrisisTask]:
    return [
        CrisisTask("t1", "اسکان اضطراری", N1, due_at=hours(6), done_at=hours(5)),
        CrisisTask("t2", "توزیع آب", N2, due_at=hours(12), done_at=hours(20)),
        CrisisTask("t3", "تخلیهٔ مدرسه", N2, due_at=hours(10)),
        CrisisTask("t4", "ارزیابی خسارت", N1, due_at=hours(48)),
    ]


def test_tasks_late_at_a_moment() -> None:
    at = hours(15)
    assert [task_state(t, at) for t in tasks()] == [TaskState.DONE, TaskState.LATE, TaskState.LATE, TaskState.OPEN]
    assert [t.id for t in late_tasks(tasks(), at)] == ["t3", "t2"]  # the longest overdue first
    assert task_state(tasks()[1], hours(20)) is TaskState.DONE  # done at that very moment


def test_closing_summary() -> None:
    closed = Crisis("flood-1405", "flood", (C1,), DECLARED, closed_at=hours(72))
    summary = closing_summary(
        closed, unit_paths=UNITS, tasks=tasks(), needs=[Need(N1, "tent", 10)], resources=[], at=hours(500)
    )
    assert summary.as_of == hours(72)
    assert summary.duration == dt.timedelta(hours=72)
    assert summary.covered_units == (C1, N1, N2)
    assert (summary.tasks.done_on_time, summary.tasks.done_late, summary.tasks.open, summary.tasks.late) == (1, 1, 0, 2)
    assert [t.id for t in summary.late_tasks] == ["t3", "t4"]
    assert summary.balances == (KindBalance("tent", 10, 0),)


def test_naive_moments_and_bad_declarations_are_refused() -> None:
    with pytest.raises(InvalidCrisis):
        Crisis("c", "flood", (C1,), dt.datetime(2026, 4, 1))
    with pytest.raises(InvalidCrisis):
        Crisis("c", "flood", (), DECLARED)
    with pytest.raises(InvalidCrisis):
        Crisis("c", "flood", (C1,), DECLARED, closed_at=hours(-1))
    with pytest.raises(InvalidCrisis):
        task_state(tasks()[0], dt.datetime(2026, 4, 2))
    with pytest.raises(InvalidCrisis):
        Need(N1, "tent", -1)


@given(st.lists(st.tuples(st.sampled_from(["tent", "blanket"]), st.integers(0, 100)), max_size=8),
       st.lists(st.tuples(st.sampled_from(["tent", "blanket", "water"]), st.integers(0, 100)), max_size=8))  # fmt: skip
def test_balances_account_for_every_quantity(needs: list[tuple[str, int]], stock: list[tuple[str, int]]) -> None:
    matching = match_needs(FLOOD, [Need(N1, k, q) for k, q in needs], [Resource(k, q) for k, q in stock])
    assert sum(b.needed for b in matching.balances) == sum(q for _, q in needs)
    assert sum(b.available for b in matching.balances) == sum(q for _, q in stock)
    for b in matching.balances:
        assert b.available + b.shortfall - b.surplus == b.needed
    shortfalls = [b.shortfall for b in matching.balances]
    assert shortfalls == sorted(shortfalls, reverse=True)


@given(st.integers(-100, 100), st.one_of(st.none(), st.integers(-100, 100)), st.integers(-100, 100))
def test_a_task_is_in_exactly_one_state(due: int, done: int | None, at: int) -> None:
    task = CrisisTask("t", "کار", N1, due_at=hours(due), done_at=None if done is None else hours(done))
    state = task_state(task, hours(at))
    assert (state is TaskState.LATE) == (due < at and (done is None or done > at))
    assert (task in late_tasks([task], hours(at))) == (state is TaskState.LATE)
