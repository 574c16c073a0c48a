"""What check-in needs about a station besides the database's answer, cached per process: its unit,
the constituencies it serves and the round's election date (none of which changes once the station
exists; see :mod:`ostan.polling.process_cache`). Opening and closing are never cached."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ostan.polling.models import Station
from ostan.polling.process_cache import ProcessCache
from ostan.territory.models import Unit

CACHE_SECONDS = 600.0


@dataclass(frozen=True)
class StationInfo:
    pk: int
    code: str
    unit: Unit
    constituency_pks: tuple[int, ...]
    election_date: dt.date | None


_cache: ProcessCache[int, StationInfo] = ProcessCache(CACHE_SECONDS)


def station_info(pk: int) -> StationInfo:
    hit = _cache.get(pk)
    if hit is not None:
        return hit
    s = Station.objects.select_related("unit", "election_round").get(pk=pk)
    pks = tuple(s.constituencies.order_by("pk").values_list("pk", flat=True))
    found = StationInfo(s.pk, s.code, s.unit, pks, s.election_round.election_date)
    return _cache.put(pk, found)


def forget(pk: int) -> None:
    _cache.forget(pk)
