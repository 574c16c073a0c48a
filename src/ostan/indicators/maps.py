"""The choropleth of an indicator over a province's counties, from the project's own boundary file.

Neighbourhood and village boundaries are not part of the 1395 map; the map is drawn at county level, each
county shaded by its roll-up for the period and linked to the indicator's page for that county.
"""

from __future__ import annotations

from django.urls import reverse

from ostan.core.charts import Choropleth, MapRegion, Measure
from ostan.core.errors import NotFound
from ostan.core.network import Period
from ostan.core.network.totals import Totals
from ostan.indicators.aggregates import area_totals
from ostan.indicators.catalogue import core_catalogue
from ostan.indicators.models import Indicator
from ostan.indicators.rollups import shown_period
from ostan.territory import maps
from ostan.territory.models import Unit


def county_map(*, indicator: Indicator, province: Unit, period: Period, is_full: bool) -> Choropleth | None:
    """The province's counties shaded by ``indicator`` in ``period``; None when there is no map for it."""
    try:
        drawn = maps.province_map(province.code)
    except NotFound:
        return None
    core = core_catalogue([indicator]).get(indicator.code)
    counties = {u.code: u for u in Unit.objects.filter(parent=province)}
    totals = area_totals(indicator=indicator, area=province, first=period, last=period, by_child=True)
    parts: dict[str, Totals | None] = {province.path: None}
    parts |= {u.path: totals.get((period, u.path)) for u in counties.values()}
    shown = shown_period(core, province.path, parts, is_full=is_full)
    link = reverse("indicators:indicator", args=[indicator.code])
    regions = []
    for region in drawn.regions:
        county = counties.get(region.code)
        figure = shown.get(county.path) if county is not None else None
        regions.append(
            MapRegion(
                region.code, region.name, region.d, None if figure is None else figure.value,
                href=f"{link}?unit={county.code}&period={period}" if county is not None else None,
                note=figure.note if figure is not None else "",
            )
        )  # fmt: skip
    title = f"{indicator.name} در شهرستان‌های {province.name}، {period.label}"
    measure = Measure(indicator.unit_of_measure, decimals=0 if indicator.aggregation == "sum" else 1)
    return Choropleth(title, drawn.view_box, tuple(regions), measure=measure, label_heading="شهرستان")
