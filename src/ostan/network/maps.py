"""The 3W map: each row of the matrix shaded by its number of actions. A province's counties are drawn
from the territory's own 1395 outlines; a county's neighbourhoods and villages from the boundaries their
councils imported (``Boundary``), projected by ``ostan.core.network.shapes``. No tile server, no script."""

from __future__ import annotations

from django.urls import reverse

from ostan.core.charts import Choropleth, MapRegion, Measure
from ostan.core.errors import NotFound
from ostan.core.network import WhoDoesWhatWhere
from ostan.core.network.shapes import draw
from ostan.network.models import Boundary
from ostan.territory import maps as territory_maps
from ostan.territory.models import Unit, UnitKind

MEASURE = Measure("اقدام")


def matrix_map(unit: Unit, matrix: WhoDoesWhatWhere) -> Choropleth | None:
    counts = {row.unit_path: row.total.action_count for row in matrix.rows}
    if unit.kind == UnitKind.PROVINCE:
        try:
            drawn = territory_maps.province_map(unit.code)
        except NotFound:
            return None
        paths = dict(Unit.objects.filter(code__in=[r.code for r in drawn.regions]).values_list("code", "path"))
        regions = tuple(
            MapRegion(r.code, r.name, r.d, counts.get(paths.get(r.code, ""), 0) if r.code in paths else None,
                      href=reverse("network:matrix", args=[r.code]) if r.code in paths else None)
            for r in drawn.regions
        )  # fmt: skip
        return Choropleth(f"اقدام‌ها در شهرستان‌های {unit.name}", drawn.view_box, regions, measure=MEASURE,
                          label_heading="شهرستان")  # fmt: skip
    outlines = Boundary.objects.filter(unit__path__startswith=unit.path + "/").select_related("unit")
    shapes = {b.unit.code: ([tuple(tuple(p) for p in ring) for ring in b.rings], b.unit) for b in outlines[:2000]}
    if not shapes:
        return None
    drawn_shapes = draw({code: rings for code, (rings, _) in shapes.items()})
    regions = tuple(
        MapRegion(code, place.name, drawn_shapes.paths[code], counts.get(place.path, 0),
                  href=reverse("network:unit", args=[code]))
        for code, (_, place) in sorted(shapes.items())
    )  # fmt: skip
    return Choropleth(f"اقدام‌ها در محله‌ها و روستاهای {unit.name}", drawn_shapes.view_box, regions, measure=MEASURE,
                      label_heading="محله یا روستا")  # fmt: skip
