"""Maps drawn as server-side SVG from the simplified 1395 boundaries in ``data/map_1395.json``.

No tile server and no script: each region is a link to its unit's page with a <title> tooltip.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from ostan.core.charts import Choropleth, MapRegion, Measure
from ostan.core.errors import NotFound
from ostan.territory.models import PATH_SEPARATOR, Unit
from ostan.territory.reference import COUNTRY_CODE, DATA_DIR

MAP_FILE = DATA_DIR / "map_1395.json"


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    d: str
    href: str | None
    population: int | None


@dataclass(frozen=True)
class Map:
    title: str
    view_box: str
    regions: tuple[Region, ...]
    unit: Unit | None
    region_noun: str = "استان"  # what each region is: «استان» on the country map, «شهرستان» on a province's


@functools.cache
def _shapes() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(MAP_FILE.read_text(encoding="utf-8"))
    return data


def _regions(shapes: list[dict[str, Any]]) -> tuple[Region, ...]:
    codes = [s["code"] for s in shapes]
    units = {
        u.code: u for u in Unit.objects.filter(code__in=codes, is_user_created=False).only("code", "name", "population")
    }
    regions = []
    for shape in shapes:
        unit = units.get(shape["code"])
        regions.append(
            Region(
                code=shape["code"],
                name=unit.name if unit else shape.get("name", shape["code"]),
                d=shape["d"],
                href=reverse("territory:unit", args=[unit.code]) if unit else None,
                population=unit.population if unit else None,
            )
        )
    return tuple(regions)


def country_map() -> Map:
    country = _shapes()["country"]
    unit = Unit.objects.filter(code=COUNTRY_CODE).first()
    return Map("نقشه استان‌های ایران", country["view_box"], _regions(country["regions"]), unit)


def province_map(code: str) -> Map:
    province = _shapes()["provinces"].get(code)
    if province is None:
        raise NotFound(f"نقشه‌ای برای استان با کد «{code}» نیست.")
    unit = Unit.objects.filter(code=code, kind="province").first()
    title = f"نقشه شهرستان‌های استان {unit.name if unit else code}"
    return Map(title, province["view_box"], _regions(province["regions"]), unit, region_noun="شهرستان")


UNLISTED_NOTE = "در تقسیمات ۱۳۹۹ با این کد نیست"  # the 1395 boundary has no unit of the 1399 divisions


def population_choropleth(drawn: Map) -> Choropleth:
    """The map shaded by census population (quantile classes); a region with no unit or no census figure
    falls in the «بدون داده» class, and only regions that are units link to their page."""
    regions = tuple(
        MapRegion(r.code, r.name, r.d, r.population, href=r.href, note="" if r.href else UNLISTED_NOTE)
        for r in drawn.regions
    )
    return Choropleth(drawn.title, drawn.view_box, regions, measure=Measure("جمعیت"), label_heading=drawn.region_noun)


@dataclass(frozen=True)
class CountyOutline:
    code: str
    name: str
    d: str  # SVG path data in the committed map's coordinates (ostan.core.charts.project)


def county_outline(unit_path: str) -> CountyOutline | None:
    """The 1395 outline of the county that holds the unit at ``unit_path``; None when the map has none."""
    codes = unit_path.split(PATH_SEPARATOR)
    provinces = _shapes()["provinces"]
    for i, code in enumerate(codes):
        if code in provinces:
            regions = {r["code"]: r for r in provinces[code]["regions"]}
            for county in codes[i + 1 :]:
                if county in regions:
                    shape = regions[county]
                    return CountyOutline(county, shape.get("name", county), shape["d"])
            return None
    return None
