"""Neighbourhood outlines: a GeoJSON polygon checked into rings, and rings drawn as SVG path data.

Rules:

* An outline is a GeoJSON ``Polygon`` or ``MultiPolygon`` — bare, or as the geometry of a ``Feature``
  or of a ``FeatureCollection``'s single feature. Each ring has at least four [longitude, latitude]
  positions, closed (first equals last), inside Iran's bounding box with a margin (longitude 40..66,
  latitude 20..44): a swapped pair (latitude first) is refused, not silently drawn in the sea. At most
  :data:`MAX_POSITIONS` positions in all. Holes are kept as further rings.
* Drawing: an equirectangular projection with longitude scaled by cos(mid-latitude), fitted into a
  1,000-unit-wide box with a margin; y grows southwards. Coordinates are rounded to 0.1 unit, so equal
  outlines give equal paths.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ostan.core.network.errors import InvalidRule

MAX_POSITIONS = 20_000
LONGITUDES = (40.0, 66.0)
LATITUDES = (20.0, 44.0)
WIDTH = 1000.0
MARGIN = 10.0

type Ring = tuple[tuple[float, float], ...]


def _refuse(message: str) -> InvalidRule:
    return InvalidRule(message, details={"field": "boundary"})


def polygon_rings(document: Any) -> tuple[Ring, ...]:
    """The rings of a GeoJSON polygon (rules in the module docstring), or a Persian refusal."""
    geometry = _geometry(document)
    kind = geometry.get("type")
    coordinates = geometry.get("coordinates")
    if kind == "Polygon":
        polygons = [coordinates]
    elif kind == "MultiPolygon" and isinstance(coordinates, list):
        polygons = coordinates
    else:
        raise _refuse("مرز باید یک چندضلعی GeoJSON (Polygon یا MultiPolygon) باشد.")
    rings = [_ring(ring) for polygon in polygons if isinstance(polygon, list) for ring in polygon]
    if not rings:
        raise _refuse("چندضلعی مرز هیچ حلقه‌ای ندارد.")
    if sum(len(r) for r in rings) > MAX_POSITIONS:
        raise _refuse("مرز بیش از اندازه نقطه دارد؛ آن را ساده کنید.")
    return tuple(rings)


def _geometry(document: Any) -> Mapping[str, Any]:
    if not isinstance(document, Mapping):
        raise _refuse("پروندهٔ مرز GeoJSON نیست.")
    if document.get("type") == "FeatureCollection":
        features = document.get("features")
        if not isinstance(features, list) or len(features) != 1:
            raise _refuse("پروندهٔ مرز باید دقیقاً یک عارضه داشته باشد.")
        document = features[0]
    if isinstance(document, Mapping) and document.get("type") == "Feature":
        document = document.get("geometry")
    if not isinstance(document, Mapping):
        raise _refuse("پروندهٔ مرز هندسه ندارد.")
    return document


def _ring(raw: Any) -> Ring:
    if not isinstance(raw, list) or len(raw) < 4:
        raise _refuse("هر حلقهٔ مرز دست‌کم چهار نقطه دارد.")
    points = []
    for position in raw:
        if not (isinstance(position, list) and len(position) >= 2):
            raise _refuse("هر نقطهٔ مرز یک جفت [طول، عرض] جغرافیایی است.")
        lon, lat = position[0], position[1]
        if not all(isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v) for v in (lon, lat)):
            raise _refuse("مختصات مرز باید عدد باشد.")
        if not (LONGITUDES[0] <= lon <= LONGITUDES[1] and LATITUDES[0] <= lat <= LATITUDES[1]):
            raise _refuse("نقطه‌ای از مرز بیرون از ایران است؛ ترتیب [طول، عرض] را بررسی کنید.")
        points.append((float(lon), float(lat)))
    if points[0] != points[-1]:
        raise _refuse("حلقهٔ مرز بسته نیست: نقطهٔ آخر باید همان نقطهٔ اول باشد.")
    return tuple(points)


@dataclass(frozen=True)
class Drawn:
    view_box: str
    paths: Mapping[str, str]  # key → SVG path data


def draw(outlines: Mapping[str, Sequence[Ring]]) -> Drawn:
    """Every outline projected into one box (rules in the module docstring)."""
    points = [p for rings in outlines.values() for ring in rings for p in ring]
    if not points:
        return Drawn(f"0 0 {WIDTH:g} {WIDTH:g}", {})
    west, east = min(p[0] for p in points), max(p[0] for p in points)
    south, north = min(p[1] for p in points), max(p[1] for p in points)
    squeeze = math.cos(math.radians((north + south) / 2))
    span_x = max((east - west) * squeeze, 1e-9)
    span_y = max(north - south, 1e-9)
    scale = (WIDTH - 2 * MARGIN) / max(span_x, span_y)
    height = span_y * scale + 2 * MARGIN

    def at(lon: float, lat: float) -> str:
        x = MARGIN + (lon - west) * squeeze * scale
        y = MARGIN + (north - lat) * scale
        return f"{x:.1f} {y:.1f}"

    paths = {
        key: " ".join("M" + " L".join(at(*p) for p in ring[:-1]) + " Z" for ring in rings)
        for key, rings in outlines.items()
    }
    return Drawn(f"0 0 {WIDTH:g} {height:.1f}", paths)
