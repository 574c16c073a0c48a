"""Weighted progress roll-ups, as Decidim's accountability results do, with status counts.

Rules (they go into the docs as written here):

* **Status of an action on a day** (``today`` is an argument, the core never reads the clock):
  *done* when its progress is 100; otherwise *late* when its end day has passed (``end < today``: the
  end day itself is still on time); otherwise *planned* before its start day (``today < start``);
  otherwise *running*.
* **Weight of an action.** An explicit ``weight`` is used as given. Otherwise the weight comes from the
  action's plan (actions with no plan form one group per unit): when every action of the group that has
  no explicit weight has a positive budget, an action weighs its budget share of the group times the
  number of those actions (``budget ÷ mean budget``), so inside a plan progress is budget-weighted;
  otherwise each weighs 1. The unit of weight is thus always "one ordinary action": a plan of ten
  actions weighs ten whether or not it has budgets, and a costly action weighs more than a cheap one
  only beside its own plan's actions, never against a plan whose budgets are in another scale or unknown.
* **Progress of a plan, a unit, a county, the province** is the weighted mean of its actions' progress.
  A node's weight is the sum of its actions' weights, so a node's progress is also the weighted mean of
  its children's progress with those weights: the roll-up is the same computed flat or level by level.
  A unit's node covers its own actions and its whole subtree (materialised paths, see
  :mod:`ostan.core.network.paths`). Means are exact (fractions), shown rounded half-even to 0.01.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from ostan.core.network.errors import InvalidAction
from ostan.core.network.model import Action
from ostan.core.network.paths import lineage
from ostan.core.network.rounding import to_decimal

PROGRESS_PLACES = Decimal("0.01")
WEIGHT_PLACES = Decimal("0.0001")


class ActionStatus(StrEnum):
    PLANNED = "planned"
    RUNNING = "running"
    DONE = "done"
    LATE = "late"


STATUS_LABELS = {
    ActionStatus.PLANNED: "برنامه‌ریزی‌شده",
    ActionStatus.RUNNING: "در حال اجرا",
    ActionStatus.DONE: "انجام‌شده",
    ActionStatus.LATE: "با تأخیر",
}


def action_status(action: Action, today: dt.date) -> ActionStatus:
    if action.is_done:
        return ActionStatus.DONE
    if action.end < today:
        return ActionStatus.LATE
    if today < action.start:
        return ActionStatus.PLANNED
    return ActionStatus.RUNNING


@dataclass(frozen=True)
class StatusCounts:
    planned: int = 0
    running: int = 0
    done: int = 0
    late: int = 0

    @property
    def total(self) -> int:
        return self.planned + self.running + self.done + self.late


@dataclass(frozen=True)
class ProgressNode:
    """A plan's or a unit's roll-up: weighted mean progress (0..100), total weight, status counts."""

    key: str
    progress: Decimal
    weight: Decimal
    action_count: int
    counts: StatusCounts


@dataclass(frozen=True)
class ProgressRollup:
    """Every unit that holds an action (with all its ancestors) and every plan, keyed by path or plan id."""

    units: Mapping[str, ProgressNode]
    plans: Mapping[str, ProgressNode]


def weighted_progress(pairs: Iterable[tuple[Decimal | int | Fraction, Decimal | int | Fraction]]) -> Fraction:
    """The exact weighted mean of (progress, weight) pairs; refuses an empty or weightless input."""
    total = weighted = Fraction(0)
    for progress, weight in pairs:
        total += Fraction(weight)
        weighted += Fraction(progress) * Fraction(weight)
    if total <= 0:
        raise InvalidAction("برای میانگین وزنی پیشرفت دست‌کم یک اقدام با وزن مثبت لازم است.")
    return weighted / total


def action_weights(actions: Sequence[Action]) -> dict[str, Fraction]:
    """Each action's weight by the rule of the module docstring, keyed by action id."""
    groups: dict[tuple[str, str | None], list[Action]] = defaultdict(list)
    plan_units: dict[str, str] = {}
    for action in actions:
        if action.plan_id is not None and plan_units.setdefault(action.plan_id, action.unit_path) != action.unit_path:
            raise InvalidAction(
                f"برنامهٔ «{action.plan_id}» به بیش از یک واحد نسبت داده شده است.", details={"plan": action.plan_id}
            )
        groups[(action.unit_path, action.plan_id)].append(action)
    weights: dict[str, Fraction] = {}
    for members in groups.values():
        weights.update(_group_weights(members))
    if len(weights) != len(actions):
        raise InvalidAction("شناسهٔ اقدام‌ها باید یکتا باشد.", details={"field": "id"})
    return weights


def _group_weights(members: Sequence[Action]) -> dict[str, Fraction]:
    implicit = [a for a in members if a.weight is None]
    budgets = [a.budget for a in implicit]
    weights = {a.id: Fraction(a.weight) for a in members if a.weight is not None}
    if implicit and all(b is not None and b > 0 for b in budgets):
        mean = Fraction(sum(b for b in budgets if b is not None), len(implicit))
        weights.update({a.id: Fraction(a.budget or 0) / mean for a in implicit})
    else:
        weights.update({a.id: Fraction(1) for a in implicit})
    return weights


def rollup_progress(actions: Sequence[Action], *, today: dt.date) -> ProgressRollup:
    """Progress and status counts of every plan and of every unit on the paths of the actions' units."""
    weights = action_weights(actions)
    own: dict[str, _Sums] = defaultdict(_Sums)
    plans: dict[str, _Sums] = defaultdict(_Sums)
    for action in actions:
        status = action_status(action, today)
        own[action.unit_path].add(action.progress, weights[action.id], status)
        if action.plan_id is not None:
            plans[action.plan_id].add(action.progress, weights[action.id], status)
    # Each unit's sums are added into its ancestors once, not once per action: exact fractions are slow.
    units: dict[str, _Sums] = defaultdict(_Sums)
    for path, sums in own.items():
        for ancestor in lineage(path):
            units[ancestor].merge(sums)
    return ProgressRollup(
        units={path: sums.node(path) for path, sums in sorted(units.items())},
        plans={plan: sums.node(plan) for plan, sums in sorted(plans.items())},
    )


class _Sums:
    """Running sums of a node: total weight, weighted progress, and actions per status."""

    def __init__(self) -> None:
        self.weight = Fraction(0)
        self.weighted = Fraction(0)
        self.statuses = dict.fromkeys(ActionStatus, 0)

    def add(self, progress: Decimal | int, weight: Fraction, status: ActionStatus) -> None:
        self.weight += weight
        self.weighted += Fraction(progress) * weight
        self.statuses[status] += 1

    def merge(self, other: _Sums) -> None:
        self.weight += other.weight
        self.weighted += other.weighted
        for status, count in other.statuses.items():
            self.statuses[status] += count

    def node(self, key: str) -> ProgressNode:
        return ProgressNode(
            key=key,
            progress=to_decimal(self.weighted / self.weight, PROGRESS_PLACES),
            weight=to_decimal(self.weight, WEIGHT_PLACES),
            action_count=sum(self.statuses.values()),
            counts=StatusCounts(**{status.value: count for status, count in self.statuses.items()}),
        )
