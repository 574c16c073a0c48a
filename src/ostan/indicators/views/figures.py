"""An indicator's page (trend, pivot table of the area's units by period, map of the province's counties)
and its export; public, with small counts suppressed for anyone who may not read the area's values."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from ostan.access.guards import guarded
from ostan.core.access import Actor, acting, allows
from ostan.core.charts import LineChart, Measure, Series
from ostan.core.network import Period
from ostan.core.tables import csv_text, xlsx_bytes
from ostan.indicators import selectors
from ostan.indicators.errors import IndicatorNotFound, UnitNotFound
from ostan.indicators.forms import AreaForm
from ostan.indicators.maps import county_map
from ostan.indicators.models import Indicator
from ostan.indicators.permissions import MANAGE_CATALOGUE, MANAGE_TARGETS, READ_PUBLIC
from ostan.indicators.rollups import (
    Figures,
    figures,
    pivot_rows,
    province_of,
    reporting_children,
    visible_indicator,
    window,
)
from ostan.territory.models import Unit
from ostan.territory.scope import target_of

PERIODS_SHOWN = 12


def _area_and_window(request: HttpRequest, actor: Actor, code: str) -> tuple[Indicator, Unit, Figures | None]:
    form = AreaForm(request.GET)
    typed = form.cleaned_data if form.is_valid() else {}
    try:
        area = selectors.unit(typed["unit"].strip()) if typed.get("unit") else selectors.default_area(actor)
        if area is None:
            raise Http404("هنوز واحدی بارگذاری نشده است.")
        row = visible_indicator(actor, code, area)
    except (IndicatorNotFound, UnitNotFound) as exc:
        raise Http404(exc.message) from None
    last: Period | None = typed.get("period") or selectors.latest_period(row, area)
    if last is None:
        return row, area, None
    first, last = window(row, last, PERIODS_SHOWN)
    return row, area, figures(actor=actor, indicator=row, area=area, first=first, last=last)


def _trend(found: Figures) -> LineChart:
    row = found.indicator
    series = [Series(found.area.name, tuple(found.series[p].value for p in found.periods))]
    if found.target is not None:
        series.append(Series(f"هدف {found.periods[-1].year}", tuple(found.target for _ in found.periods)))
    return LineChart(
        f"روند {row.name} در {found.area.name}", tuple(p.label for p in found.periods), tuple(series),
        Measure(row.unit_of_measure, decimals=0 if row.aggregation == "sum" else 1), x_heading="دوره",
        is_zero_based=False,
    )  # fmt: skip


@guarded(READ_PUBLIC, target="indicator")
def indicator_page(request: HttpRequest, indicator: str) -> HttpResponse:
    actor = acting(request)
    row, area, found = _area_and_window(request, actor, indicator)
    province = province_of(area)
    drawn = None
    if found is not None and province is not None:
        drawn = county_map(indicator=row, province=province, period=found.periods[-1], is_full=found.is_full)
    context = {
        "nav": "indicators", "indicator": row, "area": area, "found": found,
        "ancestors": Unit.objects.filter(path__in=_lineage(area)).order_by("depth"),
        "rows": pivot_rows(found) if found else (),
        "series": [found.series[p] for p in found.periods] if found else (), "trend": _trend(found) if found else None,
        "map": drawn, "may_manage": allows(actor, MANAGE_CATALOGUE),
        "may_set_targets": allows(actor, MANAGE_TARGETS, target_of(area)),
    }  # fmt: skip
    return render(request, "indicators/indicator.html", context)


def _lineage(area: Unit) -> list[str]:
    segments = area.path.split("/")
    return ["/".join(segments[: i + 1]) for i in range(len(segments) - 1)]


@guarded(READ_PUBLIC, target="indicator")
def indicator_export(request: HttpRequest, indicator: str) -> HttpResponse:
    actor = acting(request)
    row, area, found = _area_and_window(request, actor, indicator)
    header = ["کد واحد", "واحد", *(p.label for p in found.periods)] if found else ["کد واحد", "واحد"]
    lines: list[list[object]] = []
    if found is not None:
        lines.append([area.code, area.name, *(_cell(found.series[p]) for p in found.periods)])
        for child in reporting_children(found):
            lines.append([child.code, child.name, *(_cell(found.pivot[(child.path, p)]) for p in found.periods)])
    name = f"{row.code}-{area.code}"
    if request.GET.get("format") == "xlsx":
        response = HttpResponse(
            xlsx_bytes(header, lines, title=row.code),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
        return response
    response = HttpResponse("\ufeff" + csv_text(header, lines), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response


def _cell(shown: object) -> object:
    value = getattr(shown, "value", None)
    if value is not None:
        return value
    return getattr(shown, "note", "") or ""
