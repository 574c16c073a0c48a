"""What a governor's key project (کار شاخص) is, as the status rules see it.

A key project has a time window (first and last day, both included), milestones (نقطهٔ عطف) with a due day,
the day they were done (or none) and a weight, and indicators (شاخص) with a baseline, a target, readings of
the actual value on given days and a direction of good. Everything is checked on construction, so the
status rules never meet a project they cannot assess.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from ostan.core.programs.errors import InvalidKeyProject
from ostan.core.programs.unit_paths import check_path


class Direction(StrEnum):
    """Which way an indicator improves."""

    UP = "up"  # more is better: jobs created, permits issued
    DOWN = "down"  # less is better: households in marginal settlements, tonnes of waste dumped


@dataclass(frozen=True)
class Milestone:
    title: str
    due_on: dt.date
    done_on: dt.date | None = None
    weight: int = 1  # relative share of the project's work; the weights need not add up to anything

    def is_done_by(self, day: dt.date) -> bool:
        return self.done_on is not None and self.done_on <= day

    def is_overdue_on(self, day: dt.date) -> bool:
        """Past its due day (the due day itself still counts as in time) and not done by ``day``."""
        return self.due_on < day and not self.is_done_by(day)


@dataclass(frozen=True)
class Reading:
    """The indicator's actual value as measured on ``on``."""

    on: dt.date
    value: Decimal


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str  # shown in reasons: «شاخص اشتغال …»
    baseline: Decimal
    target: Decimal
    direction: Direction = Direction.UP
    readings: tuple[Reading, ...] = ()
    weight: int = 1

    def __post_init__(self) -> None:
        gains = self.target - self.baseline
        if (self.direction is Direction.UP and gains <= 0) or (self.direction is Direction.DOWN and gains >= 0):
            better = "بیشتر" if self.direction is Direction.UP else "کمتر"
            raise InvalidKeyProject(
                f"هدف شاخص «{self.name}» باید از مقدار پایه {better} باشد.",
                details={"path": f"indicators.{self.code}.target"},
            )
        if len({r.on for r in self.readings}) != len(self.readings):
            raise InvalidKeyProject(
                f"شاخص «{self.name}» در یک روز دو بار اندازه‌گیری شده است.",
                details={"path": f"indicators.{self.code}.readings"},
            )
        if self.weight < 1:
            raise InvalidKeyProject("وزن شاخص باید مثبت باشد.", details={"path": f"indicators.{self.code}.weight"})

    def value_on(self, day: dt.date) -> Decimal:
        """The latest reading taken by ``day``; the baseline until the first one."""
        taken = [r for r in self.readings if r.on <= day]
        return max(taken, key=lambda r: r.on).value if taken else self.baseline

    def attainment_on(self, day: dt.date) -> Fraction:
        """How far from baseline to target the indicator has come by ``day``, clamped to 0…1.

        The same formula serves both directions: (actual − baseline) ÷ (target − baseline).
        """
        share = Fraction(self.value_on(day) - self.baseline) / Fraction(self.target - self.baseline)
        return min(max(share, Fraction(0)), Fraction(1))


@dataclass(frozen=True)
class KeyProject:
    id: str
    title: str
    unit_path: str  # the unit whose governor owns the project
    starts_on: dt.date
    ends_on: dt.date  # the last day of the window: the project is late from the day after
    milestones: tuple[Milestone, ...] = ()
    indicators: tuple[Indicator, ...] = ()

    def __post_init__(self) -> None:
        check_path(self.unit_path)
        if not self.title.strip():
            raise InvalidKeyProject("کار شاخص عنوان ندارد.", details={"path": "title"})
        if self.ends_on <= self.starts_on:
            raise InvalidKeyProject("پایان بازهٔ کار شاخص باید پس از آغاز آن باشد.", details={"path": "ends_on"})
        if not self.milestones and not self.indicators:
            raise InvalidKeyProject("کار شاخص بدون نقطهٔ عطف یا شاخص سنجیدنی نیست.", details={"path": "milestones"})
        for i, m in enumerate(self.milestones):
            _check_milestone(self, i, m)
        if len({ind.code for ind in self.indicators}) != len(self.indicators):
            raise InvalidKeyProject("کد هر شاخص باید یکتا باشد.", details={"path": "indicators"})


def _check_milestone(project: KeyProject, i: int, m: Milestone) -> None:
    if not m.title.strip():
        raise InvalidKeyProject("نقطهٔ عطف عنوان ندارد.", details={"path": f"milestones[{i}].title"})
    if m.weight < 1:
        raise InvalidKeyProject("وزن نقطهٔ عطف باید مثبت باشد.", details={"path": f"milestones[{i}].weight"})
    if not project.starts_on <= m.due_on <= project.ends_on:
        raise InvalidKeyProject(
            f"موعد نقطهٔ عطف «{m.title}» باید درون بازهٔ کار شاخص باشد.",
            details={"path": f"milestones[{i}].due_on"},
        )
