"""Gaps: units whose needs are poor and where few or no actions run for that need.

Rules:

* Each need indicator is tied to a **need area**: a committee and, optionally, one category in it
  (an argument: ``needs``, indicator code → area), e.g. infant mortality → health / maternal care.
* A unit's value is **poor** when it lies in the worst quantile of the units compared (the reporting
  units with a value in the period; the worst ``worst_share`` of them, by the indicator's direction,
  ties with the cut-off value included), or when it misses its target for the unit and period.
* **Coverage** of a unit for an area is the number of actions of that committee (and category, if the
  area names one) that run on at least one day of the period, in the unit or anywhere under it.
* A **gap** is a unit and area with at least one poor indicator and at most ``few_actions`` actions
  (0 by default: none at all). Its **severity** per indicator is the share of compared units strictly
  better off (0 for the best, nearly 1 for the worst); its **score** is the sum of its indicators'
  severities ÷ (1 + its actions), so the worst-off and least-served come first. Gaps are ranked by
  score, then by fewer actions, then by unit path; each carries its reasons.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from ostan.core.network.errors import InvalidRule
from ostan.core.network.indicators import Catalogue, Direction, IndicatorValue, unit_values
from ostan.core.network.model import Action
from ostan.core.network.paths import lineage
from ostan.core.network.periods import Period
from ostan.core.network.rounding import to_decimal
from ostan.core.network.targets import Target, is_met

WORST_SHARE = Fraction(1, 4)  # the worst quarter of the units compared
SCORE_PLACES = Decimal("0.0001")


class PoorBecause(StrEnum):
    WORST_QUANTILE = "worst_quantile"
    BELOW_TARGET = "below_target"


REASON_LABELS = {PoorBecause.WORST_QUANTILE: "در بدترین چارک", PoorBecause.BELOW_TARGET: "دور از هدف"}


@dataclass(frozen=True)
class NeedArea:
    committee: str
    category: str | None = None


@dataclass(frozen=True)
class PoorIndicator:
    indicator: str
    value: Decimal
    because: tuple[PoorBecause, ...]
    cut_off: Decimal  # the worst quantile's boundary value
    target: Decimal | int | None
    severity: Decimal  # share of compared units strictly better off


@dataclass(frozen=True)
class Gap:
    unit_path: str
    area: NeedArea
    action_count: int
    score: Decimal
    reasons: tuple[PoorIndicator, ...]


def find_gaps(
    catalogue: Catalogue,
    values: Iterable[IndicatorValue],
    actions: Iterable[Action],
    *,
    period: Period,
    needs: Mapping[str, NeedArea],
    targets: Iterable[Target] = (),
    worst_share: Fraction = WORST_SHARE,
    few_actions: int = 0,
) -> tuple[Gap, ...]:
    """Units and need areas with poor indicators and few actions, ranked (rules in the docstring)."""
    if not 0 < worst_share <= 1 or few_actions < 0:
        raise InvalidRule("سهم بدترین واحدها باید میان ۰ و ۱ و حد اقدام‌ها نامنفی باشد.")
    listed = list(values)
    goals = {(t.indicator, t.unit_path): t.value for t in targets if t.period == period}
    poor: dict[tuple[str, NeedArea], list[PoorIndicator]] = defaultdict(list)
    for code, area in needs.items():
        direction = catalogue.get(code).direction
        by_unit = unit_values(catalogue, code, listed, period)
        for unit, found in _poor_units(code, direction, by_unit, goals, worst_share).items():
            poor[(unit, area)].append(found)
    coverage = _coverage(actions, period, {area for _, area in poor})
    gaps = []
    for (unit, area), reasons in poor.items():
        count = coverage.get((unit, area), 0)
        if count <= few_actions:
            severity = sum((Fraction(r.severity) for r in reasons), Fraction(0))
            score = to_decimal(severity / (1 + count), SCORE_PLACES)
            gaps.append(Gap(unit, area, count, score, tuple(sorted(reasons, key=lambda r: r.indicator))))
    return tuple(sorted(gaps, key=lambda g: (-g.score, g.action_count, g.unit_path, g.area.committee)))


def _poor_units(
    code: str,
    direction: Direction,
    by_unit: Mapping[str, Decimal],
    goals: Mapping[tuple[str, str], Decimal | int],
    worst_share: Fraction,
) -> dict[str, PoorIndicator]:
    if not by_unit:
        return {}
    worst_first = sorted(by_unit.values(), reverse=direction is Direction.LOWER)
    cut_off = worst_first[math.ceil(worst_share * len(worst_first)) - 1]
    found = {}
    for unit, value in by_unit.items():
        because = []
        if not _is_better(direction, value, cut_off):
            because.append(PoorBecause.WORST_QUANTILE)
        target = goals.get((code, unit))
        if target is not None and not is_met(direction, value, target):
            because.append(PoorBecause.BELOW_TARGET)
        if because:
            better = sum(1 for other in worst_first if _is_better(direction, other, value))
            severity = to_decimal(Fraction(better, len(worst_first)), SCORE_PLACES)
            found[unit] = PoorIndicator(code, value, tuple(because), cut_off, target, severity)
    return found


def _is_better(direction: Direction, value: Decimal, other: Decimal) -> bool:
    return value > other if direction is Direction.HIGHER else value < other


def _coverage(actions: Iterable[Action], period: Period, areas: set[NeedArea]) -> dict[tuple[str, NeedArea], int]:
    """Actions running in the period per (unit or ancestor, area), for the areas that have a poor unit."""
    first, last = period.first_day, period.last_day
    by_committee: dict[str, list[NeedArea]] = defaultdict(list)
    for area in areas:
        by_committee[area.committee].append(area)
    counts: dict[tuple[str, NeedArea], int] = defaultdict(int)
    for action in actions:
        if not action.is_active_between(first, last):
            continue
        for area in _areas_of(action, by_committee):
            for path in lineage(action.unit_path):
                counts[(path, area)] += 1
    return counts


def _areas_of(action: Action, by_committee: Mapping[str, Sequence[NeedArea]]) -> list[NeedArea]:
    return [a for a in by_committee.get(action.committee, ()) if a.category is None or a.category == action.category]
