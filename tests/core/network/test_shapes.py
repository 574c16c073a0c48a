"""Neighbourhood outlines: GeoJSON checked into rings, and rings drawn inside the map's box."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ostan.core.network.errors import InvalidRule
from ostan.core.network.shapes import draw, polygon_rings

SQUARE = [[51.40, 35.70], [51.41, 35.70], [51.41, 35.71], [51.40, 35.71], [51.40, 35.70]]


def test_a_polygon_a_feature_and_a_one_feature_collection_give_the_same_rings() -> None:
    polygon = {"type": "Polygon", "coordinates": [SQUARE]}
    feature = {"type": "Feature", "geometry": polygon, "properties": {}}
    collection = {"type": "FeatureCollection", "features": [feature]}
    assert polygon_rings(polygon) == polygon_rings(feature) == polygon_rings(collection)
    assert len(polygon_rings({"type": "MultiPolygon", "coordinates": [[SQUARE], [SQUARE]]})) == 2


@pytest.mark.parametrize(
    "document",
    [
        {"type": "Point", "coordinates": [51.4, 35.7]},
        {"type": "Polygon", "coordinates": [SQUARE[:-1]]},  # not closed
        {"type": "Polygon", "coordinates": [[[y, x] for x, y in SQUARE]]},  # latitude first: in the sea
        {"type": "Polygon", "coordinates": [[[51.4, 35.7], [51.41, 35.7], [51.4, 35.7]]]},  # too few points
        {"type": "Polygon", "coordinates": [[["51.4", 35.7]] * 4]},  # text, not numbers
        {"type": "FeatureCollection", "features": []},
        [],
    ],
)
def test_what_is_not_a_closed_polygon_inside_iran_is_refused_in_persian(document: object) -> None:
    with pytest.raises(InvalidRule) as refused:
        polygon_rings(document)
    assert refused.value.details == {"field": "boundary"}
    assert any("\u0600" <= ch <= "\u06ff" for ch in refused.value.message)


longitudes = st.floats(min_value=44, max_value=62, allow_nan=False)
latitudes = st.floats(min_value=25, max_value=39, allow_nan=False)
sizes = st.floats(min_value=0.0001, max_value=0.5, allow_nan=False)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(longitudes, latitudes, sizes), min_size=1, max_size=6))
def test_every_drawn_point_lies_inside_the_view_box(squares: list[tuple[float, float, float]]) -> None:
    outlines = {
        f"u{i}": [((x, y), (x + s, y), (x + s, y + s), (x, y + s), (x, y))] for i, (x, y, s) in enumerate(squares)
    }
    drawn = draw(outlines)  # type: ignore[arg-type]
    _, _, width, height = (float(v) for v in drawn.view_box.split())
    for path in drawn.paths.values():
        numbers = [float(t) for t in path.replace("M", " ").replace("L", " ").replace("Z", " ").split()]
        xs, ys = numbers[0::2], numbers[1::2]
        assert all(-0.05 <= x <= width + 0.05 for x in xs)
        assert all(-0.05 <= y <= height + 0.05 for y in ys)
    assert draw(outlines) == drawn  # the same outlines always give the same paths
