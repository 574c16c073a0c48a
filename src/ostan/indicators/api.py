"""Indicators over HTTP: the catalogue, an indicator's roll-up at an area (public, small counts hidden for
those who may not read the area's values), an area's stored values (scoped) and a unit's values entered."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from ostan.access.guards import api_guarded
from ostan.core.access import acting, ensure
from ostan.core.network import Period, parse_period
from ostan.indicators import actions, selectors
from ostan.indicators.entries import NotANumber, parse_number
from ostan.indicators.errors import InvalidValues
from ostan.indicators.models import Value
from ostan.indicators.permissions import ENTER_VALUES, READ_CATALOGUE, READ_PUBLIC, READ_VALUES
from ostan.indicators.rollups import Shown, figures, pivot_rows, visible_indicator, window
from ostan.pages.schemas import ErrorOut
from ostan.territory.scope import path_q, target_of

router = Router(tags=["indicators"])
ERRORS: dict[int, Any] = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}
VALUES_LIMIT = 5000
PERIODS_MAX = 120


class IndicatorOut(Schema):
    code: str
    name: str
    definition: str
    unit_of_measure: str
    direction: str
    aggregation: str
    source: str
    frequency: str
    numerator: str | None
    denominator: str | None
    factor: Decimal
    poor_threshold: Decimal | None
    suppress_below: int | None


class WindowIn(Schema):
    unit: str = Field("", max_length=32, description="the area's code; the country when empty")
    last: str = Field("", max_length=20, description="the last period, «1405-03»; the latest with a value when empty")
    periods: int = Field(12, ge=1, le=PERIODS_MAX)


class FigureOut(Schema):
    period: str
    label: str
    value: Decimal | None
    reporting_units: int
    note: str


class ChildOut(Schema):
    unit: str
    name: str
    figures: list[FigureOut]


class RollupOut(Schema):
    indicator: str
    unit: str
    is_full: bool = Field(description="false: a public view, small counts suppressed (value null, note says why)")
    target: Decimal | None
    figures: list[FigureOut]
    children: list[ChildOut]


class ValuesIn(Schema):
    indicator: str = Field("", max_length=60)
    first: str = Field("", max_length=20)
    last: str = Field("", max_length=20)


class ValueOut(Schema):
    indicator: str
    unit: str
    period: str
    value: Decimal
    is_outlier: bool
    entered_at: dt.datetime


class EntryIn(Schema):
    period: str = Field(max_length=20)
    values: dict[str, str] = Field(description="indicator code → value, in any digit style")


class OutlierOut(Schema):
    indicator: str
    unit: str
    period: str
    value: Decimal


class RecordedOut(Schema):
    saved: int
    outliers: list[OutlierOut]


def _indicator_out(i: Any) -> IndicatorOut:
    return IndicatorOut(
        code=i.code, name=i.name, definition=i.definition, unit_of_measure=i.unit_of_measure, direction=i.direction,
        aggregation=i.aggregation, source=i.source, frequency=i.frequency,
        numerator=i.numerator.code if i.numerator else None, denominator=i.denominator.code if i.denominator else None,
        factor=i.factor, poor_threshold=i.poor_threshold, suppress_below=i.suppress_below,
    )  # fmt: skip


@router.get("/catalogue", response={200: list[IndicatorOut], **ERRORS})
@api_guarded(READ_CATALOGUE)
def catalogue(request: HttpRequest) -> list[IndicatorOut]:
    return [_indicator_out(i) for i in selectors.catalogue()]


def _figure(period: Period, shown: Shown) -> FigureOut:
    return FigureOut(
        period=str(period), label=period.label, value=shown.value, reporting_units=shown.reporting_units,
        note=shown.note,
    )  # fmt: skip


@router.get("/{indicator}/rollup", response={200: RollupOut, **ERRORS})
@api_guarded(READ_PUBLIC, target="indicator")
def rollup(request: HttpRequest, indicator: str, params: Query[WindowIn]) -> RollupOut:
    actor = acting(request)
    area = selectors.unit(params.unit) if params.unit else selectors.default_area(actor)
    if area is None:
        raise InvalidValues("هنوز واحدی بارگذاری نشده است.", {})
    row = visible_indicator(actor, indicator, area)
    last = parse_period(params.last) if params.last else selectors.latest_period(row, area)
    if last is None:
        return RollupOut(indicator=row.code, unit=area.code, is_full=False, target=None, figures=[], children=[])
    first, last = window(row, last, params.periods)
    found = figures(actor=actor, indicator=row, area=area, first=first, last=last)
    children = [
        ChildOut(unit=c.code, name=c.name, figures=[_figure(p, s) for p, s in zip(found.periods, cells, strict=True)])
        for c, cells in pivot_rows(found)
    ]
    return RollupOut(
        indicator=row.code, unit=area.code, is_full=found.is_full, target=found.target,
        figures=[_figure(p, found.series[p]) for p in found.periods], children=children,
    )  # fmt: skip


@router.get("/units/{code}/values", response={200: list[ValueOut], **ERRORS})
@api_guarded(READ_VALUES, target="unit")
def values(request: HttpRequest, code: str, params: Query[ValuesIn]) -> list[ValueOut]:
    area = selectors.unit(code)
    ensure(acting(request), READ_VALUES, target_of(area))
    found = Value.objects.filter(path_q(area.path, "unit__path")).select_related("indicator", "unit")
    if params.indicator:
        found = found.filter(indicator__code=params.indicator)
    if params.first:
        found = found.filter(starts_on__gte=parse_period(params.first).first_day)
    if params.last:
        found = found.filter(starts_on__lte=parse_period(params.last).first_day)
    return [
        ValueOut(
            indicator=v.indicator.code,
            unit=v.unit.code,
            period=str(v.period),
            value=v.value,
            is_outlier=v.is_outlier,
            entered_at=v.entered_at,
        )
        for v in found.order_by("starts_on", "unit__path", "indicator__code")[:VALUES_LIMIT]
    ]


@router.post("/units/{code}/values", response={200: RecordedOut, **ERRORS})
@api_guarded(ENTER_VALUES, target="unit")
def enter(request: HttpRequest, code: str, body: EntryIn) -> RecordedOut:
    area = selectors.unit(code)
    period = parse_period(body.period)
    typed: dict[str, Decimal] = {}
    problems: dict[str, str] = {}
    for key, text in body.values.items():
        try:
            typed[key] = parse_number(text)
        except NotANumber as exc:
            problems[key] = str(exc)
    if problems:
        raise InvalidValues("مقدارها عدد نیستند؛ هیچ مقداری ثبت نشد.", problems)
    recorded = actions.record_values(actor=acting(request), unit=area, period=period, values=typed)
    return RecordedOut(
        saved=recorded.saved,
        outliers=[
            OutlierOut(indicator=o.indicator, unit=o.unit, period=o.period, value=o.value) for o in recorded.outliers
        ],
    )
