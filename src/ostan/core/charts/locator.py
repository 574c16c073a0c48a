"""A locator map: plain outlines and a marker per place, each with its name beside it.

It answers *where*, not *how much*: every region has the same neutral fill (so nothing reads as a
class), and each point is a marker with a white ring, a <title> «name — note» and its name drawn next
to it. The legend names the marker; the table lists each place with its note and its coordinates.
Coordinates are the map's own units; :func:`project` turns longitude and latitude into them, with the
projection the committed boundaries were built with (``territory/data/build_map.py``).
"""

from __future__ import annotations

import math

from ostan.core.charts.figure import Cell, DataTable, Figure, LegendEntry
from ostan.core.charts.marks import _swatch, marker
from ostan.core.charts.markup import AttrValue, element, svg_root, text, title
from ostan.core.charts.model import LocatorMap, MapPoint
from ostan.core.charts.palettes import Palette
from ostan.core.charts.paths import centroid, contains, label_spot, outline
from ostan.core.text import format_number

SCALE = 100.0  # map units per degree of latitude (territory/data/build_map.py)
MID_LATITUDE = 32.5  # the longitude scale's reference latitude, Iran's middle
POINT_SHARE = 1 / 40  # a marker's radius as a share of the map's width
LABEL_SHARE = 1 / 22  # a place name's font size as a share of the map's width
MARGIN_SHARE = 0.08  # room around an outline when the map is cropped to it


def project(longitude: float, latitude: float) -> tuple[float, float]:
    """Map units for a WGS 84 position: equirectangular, longitude scaled by cos(32.5°), y downwards."""
    return longitude * SCALE * math.cos(math.radians(MID_LATITUDE)), -latitude * SCALE


def unproject(x: float, y: float) -> tuple[float, float]:
    """(longitude, latitude) of a point in map units: the inverse of :func:`project`."""
    return x / (SCALE * math.cos(math.radians(MID_LATITUDE))), -y / SCALE


def inside_point(d: str) -> tuple[float, float] | None:
    """A point inside the largest ring of ``d`` (its centroid, or a label spot when that falls outside)."""
    shape = outline(d)
    if shape is None:
        return None
    ring = shape.largest
    spot = centroid(ring)
    return spot if contains(ring, spot) else (label_spot(ring, 0.0, 0.0) or ring[0])


def view_box_around(d: str, *points: tuple[float, float]) -> str | None:
    """A viewBox holding the outline ``d`` and ``points`` with a margin; None when ``d`` cannot be read."""
    shape = outline(d)
    if shape is None:
        return None
    xs = [x for ring in shape.rings for x, _ in ring] + [p[0] for p in points]
    ys = [y for ring in shape.rings for _, y in ring] + [p[1] for p in points]
    width, height = max(xs) - min(xs), max(ys) - min(ys)
    margin = max(width, height, 1.0) * MARGIN_SHARE
    return " ".join(
        f"{v:.2f}".rstrip("0").rstrip(".")
        for v in (min(xs) - margin, min(ys) - margin, width + 2 * margin, height + 2 * margin)
    )


def render_locator(chart: LocatorMap, *, palette: Palette, id_prefix: str) -> Figure:
    box = [float(v) for v in chart.view_box.replace(",", " ").split()]
    width = box[2]
    shapes = [_outline(r.d, r.code, r.name, palette) for r in chart.regions]
    marks = [_point(p, palette, width, box) for p in chart.points]
    body = element("g", {"class": "chart-regions"}, *shapes) + element("g", {"class": "chart-points"}, *marks)
    description = chart.description or describe_locator(chart)
    svg = svg_root(id_prefix=id_prefix, box=chart.view_box, title_text=chart.title, description=description,
                   body=body, kind="locator")  # fmt: skip
    ring = element("circle", {"cx": 7, "cy": 7, "r": 6, "fill": "#ffffff"})
    legend = (LegendEntry(chart.point_noun, _swatch(ring + marker("circle", 7.0, 7.0, 4.5, palette.series[1]))),)
    return Figure("locator", chart.title, description, svg, legend, _table(chart))


def _outline(d: str, code: str, name: str, palette: Palette) -> str:
    look: dict[str, AttrValue] = {"fill": palette.no_data, "stroke": palette.muted, "stroke-width": 1.5,
            "vector-effect": "non-scaling-stroke", "stroke-linejoin": "round"}  # fmt: skip
    return element("path", {"d": d, **look, "class": "chart-region", "data-code": code}, title(name))


def _point(p: MapPoint, palette: Palette, width: float, box: list[float]) -> str:
    r, font = width * POINT_SHARE, width * LABEL_SHARE
    tip = f"{p.name} — {p.note}" if p.note else p.name
    # The name sits on the side of the marker with more room: a place near the right edge is labelled
    # to its left (text-anchor end, in an RTL drawing the start of the line is at the right).
    is_left = p.x - box[0] > box[0] + box[2] - p.x
    label = text(
        p.name,
        {"x": p.x - 1.6 * r if is_left else p.x + 1.6 * r, "y": p.y, "text-anchor": "start" if is_left else "end",
         "dominant-baseline": "central", "font-size": font, "fill": palette.ink, "stroke": "#ffffff",
         "stroke-width": font / 6, "paint-order": "stroke", "aria-hidden": "true"},
    )  # fmt: skip
    dot = element("circle", {"cx": p.x, "cy": p.y, "r": r * 1.35, "fill": "#ffffff"}) + marker(
        "circle", p.x, p.y, r, palette.series[1]
    )
    group = element("g", {"class": "chart-point", "data-code": p.code}, title(tip), dot, label)
    return element("a", {"href": p.href, "aria-label": tip}, group) if p.href else group


def _table(chart: LocatorMap) -> DataTable:
    rows = tuple((Cell(p.name, href=p.href), Cell(p.note or "—")) for p in chart.points)
    return DataTable((chart.point_noun, "نشانی"), rows)


def describe_locator(chart: LocatorMap) -> str:
    names = "، ".join(p.name for p in chart.points[:5])
    regions = "، ".join(r.name for r in chart.regions[:3])
    head = f"نقشهٔ {regions}" if regions else "نقشه"
    if not chart.points:
        return f"{head}؛ هیچ {chart.point_noun}ی مختصات ندارد."
    return f"{head} با {format_number(len(chart.points))} {chart.point_noun}: {names}."
