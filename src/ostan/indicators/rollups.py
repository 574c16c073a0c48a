"""Reads of rolled-up figures: an indicator at an area over periods, its children side by side (the pivot
table), the province's counties (the map), and what a public view may show of them.

A viewer who may read the area's values (``READ_VALUES``) sees every figure; anyone else sees public
indicators only, with small counts suppressed by ``ostan.core.network.suppression`` (primary and
complementary, over the area and its children as one equation per period).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from ostan.core.access import Actor, allows
from ostan.core.network import Catalogue, Period, PeriodKind, PopulationUnknown, RolledValue, periods_between
from ostan.core.network import Indicator as CoreIndicator
from ostan.core.network.suppression import suppress_rollup
from ostan.core.network.totals import Totals, finish
from ostan.indicators import generations
from ostan.indicators.aggregates import area_totals
from ostan.indicators.catalogue import core_catalogue
from ostan.indicators.errors import IndicatorNotFound
from ostan.indicators.models import Indicator, Target
from ostan.indicators.permissions import READ_VALUES
from ostan.territory.models import Unit, UnitKind
from ostan.territory.scope import target_of

NO_POPULATION = "جمعیت همهٔ واحدها ثبت نشده"
SUPPRESSED = "پنهان (شمار کم)"


@dataclass(frozen=True)
class Shown:
    """One figure as the viewer sees it: None with a note when suppressed, unknown or not reported."""

    value: Decimal | None
    reporting_units: int = 0
    note: str = ""

    @property
    def is_suppressed(self) -> bool:
        return self.note == SUPPRESSED


@dataclass(frozen=True)
class Figures:
    indicator: Indicator
    area: Unit
    periods: tuple[Period, ...]
    series: dict[Period, Shown]  # the area itself
    children: tuple[Unit, ...]
    pivot: dict[tuple[str, Period], Shown]  # (child path, period)
    is_full: bool  # every figure shown (the viewer reads the area's values)
    target: Decimal | None  # the area's target for the last period's year


def may_read_values(actor: Actor, unit: Unit) -> bool:
    return allows(actor, READ_VALUES, target_of(unit))


def visible_indicator(actor: Actor, code: str, area: Unit) -> Indicator:
    """The indicator if the viewer may see it at ``area`` (a non-public one only with the area's values)."""
    found = Indicator.objects.filter(code=code).select_related("numerator", "denominator").first()
    if found is None or not (found.is_public or may_read_values(actor, area)):
        raise IndicatorNotFound("چنین شاخصی در فهرست نیست.")
    return found


def _rolled(core: CoreIndicator, path: str, totals: Totals | None) -> tuple[RolledValue, str]:
    if totals is None:
        return RolledValue(path, None, 0), ""
    try:
        return finish(core, path, totals), ""
    except PopulationUnknown:
        return RolledValue(path, None, totals.count), NO_POPULATION


def shown_period(
    core: CoreIndicator, area_path: str, parts: dict[str, Totals | None], *, is_full: bool
) -> dict[str, Shown]:
    """One period's figures at the area and its parts, suppressed for a public view."""
    rolled: dict[str, RolledValue] = {}
    notes: dict[str, str] = {}
    for path, totals in parts.items():
        rolled[path], notes[path] = _rolled(core, path, totals)
    visible: dict[str, Decimal | None] = {p: r.value for p, r in rolled.items()}
    if not is_full:
        reported = {p: r for p, r in rolled.items() if r.reporting_units}
        visible |= suppress_rollup(core, reported)
    shown = {}
    for path, node in rolled.items():
        hidden = not is_full and node.value is not None and visible.get(path) is None
        shown[path] = Shown(visible.get(path), node.reporting_units, SUPPRESSED if hidden else notes[path])
    return shown


def figures(*, actor: Actor, indicator: Indicator, area: Unit, first: Period, last: Period) -> Figures:
    """``indicator`` at ``area`` and its children for every period ``first``..``last`` (kept for the current
    generation of the indicators, ``generations``)."""
    is_full = may_read_values(actor, area)
    key = f"figures:{indicator.pk}:{area.pk}:{first}:{last}:{'full' if is_full else 'public'}"
    return generations.cached(key, lambda: _figures(indicator, area, first, last, is_full))


def _figures(indicator: Indicator, area: Unit, first: Period, last: Period, is_full: bool) -> Figures:
    catalogue: Catalogue = core_catalogue([indicator])
    core = catalogue.get(indicator.code)
    periods = periods_between(first, last)
    own = area_totals(indicator=indicator, area=area, first=first, last=last)
    by_child = area_totals(indicator=indicator, area=area, first=first, last=last, by_child=True)
    children = tuple(Unit.objects.filter(parent=area).order_by("name"))
    series: dict[Period, Shown] = {}
    pivot: dict[tuple[str, Period], Shown] = {}
    for period in periods:
        parts: dict[str, Totals | None] = {area.path: own.get((period, area.path))}
        parts |= {c.path: by_child.get((period, c.path)) for c in children}
        shown = shown_period(core, area.path, parts, is_full=is_full)
        series[period] = shown[area.path]
        pivot |= {(c.path, period): shown[c.path] for c in children}
    target = (
        Target.objects.filter(indicator=indicator, unit=area, year=last.year).values_list("value", flat=True).first()
    )
    return Figures(indicator, area, periods, series, children, pivot, is_full, target)


def reporting_children(found: Figures) -> tuple[Unit, ...]:
    """The children with at least one figure in the window (the pivot's rows; the others are empty)."""
    return tuple(c for c in found.children if any(found.pivot[(c.path, p)].reporting_units for p in found.periods))


def province_of(unit: Unit) -> Unit | None:
    if unit.kind == UnitKind.PROVINCE:
        return unit
    codes = [segment for segment in unit.path.split("/")]
    return Unit.objects.filter(code__in=codes, kind=UnitKind.PROVINCE).first()


def window(indicator: Indicator, last: Period, count: int) -> tuple[Period, Period]:
    """The ``count`` periods of the indicator's kind ending with ``last`` (or the period holding it)."""
    kind = PeriodKind(indicator.frequency)
    end = last if last.kind is kind else _holding(last, kind)
    start = end
    for _ in range(count - 1):
        start = start.previous()
    return start, end


def _holding(period: Period, kind: PeriodKind) -> Period:
    if kind is PeriodKind.YEAR:
        return Period.whole_year(period.year)
    if kind is PeriodKind.QUARTER:
        return Period.quarter(period.year, (period.first_month - 1) // 3 + 1)
    return Period.month(period.year, period.first_month)


def series_values(found: Figures) -> Sequence[Decimal | None]:
    return [found.series[p].value for p in found.periods]


def pivot_rows(found: Figures) -> list[tuple[Unit, list[Shown]]]:
    """The pivot table's rows: each reporting child with its figures in period order."""
    return [(c, [found.pivot[(c.path, p)] for p in found.periods]) for c in reporting_children(found)]
