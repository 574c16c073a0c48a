"""Weighted progress roll-ups: a worked example by hand, the weight rule, and the invariants."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ostan.core.errors import DomainError
from ostan.core.network.errors import InvalidAction
from ostan.core.network.model import Action
from ostan.core.network.progress import (
    ActionStatus,
    StatusCounts,
    action_status,
    action_weights,
    rollup_progress,
    weighted_progress,
)
from ostan.core.network.rounding import to_decimal

from .builders import action, actions

N1, N2, N3 = "IR/IR-07/IR-07-01/N1", "IR/IR-07/IR-07-01/N2", "IR/IR-07/IR-07-02/N3"
TODAY = dt.date(2026, 6, 1)


def worked_example() -> list[Action]:
    d = dt.date
    return [
        # Plan P1 in N1, both budgeted: weights 300/200 = 1.5 and 100/200 = 0.5.
        action("a1", N1, plan_id="P1", progress=50, budget=300, start=d(2026, 4, 1), end=d(2026, 5, 15)),
        action("a2", N1, plan_id="P1", progress=100, budget=100, start=d(2026, 4, 1), end=d(2026, 5, 15)),
        # N1's unplanned action: no budget, weight 1; it starts next month.
        action("a3", N1, progress=20, start=d(2026, 7, 1), end=d(2026, 9, 1)),
        # Plan P2 in N2 has an action without budget: every action of P2 weighs 1.
        action("a4", N2, plan_id="P2", progress=0, start=d(2026, 5, 1), end=d(2026, 12, 31)),
        action("a5", N2, plan_id="P2", progress=40, budget=500, start=d(2026, 5, 1), end=d(2026, 6, 1)),
        # N3 in the other county: an explicit weight of 2, its end day yesterday.
        action("a6", N3, progress=90, weight=2, start=d(2026, 4, 1), end=d(2026, 5, 31)),
    ]


def test_worked_example() -> None:
    rollup = rollup_progress(worked_example(), today=TODAY)
    assert rollup.plans["P1"].progress == Decimal("62.50")  # (1.5×50 + 0.5×100) / 2
    assert rollup.plans["P2"].progress == Decimal("20.00")
    assert rollup.units[N1].progress == Decimal("48.33")  # (75 + 50 + 20) / 3
    assert rollup.units["IR/IR-07/IR-07-01"].progress == Decimal("37.00")  # (145 + 0 + 40) / 5
    assert rollup.units[N3].progress == Decimal("90.00")
    assert rollup.units["IR/IR-07"].progress == Decimal("52.14")  # (185 + 2×90) / 7
    assert rollup.units["IR/IR-07"].weight == Decimal("7.0000")
    assert rollup.units["IR/IR-07"].counts == StatusCounts(planned=1, running=2, done=1, late=2)
    assert rollup.units[N1].counts == StatusCounts(planned=1, running=0, done=1, late=1)
    assert set(rollup.units) == {"IR", "IR/IR-07", "IR/IR-07/IR-07-01", "IR/IR-07/IR-07-02", N1, N2, N3}


@pytest.mark.parametrize(
    ("progress", "start", "end", "expected"),
    [
        (100, dt.date(2026, 1, 1), dt.date(2026, 2, 1), ActionStatus.DONE),  # done beats late
        (99, dt.date(2026, 1, 1), dt.date(2026, 5, 31), ActionStatus.LATE),
        (0, dt.date(2026, 1, 1), TODAY, ActionStatus.RUNNING),  # the end day itself is on time
        (0, TODAY, TODAY, ActionStatus.RUNNING),
        (30, dt.date(2026, 6, 2), dt.date(2026, 7, 1), ActionStatus.PLANNED),
    ],
)
def test_status_on_a_day(progress: int, start: dt.date, end: dt.date, expected: ActionStatus) -> None:
    assert action_status(action("s", progress=progress, start=start, end=end), TODAY) is expected


def test_zero_budget_counts_as_no_budget() -> None:
    weights = action_weights([action("a", plan_id="P", budget=0), action("b", plan_id="P", budget=10)])
    assert weights == {"a": 1, "b": 1}


def test_a_plan_lives_in_one_unit_and_ids_are_unique() -> None:
    with pytest.raises(InvalidAction):
        action_weights([action("a", N1, plan_id="P"), action("b", N2, plan_id="P")])
    with pytest.raises(InvalidAction):
        action_weights([action("a", N1), action("a", N2)])


@pytest.mark.parametrize(
    ("field", "value"),
    [("progress", 101), ("progress", -1), ("budget", -5), ("weight", 0), ("unit_path", "IR//x"), ("id", "")],
)
def test_records_are_checked_on_construction(field: str, value: object) -> None:
    with pytest.raises(DomainError) as info:
        action(**{"id": "a", field: value})  # type: ignore[arg-type]
    assert info.value.code in {"invalid_action", "invalid_unit_path"}


def test_end_before_start_is_refused() -> None:
    with pytest.raises(InvalidAction):
        action("a", start=dt.date(2026, 5, 2), end=dt.date(2026, 5, 1))


@given(actions())
def test_progress_stays_within_bounds(made: list[Action]) -> None:
    rollup = rollup_progress(made, today=TODAY)
    for node in [*rollup.units.values(), *rollup.plans.values()]:
        assert Decimal(0) <= node.progress <= Decimal(100)
        assert node.counts.total == node.action_count


@given(actions(), st.integers(0, 100))
def test_equal_children_roll_up_to_the_child(made: list[Action], progress: int) -> None:
    same = [dataclasses.replace(a, progress=progress) for a in made]
    rollup = rollup_progress(same, today=TODAY)
    assert {node.progress for node in rollup.units.values()} == {Decimal(progress).quantize(Decimal("0.01"))}


@given(actions(), st.integers(2, 1000))
def test_budgets_are_scale_invariant(made: list[Action], factor: int) -> None:
    # Budgets in thousands of rials or in rials give the same roll-up at every level.
    scaled = [dataclasses.replace(a, budget=None if a.budget is None else a.budget * factor) for a in made]
    assert rollup_progress(scaled, today=TODAY) == rollup_progress(made, today=TODAY)


@given(actions(), st.integers(2, 1000))
def test_explicit_weights_are_scale_invariant(made: list[Action], factor: int) -> None:
    weighted = [dataclasses.replace(a, weight=a.weight or 1) for a in made]
    scaled = [dataclasses.replace(a, weight=(a.weight or 1) * factor) for a in weighted]
    before = rollup_progress(weighted, today=TODAY)
    after = rollup_progress(scaled, today=TODAY)
    assert {k: n.progress for k, n in after.units.items()} == {k: n.progress for k, n in before.units.items()}
    assert {k: n.progress for k, n in after.plans.items()} == {k: n.progress for k, n in before.plans.items()}


@given(actions(), st.data())
def test_raising_one_action_never_lowers_any_roll_up(made: list[Action], data: st.DataObject) -> None:
    i = data.draw(st.integers(0, len(made) - 1))
    raised = list(made)
    raised[i] = dataclasses.replace(made[i], progress=data.draw(st.integers(int(made[i].progress), 100)))
    before = rollup_progress(made, today=TODAY)
    after = rollup_progress(raised, today=TODAY)
    for key, node in before.units.items():
        assert after.units[key].progress >= node.progress


@given(actions())
def test_a_node_is_the_weighted_mean_of_its_children(made: list[Action]) -> None:
    weights = action_weights(made)
    rollup = rollup_progress(made, today=TODAY)
    county = "IR/IR-07/IR-07-01"
    children = [a for a in made if a.unit_path.startswith(county + "/")]
    if not children:
        return
    per_unit = {}
    for path in {a.unit_path for a in children}:
        members = [a for a in children if a.unit_path == path]
        mean = weighted_progress((a.progress, weights[a.id]) for a in members)
        per_unit[path] = (mean, sum(weights[a.id] for a in members))
    level_by_level = weighted_progress(per_unit.values())
    assert to_decimal(level_by_level, Decimal("0.01")) == rollup.units[county].progress


def test_weighted_progress_needs_weight() -> None:
    with pytest.raises(InvalidAction):
        weighted_progress([])
    assert weighted_progress([(50, Fraction(1, 3)), (100, Fraction(2, 3))]) == Fraction(250, 3)
