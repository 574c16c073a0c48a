"""The locator map: places as escaped, titled markers on neutral outlines, labelled on the roomier side."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ostan.core.charts import InvalidRegion, LocatorMap, MapPoint, MapRegion, project, render, view_box_around
from ostan.core.charts.locator import inside_point, unproject
from ostan.core.charts.paths import contains, outline

SQUARE = "M0 0L100 0L100 100L0 100Z"


def test_the_projection_is_the_committed_maps_and_inverts() -> None:
    x, y = project(49.69, 34.09)
    assert (round(x, 2), round(y, 2)) == (round(49.69 * 100 * math.cos(math.radians(32.5)), 2), -3409.0)
    assert all(math.isclose(a, b) for a, b in zip(unproject(x, y), (49.69, 34.09), strict=True))


@settings(max_examples=50)
@given(st.floats(44, 64), st.floats(24, 41))
def test_project_and_unproject_are_inverse(longitude: float, latitude: float) -> None:
    back = unproject(*project(longitude, latitude))
    assert math.isclose(back[0], longitude)
    assert math.isclose(back[1], latitude)


def test_a_point_is_drawn_with_its_title_and_the_names_are_escaped() -> None:
    chart = LocatorMap("شعبه‌ها", "0 0 100 100", (MapRegion("c", "اراک", SQUARE, None),),
                       (MapPoint("s1", "شعبه <1>", 80, 50, note='خیابان "امام"'),), point_noun="شعبه")  # fmt: skip
    figure = render(chart, id_prefix="m")
    assert figure.kind == "locator"
    assert "<title>شعبه &lt;1&gt; — خیابان &quot;امام&quot;</title>" in figure.svg
    assert "<1>" not in figure.svg
    assert 'text-anchor="start"' in figure.svg  # near the right edge: labelled to the left
    assert figure.table.rows[0][1].text == 'خیابان "امام"'
    assert [e.label for e in figure.legend] == ["شعبه"]
    assert "۱ شعبه" in figure.description


def test_view_box_holds_the_outline_and_the_points() -> None:
    box = [float(v) for v in (view_box_around(SQUARE, (150.0, 50.0)) or "").split()]
    assert box[0] < 0
    assert box[1] < 0
    assert box[0] + box[2] > 150
    assert box[1] + box[3] > 100
    assert view_box_around("M0 0C1 1 2 2 3 3") is None


def test_inside_point_is_inside() -> None:
    ring = "M0 0L100 0L100 10L10 10L10 100L0 100Z"  # an L: its centroid lies outside
    spot = inside_point(ring)
    shape = outline(ring)
    assert spot is not None
    assert shape is not None
    assert contains(shape.largest, spot)


def test_bad_points_are_refused() -> None:
    with pytest.raises(InvalidRegion):
        MapPoint("a", "x", float("nan"), 0)
    with pytest.raises(InvalidRegion):
        MapPoint("a", "x", 0, 0, href="javascript:alert(1)")
    with pytest.raises(InvalidRegion):
        LocatorMap("t", "0 0 1 1", (), (MapPoint("a", "x", 0, 0), MapPoint("a", "y", 1, 1)))
