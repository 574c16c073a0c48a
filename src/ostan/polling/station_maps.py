"""The voter's map: a constituency's stations as points on their county's outline, drawn by the
project's chart layer (``ostan.core.charts.LocatorMap``) from the committed 1395 boundaries: no tiles,
no script, nothing fetched. Stations without coordinates are only listed, never guessed."""

from __future__ import annotations

from collections.abc import Sequence

from ostan.core.charts import LocatorMap, MapPoint, MapRegion, project, view_box_around
from ostan.core.text import to_persian_digits
from ostan.polling.voter_guide import GuideStation
from ostan.territory.maps import county_outline


def station_map(stations: Sequence[GuideStation]) -> LocatorMap | None:
    """The placed stations of the first placed station's county on its outline; None when none is placed."""
    placed = [s for s in stations if s.latitude is not None and s.longitude is not None]
    county = county_outline(placed[0].unit_path) if placed else None
    if county is None:
        return None
    points = []
    for s in placed:
        here = county_outline(s.unit_path)
        if here is None or here.code != county.code:
            continue
        x, y = project(float(s.longitude or 0), float(s.latitude or 0))
        points.append(MapPoint(s.code, f"شعبهٔ {to_persian_digits(s.code)}", x, y, note=s.address))
    box = view_box_around(county.d, *((p.x, p.y) for p in points))
    if box is None:
        return None
    return LocatorMap(
        title=f"شعبه‌ها بر نقشهٔ شهرستان {county.name}",
        view_box=box,
        regions=(MapRegion(county.code, county.name, county.d, None),),
        points=tuple(points),
        point_noun="شعبهٔ اخذ رأی",
    )
