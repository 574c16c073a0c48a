"""Checks on indicator values at entry (DHIS2's min/max and validation rules) and outlier flags.

Rules:

* **Range**: a value below a rule's minimum or above its maximum (both inclusive bounds, either may be
  absent) is a violation.
* **Comparison** «A ≤ B» (or <, ≥, >, =) between two indicators of the same unit and period, e.g.
  "children vaccinated ≤ children": checked only where both values are present (a missing side is a
  matter for completeness, not for this rule).
* Violations are returned as a typed list, each with a stable code and a Persian message; the entry form
  shows them all at once. :func:`check_values` raises instead, with the list in ``details``.
* **Outliers** (a flag, not a refusal): a value is compared with the same unit's own earlier values of
  the indicator (its last ``window`` periods with a value, at least ``min_history``) by the modified
  z-score of Iglewicz and Hoaglin, ``0.6745 × (x − median) ÷ MAD`` (MAD: the median absolute deviation
  from the median); it is flagged when the score's magnitude exceeds 3.5. The median and MAD are robust:
  one earlier error does not hide the next. When MAD is 0 (over half the history is one value) the
  mean absolute deviation stands in, ``(x − median) ÷ (1.253314 × MeanAD)``; when that too is 0 (the
  history is constant) any different value is flagged, with an infinite score.
"""

from __future__ import annotations

import math
import operator
import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from ostan.core.network.errors import InvalidIndicatorValue, InvalidRule
from ostan.core.network.indicators import IndicatorValue
from ostan.core.network.periods import Period
from ostan.core.text import to_persian_digits

# Iglewicz & Hoaglin (1993), "How to Detect and Handle Outliers": the 0.6745 scale and the 3.5 cut-off.
MAD_SCALE = 0.6745
OUTLIER_SCORE = 3.5
# IBM SPSS Modeler's fallback when MAD is 0: 1.253314 × MeanAD estimates the standard deviation.
MEAN_AD_SCALE = 1.253314
MIN_HISTORY = 6  # fewer earlier values say too little about a unit's normal range
HISTORY_WINDOW = 24  # two years of months


class Comparison(StrEnum):
    LE = "<="
    LT = "<"
    GE = ">="
    GT = ">"
    EQ = "=="


_HOLDS: dict[Comparison, Callable[[Decimal | int, Decimal | int], bool]] = {
    Comparison.LE: operator.le,
    Comparison.LT: operator.lt,
    Comparison.GE: operator.ge,
    Comparison.GT: operator.gt,
    Comparison.EQ: operator.eq,
}
_WORDS = {
    Comparison.LE: "بیشتر از",
    Comparison.LT: "برابر یا بیشتر از",
    Comparison.GE: "کمتر از",
    Comparison.GT: "برابر یا کمتر از",
    Comparison.EQ: "متفاوت با",
}


@dataclass(frozen=True)
class RangeRule:
    indicator: str
    minimum: Decimal | int | None = None
    maximum: Decimal | int | None = None

    def __post_init__(self) -> None:
        if self.minimum is not None and self.maximum is not None and self.minimum > self.maximum:
            raise InvalidRule(f"کمینهٔ شاخص «{self.indicator}» از بیشینهٔ آن بزرگ‌تر است.")


@dataclass(frozen=True)
class ComparisonRule:
    left: str
    comparison: Comparison
    right: str


@dataclass(frozen=True)
class Violation:
    code: str  # "below_minimum", "above_maximum", "comparison_failed"
    indicator: str
    unit_path: str
    period: Period
    value: Decimal | int
    message: str


def validate_values(
    values: Iterable[IndicatorValue],
    *,
    ranges: Sequence[RangeRule] = (),
    comparisons: Sequence[ComparisonRule] = (),
) -> tuple[Violation, ...]:
    """Every range and comparison violation among ``values``, in input order of the rules."""
    cells: dict[tuple[str, Period], dict[str, Decimal | int]] = defaultdict(dict)
    found: list[Violation] = []
    by_indicator: dict[str, list[RangeRule]] = defaultdict(list)
    for rule in ranges:
        by_indicator[rule.indicator].append(rule)
    for v in values:
        cells[(v.unit_path, v.period)][v.indicator] = v.value
        for rule in by_indicator.get(v.indicator, ()):
            found.extend(_range_violations(rule, v))
    for (unit, period), cell in cells.items():
        found.extend(_comparison_violations(comparisons, unit, period, cell))
    return tuple(found)


def _comparison_violations(
    comparisons: Sequence[ComparisonRule], unit: str, period: Period, cell: dict[str, Decimal | int]
) -> list[Violation]:
    found = []
    for rule in comparisons:
        if rule.left not in cell or rule.right not in cell:
            continue
        left, right = cell[rule.left], cell[rule.right]
        if not _HOLDS[rule.comparison](left, right):
            message = (
                f"مقدار «{rule.left}» ({to_persian_digits(left)}) نباید {_WORDS[rule.comparison]}"
                f" «{rule.right}» ({to_persian_digits(right)}) باشد."
            )
            found.append(Violation("comparison_failed", rule.left, unit, period, left, message))
    return found


def _range_violations(rule: RangeRule, v: IndicatorValue) -> list[Violation]:
    if rule.minimum is not None and v.value < rule.minimum:
        message = f"مقدار «{v.indicator}» نباید کمتر از {to_persian_digits(rule.minimum)} باشد."
        return [Violation("below_minimum", v.indicator, v.unit_path, v.period, v.value, message)]
    if rule.maximum is not None and v.value > rule.maximum:
        message = f"مقدار «{v.indicator}» نباید بیشتر از {to_persian_digits(rule.maximum)} باشد."
        return [Violation("above_maximum", v.indicator, v.unit_path, v.period, v.value, message)]
    return []


def check_values(
    values: Iterable[IndicatorValue],
    *,
    ranges: Sequence[RangeRule] = (),
    comparisons: Sequence[ComparisonRule] = (),
) -> None:
    """Refuse the whole entry if any value breaks a rule; nothing is half-accepted."""
    violations = validate_values(values, ranges=ranges, comparisons=comparisons)
    if violations:
        raise InvalidIndicatorValue(
            " ".join(v.message for v in violations),
            code="indicator_validation_failed",
            details=[
                {"code": v.code, "indicator": v.indicator, "unit": v.unit_path, "period": str(v.period)}
                for v in violations
            ],
        )


@dataclass(frozen=True)
class OutlierFlag:
    indicator: str
    unit_path: str
    period: Period
    value: Decimal | int
    median: float
    score: float
    history_size: int


def outlier_score(history: Sequence[Decimal | int | float], value: Decimal | int | float) -> float:
    """The modified z-score of ``value`` against ``history`` (the rule of the module docstring)."""
    past = [float(x) for x in history]
    middle = statistics.median(past)
    mad = statistics.median(abs(x - middle) for x in past)
    deviation = float(value) - middle
    if mad > 0:
        return MAD_SCALE * deviation / mad
    mean_ad = statistics.fmean(abs(x - middle) for x in past)
    if mean_ad > 0:
        return deviation / (MEAN_AD_SCALE * mean_ad)
    return 0.0 if deviation == 0 else math.copysign(math.inf, deviation)


def flag_outliers(
    values: Iterable[IndicatorValue],
    *,
    threshold: float = OUTLIER_SCORE,
    min_history: int = MIN_HISTORY,
    window: int = HISTORY_WINDOW,
) -> tuple[OutlierFlag, ...]:
    """Values far from their own unit's earlier values of the same indicator, in period order."""
    if min_history < 1 or window < min_history:
        raise InvalidRule("تاریخچهٔ لازم برای داده‌های پرت باید مثبت و کوچک‌تر از پنجره باشد.")
    series: dict[tuple[str, str], list[IndicatorValue]] = defaultdict(list)
    for v in values:
        series[(v.indicator, v.unit_path)].append(v)
    flags: list[OutlierFlag] = []
    for key in sorted(series):
        ordered = sorted(series[key], key=lambda v: v.period)
        for i, v in enumerate(ordered):
            history = [h.value for h in ordered[max(0, i - window) : i]]
            if len(history) < min_history:
                continue
            score = outlier_score(history, v.value)
            if abs(score) > threshold:
                median = statistics.median(float(x) for x in history)
                flags.append(OutlierFlag(v.indicator, v.unit_path, v.period, v.value, median, score, len(history)))
    return tuple(flags)
