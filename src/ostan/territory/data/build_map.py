"""Turn the 1395 boundary GeoJSON into compact SVG path data, once, offline.

The committed ``map_1395.json`` is what the map pages draw; the GeoJSON itself (1.7 MB) is not shipped.
Run from the repository root with the reference data's ``geo/`` folder as argument::

    .venv/bin/python src/ostan/territory/data/build_map.py /path/to/iran-divisions/geo

What it does, in order:
1. projects longitude/latitude with an equirectangular projection scaled by cos(32.5°), Iran's middle
   latitude, so that shapes keep their proportions (``SCALE`` SVG units per degree of latitude);
2. simplifies every ring with Douglas–Peucker (``PROVINCE_TOLERANCE`` / ``COUNTY_TOLERANCE`` units) and
   drops islands smaller than ``MIN_RING_AREA`` square units;
3. writes each region as one SVG path in relative commands with whole-unit (provinces) or one-decimal
   (counties) precision, plus a viewBox for the country and for each province's counties.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Any

SCALE = 100.0  # SVG units per degree of latitude
MID_LATITUDE = 32.5
PROVINCE_TOLERANCE = 2.0
COUNTY_TOLERANCE = 0.6
MIN_RING_AREA = 4.0
MARGIN = 5.0
OUTPUT = Path(__file__).with_name("map_1395.json")

Point = tuple[float, float]


def project(lon: float, lat: float) -> Point:
    return lon * SCALE * math.cos(math.radians(MID_LATITUDE)), -lat * SCALE


def _distance_to_segment(p: Point, a: Point, b: Point) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    if dx == 0 and dy == 0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas–Peucker, iterative so that long rings do not exhaust the stack."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        best, index = 0.0, -1
        for i in range(first + 1, last):
            d = _distance_to_segment(points[i], points[first], points[last])
            if d > best:
                best, index = d, i
        if best > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def ring_area(points: list[Point]) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True))) / 2


def polygons(geometry: dict[str, Any]) -> list[list[list[list[float]]]]:
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiPolygon":
        return list(geometry["coordinates"])
    raise ValueError(f"unexpected geometry {geometry['type']}")


def _fmt(value: float, digits: int) -> str:
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".") if digits else str(round(value))
    return "0" if text in {"-0", ""} else text


def path_data(geometry: dict[str, Any], tolerance: float, digits: int) -> tuple[str, list[float]]:
    """The SVG ``d`` attribute for a geometry and its bounding box [minx, miny, maxx, maxy]."""
    parts: list[str] = []
    xs: list[float] = []
    ys: list[float] = []
    for polygon in polygons(geometry):
        for ring in polygon:
            projected = [project(lon, lat) for lon, lat in ring]
            if ring_area(projected) < MIN_RING_AREA:
                continue
            points = [(round(x, digits), round(y, digits)) for x, y in simplify(projected, tolerance)]
            if len(points) < 4:
                continue
            xs += [x for x, _ in points]
            ys += [y for _, y in points]
            (x0, y0), steps = points[0], []
            previous = points[0]
            for x, y in points[1:-1]:
                steps.append(f"{_fmt(x - previous[0], digits)} {_fmt(y - previous[1], digits)}")
                previous = (x, y)
            parts.append(f"M{_fmt(x0, digits)} {_fmt(y0, digits)}l" + " ".join(steps) + "z")
    return "".join(parts), [min(xs), min(ys), max(xs), max(ys)]


def view_box(boxes: list[list[float]]) -> str:
    minx = min(b[0] for b in boxes) - MARGIN
    miny = min(b[1] for b in boxes) - MARGIN
    width = max(b[2] for b in boxes) - minx + MARGIN
    height = max(b[3] for b in boxes) - miny + MARGIN
    return f"{minx:.0f} {miny:.0f} {width:.0f} {height:.0f}"


def build(geo_dir: Path) -> dict[str, Any]:
    provinces = json.loads((geo_dir / "provinces_1395.geojson").read_text(encoding="utf-8"))["features"]
    counties = json.loads((geo_dir / "counties_1395.geojson").read_text(encoding="utf-8"))["features"]
    country_regions, country_boxes = [], []
    for feature in sorted(provinces, key=lambda f: f["properties"]["code"]):
        d, box = path_data(feature["geometry"], PROVINCE_TOLERANCE, 0)
        country_regions.append({"code": feature["properties"]["code"], "d": d})
        country_boxes.append(box)
    by_province: dict[str, dict[str, Any]] = {}
    for feature in sorted(counties, key=lambda f: f["properties"]["code"]):
        props = feature["properties"]
        d, box = path_data(feature["geometry"], COUNTY_TOLERANCE, 1)
        entry = by_province.setdefault(props["parent_code"], {"regions": [], "boxes": []})
        entry["regions"].append({"code": props["code"], "name": props["name_fa"], "d": d})
        entry["boxes"].append(box)
    return {
        "projection": f"equirectangular, {SCALE:g} units/degree, cos({MID_LATITUDE}°) on longitude",
        "country": {"view_box": view_box(country_boxes), "regions": country_regions},
        "provinces": {
            code: {"view_box": view_box(entry["boxes"]), "regions": entry["regions"]}
            for code, entry in sorted(by_province.items())
        },
    }


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: build_map.py GEO_DIR")
    data = build(Path(sys.argv[1]))
    OUTPUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {OUTPUT} ({OUTPUT.stat().st_size:,} bytes)")
