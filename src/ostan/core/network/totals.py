"""Roll-ups from running totals: what a database's GROUP BY can add up, finished by the indicators' rules.

:func:`ostan.core.network.indicators.rollup_indicator` walks every value; over millions of values a
database adds them up faster. It hands back, per area and period, the :class:`Totals` below (sums over
the reporting units under the area), and :func:`finish` turns them into the same :class:`RolledValue`
the roll-up gives, by the same rules: a sum is exact; a mean is the sum ÷ the count; a
population-weighted mean is Σ(value × population) ÷ Σ population, and needs every reporting unit's
population (a missing one is an error, never a guess); a ratio is Σ numerator ÷ Σ denominator × factor
over the units that reported both, None when that denominator is 0. Means and ratios are rounded
half-even to 4 places, once. Totals of disjoint groups add up (:meth:`Totals.__add__`), so a county's
totals are the sum of its units' and a province's the sum of its counties'.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from ostan.core.network.errors import PopulationUnknown
from ostan.core.network.indicators import VALUE_PLACES, Aggregation, Indicator, IndicatorValue, RolledValue
from ostan.core.network.paths import lineage
from ostan.core.network.rounding import to_decimal

type Number = Decimal | int | Fraction


@dataclass(frozen=True)
class Totals:
    """Sums over the reporting units of one area and period (ratios: over units that reported both parts)."""

    count: int = 0  # reporting units
    total: Number = 0  # Σ value (ratios: Σ numerator)
    weighted: Number = 0  # Σ value × population (population-weighted means only)
    weight: Number = 0  # Σ population of the units with one
    weighed: int = 0  # reporting units with a population
    denominator: Number = 0  # ratios only: Σ denominator

    def __add__(self, other: Totals) -> Totals:
        return Totals(
            self.count + other.count,
            Fraction(self.total) + Fraction(other.total),
            Fraction(self.weighted) + Fraction(other.weighted),
            Fraction(self.weight) + Fraction(other.weight),
            self.weighed + other.weighed,
            Fraction(self.denominator) + Fraction(other.denominator),
        )


def finish(indicator: Indicator, path: str, totals: Totals) -> RolledValue:
    """The roll-up at ``path`` from its totals (rules in the module docstring)."""
    if totals.count == 0:
        return RolledValue(path, None, 0)
    aggregation = indicator.aggregation
    if aggregation is Aggregation.SUM:
        return RolledValue(path, _exact(Fraction(totals.total)), totals.count)
    if aggregation is Aggregation.MEAN:
        return RolledValue(path, to_decimal(Fraction(totals.total) / totals.count, VALUE_PLACES), totals.count)
    if aggregation is Aggregation.POPULATION_WEIGHTED_MEAN:
        if totals.weighed < totals.count or totals.weight <= 0:
            raise PopulationUnknown(
                "برای میانگین وزنی به جمعیت همهٔ واحدهای گزارش‌دهنده نیاز است.",
                details={"unit": path, "missing": totals.count - totals.weighed},
            )
        mean = to_decimal(Fraction(totals.weighted) / Fraction(totals.weight), VALUE_PLACES)
        return RolledValue(path, mean, totals.count)
    assert indicator.formula is not None  # a ratio has a formula (checked on construction)
    top, bottom = Fraction(totals.total), Fraction(totals.denominator)
    value = None if bottom == 0 else to_decimal(top / bottom * Fraction(indicator.formula.factor), VALUE_PLACES)
    return RolledValue(path, value, totals.count, _exact(top), _exact(bottom))


def unit_totals(
    indicator: Indicator, values: Iterable[IndicatorValue], populations: Mapping[str, int] | None = None
) -> dict[str, Totals]:
    """Each reporting unit's own totals for ``indicator`` (values of one period), as a database would give them."""
    pops = populations or {}
    if indicator.formula is None:
        return {v.unit_path: _own(v, pops.get(v.unit_path, 0)) for v in values if v.indicator == indicator.code}
    listed = list(values)
    tops = {v.unit_path: v.value for v in listed if v.indicator == indicator.formula.numerator}
    bottoms = {v.unit_path: v.value for v in listed if v.indicator == indicator.formula.denominator}
    return {path: Totals(1, tops[path], denominator=bottoms[path]) for path in tops if path in bottoms}


def _own(value: IndicatorValue, population: int) -> Totals:
    weighed = 1 if population > 0 else 0
    return Totals(1, value.value, Fraction(value.value) * population, population, weighed)


def rollup_totals(per_unit: Mapping[str, Totals]) -> dict[str, Totals]:
    """Every reporting unit's and every ancestor's totals: each unit's added into all its ancestors."""
    rolled: dict[str, Totals] = {}
    for path, totals in per_unit.items():
        for ancestor in lineage(path):
            rolled[ancestor] = rolled.get(ancestor, Totals()) + totals
    return rolled


def _exact(value: Fraction) -> Decimal:
    return Decimal(value.numerator) / Decimal(value.denominator)
