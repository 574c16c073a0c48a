"""The indicators dashboard of an area: every indicator's latest figure beside the one before, its target
and how many reporting units it stands on, with what a public view may show."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ostan.core.access import Actor
from ostan.core.network import Direction, Period, PeriodKind, period_containing
from ostan.core.network.targets import is_met
from ostan.indicators import generations
from ostan.indicators.aggregates import period_totals
from ostan.indicators.catalogue import core_catalogue
from ostan.indicators.models import Indicator, Target, Value
from ostan.indicators.rollups import Shown, may_read_values, shown_period
from ostan.territory.models import Unit
from ostan.territory.scope import path_q


@dataclass(frozen=True)
class Row:
    indicator: Indicator
    period: Period
    latest: Shown
    previous: Shown
    target: Decimal | None
    is_met: bool | None
    is_better: bool | None  # than the period before, by the direction of good


@dataclass(frozen=True)
class Dashboard:
    area: Unit
    month: Period | None
    rows: tuple[Row, ...]
    is_full: bool


def _holding(month: Period, kind: PeriodKind) -> Period:
    if kind is PeriodKind.YEAR:
        return Period.whole_year(month.year)
    if kind is PeriodKind.QUARTER:
        return Period.quarter(month.year, (month.number - 1) // 3 + 1)
    return month


def latest_month(area: Unit) -> Period | None:
    """The latest month with a value under ``area``: per monthly indicator, the newest value found walking
    its (indicator, starts_on) index backwards, so no query reads every value of the area."""
    latest: dt.date | None = None
    for indicator_id in Indicator.objects.filter(frequency="month", numerator__isnull=True).values_list(
        "pk", flat=True
    ):
        found = (
            Value.objects.filter(path_q(area.path, "unit__path"), indicator_id=indicator_id)
            .order_by("-starts_on")
            .values_list("starts_on", flat=True)
            .first()
        )
        if found is not None and (latest is None or found > latest):
            latest = found
    return None if latest is None else period_containing(latest, PeriodKind.MONTH)


def dashboard(*, actor: Actor, area: Unit, month: Period | None = None) -> Dashboard:
    """The area's dashboard, kept for the current generation of the indicators (``generations``)."""
    is_full = may_read_values(actor, area)
    key = f"dashboard:{area.pk}:{month or 'latest'}:{'full' if is_full else 'public'}"
    return generations.cached(key, lambda: _dashboard(area, month, is_full))


def _dashboard(area: Unit, month: Period | None, is_full: bool) -> Dashboard:
    month = month or latest_month(area)
    if month is None:
        return Dashboard(area, None, (), is_full)
    indicators = Indicator.objects.filter(is_active=True).order_by("name")
    if not is_full:
        indicators = indicators.filter(is_public=True)
    listed = list(indicators)
    catalogue = core_catalogue(listed)
    wanted = {i.pk: _holding(month, PeriodKind(i.frequency)) for i in listed}
    periods = {p for p in wanted.values()} | {p.previous() for p in wanted.values()}
    totals = period_totals(indicators=listed, area=area, periods=sorted(periods))
    goals = dict(
        Target.objects.filter(unit=area, indicator__in=listed, year=month.year).values_list("indicator_id", "value")
    )
    rows = []
    for row in listed:
        core = catalogue.get(row.code)
        period = wanted[row.pk]
        now, before = (
            shown_period(core, area.path, {area.path: totals.get((row.pk, p))}, is_full=is_full)[area.path]
            for p in (period, period.previous())
        )
        target = goals.get(row.pk)
        met = None if target is None or now.value is None else is_met(Direction(row.direction), now.value, target)
        better = None
        if now.value is not None and before.value is not None and now.value != before.value:
            better = (now.value > before.value) == (row.direction == Direction.HIGHER.value)
        rows.append(Row(row, period, now, before, target, met, better))
    return Dashboard(area, month, tuple(rows), is_full)
