"""Targets and their attainment, and the trend of an indicator over periods.

Rules:

* **Met** means at or beyond the target in the indicator's direction: ``actual ≥ target`` when higher is
  better, ``actual ≤ target`` when lower is.
* **Attainment** is the share of the way to the target, in percent, not capped (a target beaten shows
  above 100, a move the wrong way below 0). With a baseline it is ``(actual − baseline) ÷ (target −
  baseline) × 100``, which reads the same in both directions; without one it is ``actual ÷ target ×
  100`` when higher is better and ``target ÷ actual × 100`` when lower is. When the division is
  undefined (target equal to baseline, a zero target or a zero actual) it is None and only "met" speaks.
* **Trend**: the periods with a value, in order, each with its change from the previous period that
  has one (a missing period is skipped, and the step says which period it is compared with), the change
  in percent of that previous value (None when it is 0), and whether the change is better by the
  indicator's direction (None when there is no change).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from ostan.core.network.errors import InvalidPeriod
from ostan.core.network.indicators import Direction, Indicator
from ostan.core.network.paths import check_path
from ostan.core.network.periods import Period
from ostan.core.network.rounding import to_decimal

PERCENT_PLACES = Decimal("0.01")


@dataclass(frozen=True)
class Target:
    indicator: str
    unit_path: str
    period: Period
    value: Decimal | int
    baseline: Decimal | int | None = None

    def __post_init__(self) -> None:
        check_path(self.unit_path)


@dataclass(frozen=True)
class Attainment:
    target: Target
    actual: Decimal | int
    percent: Decimal | None
    is_met: bool


def is_met(direction: Direction, actual: Decimal | int, target: Decimal | int) -> bool:
    return actual >= target if direction is Direction.HIGHER else actual <= target


def attainment(indicator: Indicator, target: Target, actual: Decimal | int) -> Attainment:
    """How far ``actual`` has come towards ``target`` (rules in the module docstring)."""
    value, base = Fraction(target.value), None if target.baseline is None else Fraction(target.baseline)
    share: Fraction | None = None
    if base is not None:
        share = None if value == base else (Fraction(actual) - base) / (value - base)
    elif indicator.direction is Direction.HIGHER:
        share = None if value == 0 else Fraction(actual) / value
    else:
        share = None if actual == 0 else value / Fraction(actual)
    percent = None if share is None else to_decimal(share * 100, PERCENT_PLACES)
    return Attainment(target, actual, percent, is_met(indicator.direction, actual, target.value))


@dataclass(frozen=True)
class TrendStep:
    period: Period
    value: Decimal | int
    compared_with: Period | None
    change: Decimal | None
    change_percent: Decimal | None
    is_better: bool | None


def trend(indicator: Indicator, series: Mapping[Period, Decimal | int]) -> tuple[TrendStep, ...]:
    """The series in period order with each step's change (rules in the module docstring)."""
    if len({p.kind for p in series}) > 1:
        raise InvalidPeriod("روند فقط بر دوره‌های هم‌نوع (همه ماه، همه فصل یا همه سال) محاسبه می‌شود.")
    steps: list[TrendStep] = []
    previous: tuple[Period, Decimal | int] | None = None
    for period in sorted(series):
        value = series[period]
        if previous is None:
            steps.append(TrendStep(period, value, None, None, None, None))
        else:
            before = previous[1]
            change = Decimal(value) - Decimal(before)
            percent = None if before == 0 else to_decimal(Fraction(change) / Fraction(before) * 100, PERCENT_PLACES)
            better = None if change == 0 else (change > 0) == (indicator.direction is Direction.HIGHER)
            steps.append(TrendStep(period, value, previous[0], change, percent, better))
        previous = (period, value)
    return tuple(steps)
