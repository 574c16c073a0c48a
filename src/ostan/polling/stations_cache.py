"""What check-in needs about a station besides the database's answer, cached per process: its unit,
the constituencies it serves and the round's election date. Opening and closing are never cached."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass

from ostan.polling.models import Station
from ostan.territory.models import Unit

CACHE_SECONDS = 30.0


@dataclass(frozen=True)
class StationInfo:
    pk: int
    code: str
    unit: Unit
    constituency_pks: tuple[int, ...]
    election_date: dt.date | None


_cache: dict[int, tuple[float, StationInfo]] = {}


def station_info(pk: int) -> StationInfo:
    hit = _cache.get(pk)
    now = time.monotonic()
    if hit is not None and now - hit[0] < CACHE_SECONDS:
        return hit[1]
    s = Station.objects.select_related("unit", "election_round").get(pk=pk)
    pks = tuple(s.constituencies.order_by("pk").values_list("pk", flat=True))
    found = StationInfo(s.pk, s.code, s.unit, pks, s.election_round.election_date)
    _cache[pk] = (now, found)
    return found


def forget(pk: int) -> None:
    _cache.pop(pk, None)
