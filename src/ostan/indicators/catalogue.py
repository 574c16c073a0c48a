"""The stored catalogue as the pure core reads it: each row an ``ostan.core.network.Indicator``."""

from __future__ import annotations

from collections.abc import Iterable

from ostan.core.network import Aggregation, Catalogue, Direction, Formula
from ostan.core.network import Indicator as CoreIndicator
from ostan.indicators.models import Indicator


def core_indicator(row: Indicator, codes: dict[int, str]) -> CoreIndicator:
    formula = None
    if row.numerator_id is not None and row.denominator_id is not None:
        formula = Formula(codes[row.numerator_id], codes[row.denominator_id], row.factor)
    return CoreIndicator(
        code=row.code,
        name=row.name,
        unit_of_measure=row.unit_of_measure,
        direction=Direction(row.direction),
        aggregation=Aggregation(row.aggregation),
        source=row.source,
        formula=formula,
        suppress_below=row.suppress_below,
    )


def core_catalogue(rows: Iterable[Indicator] | None = None) -> Catalogue:
    """The whole catalogue (or ``rows`` with the parts their formulas name) as the core's ``Catalogue``."""
    every = list(Indicator.objects.all()) if rows is None else list(rows)
    codes = {row.pk: row.code for row in every}
    missing = {i for row in every for i in (row.numerator_id, row.denominator_id) if i is not None and i not in codes}
    if missing:
        every += list(Indicator.objects.filter(pk__in=missing))
        codes = {row.pk: row.code for row in every}
    return Catalogue(tuple(core_indicator(row, codes) for row in every))
