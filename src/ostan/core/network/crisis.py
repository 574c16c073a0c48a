"""Crisis management (مدیریت بحران): small rules for a declared crisis and its closing report.

Rules:

* A crisis is declared for one or more units; a declared unit **covers its whole subtree** (a county
  declared covers its districts, cities and neighbourhoods).
* **Needs and resources** are matched per kind (tents, blankets, litres of water: code names) by
  quantity: only needs in covered units count (others are returned apart, not silently dropped);
  resources count wherever they are stocked, since relief is brought in. Per kind: needed, available,
  shortfall (needed − available, at least 0), surplus (the reverse) and coverage (available ÷ needed,
  in percent, capped at 100; None when nothing is needed). Kinds with a shortfall come first, largest
  first.
* A **task** is done at a moment when its ``done_at`` is at or before it; it is **late** (overdue) at a
  moment when its due time has passed and it is not done by then; done after its due time it counts as
  *done late* in the summary. All moments are timezone-aware (UTC in storage); a naive one is refused.
* The **closing summary** gathers the covered units, the task counts as of the closing moment (or the
  moment asked about while the crisis is open), the balances and the crisis's duration.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from ostan.core.network.errors import InvalidCrisis
from ostan.core.network.paths import check_path, within_any
from ostan.core.network.rounding import to_decimal

PERCENT_PLACES = Decimal("0.01")


def _require_aware(moment: dt.datetime | None, field: str) -> None:
    if moment is not None and moment.utcoffset() is None:
        raise InvalidCrisis("زمان‌های بحران باید با منطقهٔ زمانی ثبت شوند.", details={"field": field})


@dataclass(frozen=True)
class Crisis:
    id: str
    kind: str  # flood, earthquake, epidemic, ...
    declared_units: tuple[str, ...]
    declared_at: dt.datetime
    closed_at: dt.datetime | None = None

    def __post_init__(self) -> None:
        if not self.declared_units:
            raise InvalidCrisis("بحران باید دست‌کم برای یک واحد اعلام شود.", details={"id": self.id})
        for path in self.declared_units:
            check_path(path)
        _require_aware(self.declared_at, "declared_at")
        _require_aware(self.closed_at, "closed_at")
        if self.closed_at is not None and self.closed_at < self.declared_at:
            raise InvalidCrisis("پایان بحران پیش از اعلام آن است.", details={"id": self.id})

    def covers(self, unit_path: str) -> bool:
        return within_any(unit_path, self.declared_units)


def covered_units(crisis: Crisis, unit_paths: Iterable[str]) -> tuple[str, ...]:
    """The units among ``unit_paths`` that the crisis covers, in path order."""
    return tuple(sorted({path for path in unit_paths if crisis.covers(path)}))


@dataclass(frozen=True)
class Need:
    unit_path: str
    kind: str
    quantity: int

    def __post_init__(self) -> None:
        check_path(self.unit_path)
        if self.quantity < 0:
            raise InvalidCrisis(f"مقدار نیاز «{self.kind}» منفی است.", details={"kind": self.kind})


@dataclass(frozen=True)
class Resource:
    kind: str
    quantity: int
    institution: str = ""
    unit_path: str | None = None  # where it is stocked, if known

    def __post_init__(self) -> None:
        if self.quantity < 0:
            raise InvalidCrisis(f"مقدار منبع «{self.kind}» منفی است.", details={"kind": self.kind})


@dataclass(frozen=True)
class KindBalance:
    kind: str
    needed: int
    available: int

    @property
    def shortfall(self) -> int:
        return max(0, self.needed - self.available)

    @property
    def surplus(self) -> int:
        return max(0, self.available - self.needed)

    @property
    def coverage_percent(self) -> Decimal | None:
        if self.needed == 0:
            return None
        return to_decimal(min(Fraction(1), Fraction(self.available, self.needed)) * 100, PERCENT_PLACES)


@dataclass(frozen=True)
class Matching:
    balances: tuple[KindBalance, ...]
    outside: tuple[Need, ...]  # needs in units the crisis does not cover


def match_needs(crisis: Crisis, needs: Iterable[Need], resources: Iterable[Resource]) -> Matching:
    needed: dict[str, int] = defaultdict(int)
    available: dict[str, int] = defaultdict(int)
    outside = []
    for need in needs:
        if crisis.covers(need.unit_path):
            needed[need.kind] += need.quantity
        else:
            outside.append(need)
    for resource in resources:
        available[resource.kind] += resource.quantity
    balances = [KindBalance(kind, needed.get(kind, 0), available.get(kind, 0)) for kind in {*needed, *available}]
    balances.sort(key=lambda b: (-b.shortfall, b.kind))
    return Matching(tuple(balances), tuple(outside))


class TaskState(StrEnum):
    OPEN = "open"
    LATE = "late"
    DONE = "done"


@dataclass(frozen=True)
class CrisisTask:
    id: str
    title: str
    unit_path: str
    due_at: dt.datetime
    done_at: dt.datetime | None = None
    institution: str = ""

    def __post_init__(self) -> None:
        check_path(self.unit_path)
        _require_aware(self.due_at, "due_at")
        _require_aware(self.done_at, "done_at")


def task_state(task: CrisisTask, at: dt.datetime) -> TaskState:
    _require_aware(at, "at")
    if task.done_at is not None and task.done_at <= at:
        return TaskState.DONE
    return TaskState.LATE if task.due_at < at else TaskState.OPEN


def late_tasks(tasks: Iterable[CrisisTask], at: dt.datetime) -> tuple[CrisisTask, ...]:
    """Tasks overdue at ``at``, the longest overdue first."""
    late = [t for t in tasks if task_state(t, at) is TaskState.LATE]
    return tuple(sorted(late, key=lambda t: (t.due_at, t.id)))


@dataclass(frozen=True)
class TaskCounts:
    total: int
    done_on_time: int
    done_late: int
    open: int
    late: int


@dataclass(frozen=True)
class CrisisSummary:
    crisis_id: str
    kind: str
    as_of: dt.datetime
    duration: dt.timedelta
    covered_units: tuple[str, ...]
    tasks: TaskCounts
    late_tasks: tuple[CrisisTask, ...]
    balances: tuple[KindBalance, ...]
    outside_needs: tuple[Need, ...]


def closing_summary(
    crisis: Crisis,
    *,
    unit_paths: Iterable[str],
    tasks: Sequence[CrisisTask],
    needs: Iterable[Need],
    resources: Iterable[Resource],
    at: dt.datetime,
) -> CrisisSummary:
    """The closing report's figures as of the crisis's close, or as of ``at`` while it is open."""
    _require_aware(at, "at")
    as_of = crisis.closed_at or at
    states = [task_state(t, as_of) for t in tasks]
    done = [t for t, s in zip(tasks, states, strict=True) if s is TaskState.DONE]
    done_late = sum(1 for t in done if t.done_at is not None and t.done_at > t.due_at)
    matching = match_needs(crisis, needs, resources)
    return CrisisSummary(
        crisis_id=crisis.id,
        kind=crisis.kind,
        as_of=as_of,
        duration=as_of - crisis.declared_at,
        covered_units=covered_units(crisis, unit_paths),
        tasks=TaskCounts(
            total=len(tasks),
            done_on_time=len(done) - done_late,
            done_late=done_late,
            open=states.count(TaskState.OPEN),
            late=states.count(TaskState.LATE),
        ),
        late_tasks=late_tasks(tasks, as_of),
        balances=matching.balances,
        outside_needs=matching.outside,
    )
