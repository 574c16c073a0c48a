"""Reading region outlines: rings from path data, the area centroid, and where a label fits."""

from __future__ import annotations

import json
from pathlib import Path

from ostan.core.charts.paths import centroid, contains, label_spot, outline, signed_area

MAP = Path(__file__).resolve().parents[3] / "src/ostan/territory/data/map_1395.json"


def test_relative_and_absolute_commands() -> None:
    shape = outline("M0 0l10 0 0 10 -10 0z M20 20H30V30H20Z")
    assert shape is not None
    assert shape.rings == (
        ((0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)),
        ((20.0, 20.0), (30.0, 20.0), (30.0, 30.0), (20.0, 30.0)),
    )
    assert outline("m5 5 l1 0 0 1z") is not None


def test_curves_and_nonsense_give_no_outline() -> None:
    assert outline("M0 0C1 1 2 2 3 3Z") is None
    assert outline("") is None
    assert outline("M0 0 L1") is None
    assert outline("M0 0 L1 1") is None  # two points enclose nothing


def test_centroid_and_containment_of_an_l_shape() -> None:
    ring = ((0.0, 0.0), (30.0, 0.0), (30.0, 10.0), (10.0, 10.0), (10.0, 30.0), (0.0, 30.0))
    assert abs(signed_area(ring)) == 500
    cx, cy = centroid(ring)
    assert (round(cx, 3), round(cy, 3)) == (11.0, 11.0)
    assert contains(ring, (5, 5))
    assert not contains(ring, (20, 20))
    assert label_spot(ring, 40, 5) is None  # wider than the shape
    thin = ((0.0, 0.0), (100.0, 0.0), (100.0, 10.0), (0.0, 10.0))
    assert label_spot(thin, 60, 6) == (50.0, 5.0)
    assert label_spot(thin, 60, 12) is None  # taller than the band


def test_every_committed_boundary_reads() -> None:
    data = json.loads(MAP.read_text(encoding="utf-8"))
    regions = data["country"]["regions"] + [r for p in data["provinces"].values() for r in p["regions"]]
    assert len(regions) == 31 + 429
    for region in regions:
        shape = outline(region["d"])
        assert shape is not None, region["code"]
        assert abs(signed_area(shape.largest)) > 0
