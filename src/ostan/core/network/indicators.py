"""Indicators (شاخص): a catalogue, values reported by units per Jalali period, and their roll-up.

Rules:

* A **catalogue entry** has a code, a Persian name, a unit of measure, a direction of good (higher or
  lower), an aggregation, a source and, optionally, a formula and a small-count threshold. A *ratio*
  indicator has a formula, numerator ÷ denominator × factor (e.g. per 1,000), naming two *sum*
  indicators of the catalogue; it is never entered, always computed. Only sums are added up, so a
  formula over a mean is refused.
* **Values** are reported by units for a period, one value per indicator, unit and period, all at one
  level: a value at a unit and another at its ancestor would be counted twice, and are refused.
* **Roll-up** to every ancestor (county, province, ...) of the reporting units, by the aggregation:
  *sum* adds; *mean* is the unweighted mean of the reporting units; *population-weighted mean* weighs
  each unit by its population (an argument; a missing one is an error, never a guess); *ratio* is the
  ratio of the summed numerators and denominators, never a mean of the units' ratios, over the units
  that reported both (a unit with one of the two is left out of both). A zero denominator gives no
  value (None). Sums are exact; means and ratios are rounded half-even to 4 places.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from ostan.core.network.errors import InvalidIndicator, InvalidIndicatorValue, PopulationUnknown
from ostan.core.network.paths import check_path, lineage
from ostan.core.network.periods import Period
from ostan.core.network.rounding import to_decimal

VALUE_PLACES = Decimal("0.0001")
MIN_SUPPRESSION_THRESHOLD = 2  # a threshold of 1 would suppress nothing


class Direction(StrEnum):
    HIGHER = "higher"  # more is better (literacy, employment)
    LOWER = "lower"  # less is better (infant deaths, unemployment)


class Aggregation(StrEnum):
    SUM = "sum"
    MEAN = "mean"
    POPULATION_WEIGHTED_MEAN = "population_weighted_mean"
    RATIO = "ratio"


@dataclass(frozen=True)
class Formula:
    numerator: str
    denominator: str
    factor: Decimal | int = 1  # 100 for a percentage, 1000 for "per thousand"


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str  # Persian, as shown
    unit_of_measure: str  # Persian: «نفر», «درصد», «در هزار»
    direction: Direction
    aggregation: Aggregation
    source: str  # who measures it: «مرکز بهداشت شهرستان», «سرشماری ۱۳۹۵»
    formula: Formula | None = None
    suppress_below: int | None = None  # counts 1..k−1 are not shown in public views

    def __post_init__(self) -> None:
        if not self.code or not self.name:
            raise InvalidIndicator("کد و نام شاخص لازم است.", details={"code": self.code})
        if (self.formula is None) != (self.aggregation is not Aggregation.RATIO):
            raise InvalidIndicator(
                f"شاخص «{self.name}» نسبی است اگر و تنها اگر فرمول (صورت ÷ مخرج) داشته باشد.",
                details={"code": self.code, "field": "formula"},
            )
        if self.formula is not None and self.formula.factor <= 0:
            raise InvalidIndicator(f"ضریب فرمول شاخص «{self.name}» باید مثبت باشد.", details={"code": self.code})
        if self.suppress_below is not None and self.suppress_below < MIN_SUPPRESSION_THRESHOLD:
            raise InvalidIndicator(
                f"آستانهٔ پنهان‌سازی شاخص «{self.name}» باید دست‌کم ۲ باشد.", details={"code": self.code}
            )


@dataclass(frozen=True)
class Catalogue:
    indicators: tuple[Indicator, ...]

    def __post_init__(self) -> None:
        codes = [i.code for i in self.indicators]
        if len(set(codes)) != len(codes):
            raise InvalidIndicator("کد شاخص‌ها در فهرست باید یکتا باشد.", details={"field": "code"})
        by_code = {i.code: i for i in self.indicators}
        for indicator in self.indicators:
            if indicator.formula is None:
                continue
            for part in (indicator.formula.numerator, indicator.formula.denominator):
                if part not in by_code or by_code[part].aggregation is not Aggregation.SUM:
                    raise InvalidIndicator(
                        f"فرمول شاخص «{indicator.name}» باید از دو شاخص جمع‌پذیر همین فهرست ساخته شود؛ «{part}» نیست.",
                        details={"code": indicator.code, "part": part},
                    )

    def get(self, code: str) -> Indicator:
        for indicator in self.indicators:
            if indicator.code == code:
                return indicator
        raise InvalidIndicatorValue(f"شاخص «{code}» در فهرست شاخص‌ها نیست.", details={"code": code})


@dataclass(frozen=True)
class IndicatorValue:
    indicator: str
    unit_path: str
    period: Period
    value: Decimal | int

    def __post_init__(self) -> None:
        check_path(self.unit_path)


@dataclass(frozen=True)
class RolledValue:
    """An indicator at one unit: its value (None when a ratio's denominator is zero) and what it is made of."""

    unit_path: str
    value: Decimal | None
    reporting_units: int
    numerator: Decimal | None = None  # ratios only: the summed numerator and denominator
    denominator: Decimal | None = None


def unit_values(
    catalogue: Catalogue, code: str, values: Iterable[IndicatorValue], period: Period
) -> dict[str, Decimal]:
    """Each reporting unit's own value of ``code`` in ``period`` (a ratio computed from its two parts)."""
    indicator = catalogue.get(code)
    cells = _cells(catalogue, values, period)
    if indicator.formula is None:
        return {path: Decimal(value) for path, value in cells.get(code, {}).items()}
    formula = indicator.formula
    numerators, denominators = cells.get(formula.numerator, {}), cells.get(formula.denominator, {})
    return {
        path: to_decimal(Fraction(top) / Fraction(denominators[path]) * Fraction(formula.factor), VALUE_PLACES)
        for path, top in numerators.items()
        if denominators.get(path)
    }


def rollup_indicator(
    catalogue: Catalogue,
    code: str,
    values: Iterable[IndicatorValue],
    *,
    period: Period,
    populations: Mapping[str, int] | None = None,
) -> dict[str, RolledValue]:
    """``code`` in ``period`` at every reporting unit and every ancestor of one (rules in the docstring)."""
    indicator = catalogue.get(code)
    cells = _cells(catalogue, values, period)
    if indicator.formula is not None:
        return _rollup_ratio(indicator.formula, cells)
    own = cells.get(code, {})
    if indicator.aggregation is Aggregation.POPULATION_WEIGHTED_MEAN:
        weights = _populations(own, populations or {})
    else:
        weights = {path: Fraction(1) for path in own}
    rolled: dict[str, RolledValue] = {}
    for path, members in _by_ancestor(own).items():
        if indicator.aggregation is Aggregation.SUM:
            value = Decimal(sum((Decimal(own[m]) for m in members), Decimal(0)))
        else:
            total = sum((weights[m] for m in members), Fraction(0))
            value = to_decimal(sum((weights[m] * Fraction(own[m]) for m in members), Fraction(0)) / total, VALUE_PLACES)
        rolled[path] = RolledValue(path, value, len(members))
    return rolled


def _rollup_ratio(formula: Formula, cells: Mapping[str, Mapping[str, Decimal | int]]) -> dict[str, RolledValue]:
    numerators = cells.get(formula.numerator, {})
    denominators = cells.get(formula.denominator, {})
    both = {path: (numerators[path], denominators[path]) for path in numerators if path in denominators}
    rolled: dict[str, RolledValue] = {}
    for path, members in _by_ancestor(both).items():
        top = sum((Fraction(both[m][0]) for m in members), Fraction(0))
        bottom = sum((Fraction(both[m][1]) for m in members), Fraction(0))
        value = None if bottom == 0 else to_decimal(top / bottom * Fraction(formula.factor), VALUE_PLACES)
        rolled[path] = RolledValue(path, value, len(members), _exact(top), _exact(bottom))
    return rolled


def _exact(value: Fraction) -> Decimal:
    return Decimal(value.numerator) / Decimal(value.denominator)


def _cells(
    catalogue: Catalogue, values: Iterable[IndicatorValue], period: Period
) -> dict[str, dict[str, Decimal | int]]:
    cells: dict[str, dict[str, Decimal | int]] = defaultdict(dict)
    for v in values:
        if v.period != period:
            continue
        indicator = catalogue.get(v.indicator)
        if indicator.formula is not None:
            raise InvalidIndicatorValue(
                f"شاخص «{indicator.name}» نسبی است و از صورت و مخرج خود محاسبه می‌شود، وارد نمی‌شود.",
                details={"code": v.indicator, "unit": v.unit_path},
            )
        if v.unit_path in cells[v.indicator]:
            raise InvalidIndicatorValue(
                f"برای شاخص «{indicator.name}» در واحد «{v.unit_path}» و دورهٔ {period.label} دو مقدار آمده است.",
                details={"code": v.indicator, "unit": v.unit_path, "period": str(period)},
            )
        cells[v.indicator][v.unit_path] = v.value
    for code, by_unit in cells.items():
        _refuse_nesting(code, by_unit)
    return cells


def _refuse_nesting(code: str, by_unit: Mapping[str, object]) -> None:
    for later in sorted(by_unit):
        earlier = next((path for path in lineage(later)[:-1] if path in by_unit), None)
        if earlier is not None:
            raise InvalidIndicatorValue(
                f"شاخص «{code}» هم در «{earlier}» و هم در زیرمجموعهٔ آن «{later}» گزارش شده و دوبار شمرده می‌شود.",
                details={"code": code, "units": [earlier, later]},
            )


def _by_ancestor(own: Mapping[str, object]) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for path in sorted(own):
        for ancestor in lineage(path):
            groups[ancestor].append(path)
    return groups


def _populations(own: Mapping[str, object], populations: Mapping[str, int]) -> dict[str, Fraction]:
    missing = sorted(path for path in own if populations.get(path, 0) <= 0)
    if missing:
        raise PopulationUnknown(
            "برای میانگین وزنی به جمعیت همهٔ واحدهای گزارش‌دهنده نیاز است.", details={"units": missing}
        )
    return {path: Fraction(populations[path]) for path in own}
