"""What check-in needs about a station besides the database's answer, cached per process: its unit,
the constituencies it serves and the round's election date (none of which changes once the station
exists; see :mod:`ostan.polling.edge.caches`). Opening and closing are never cached."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import connection

from ostan.core.polling.schedule import Schedule
from ostan.polling.edge.caches import ProcessCache

CACHE_SECONDS = 600.0

# Plain SQL, one statement: every station is read at the morning's opening, and the ORM's three
# queries took ten times as long. The constituency ids come as text ("7,3", sorted here), which both
# PostgreSQL and SQLite can aggregate.
STATION_SQL = """
SELECT s.code, u.id, u.path, r.election_date,
       (SELECT {ids} FROM polling_station_constituencies sc WHERE sc.station_id = s.id)
FROM polling_station s
JOIN territory_unit u ON u.id = s.unit_id
JOIN elections_electionround r ON r.id = s.election_round_id
WHERE s.id = %s
"""
IDS = {"postgresql": "string_agg(sc.constituency_id::text, ',')", "sqlite": "group_concat(sc.constituency_id, ',')"}


@dataclass(frozen=True)
class StationInfo:
    pk: int
    code: str
    unit_pk: int
    unit_path: str
    constituency_pks: tuple[int, ...]
    election_date: dt.date | None


_cache: ProcessCache[int, StationInfo] = ProcessCache(CACHE_SECONDS)


def station_info(pk: int) -> StationInfo:
    hit = _cache.get(pk)
    if hit is not None:
        return hit
    with connection.cursor() as cursor:
        cursor.execute(STATION_SQL.format(ids=IDS[connection.vendor]), [pk])
        row = cursor.fetchone()
    if row is None:
        raise LookupError(f"no station {pk}")
    code, unit_pk, unit_path, election_date, ids = row
    if isinstance(election_date, str):
        election_date = dt.date.fromisoformat(election_date)
    pks = tuple(sorted(int(i) for i in ids.split(","))) if ids else ()
    return _cache.put(pk, StationInfo(pk, code, unit_pk, unit_path, pks, election_date))


def forget(pk: int) -> None:
    _cache.forget(pk)


# The round's polling hours may be extended on the day: kept far shorter than a station's facts.
SCHEDULE_SECONDS = 30.0
_schedules: ProcessCache[int, Schedule] = ProcessCache(SCHEDULE_SECONDS)
SCHEDULE_SQL = "SELECT polls_open_at, polls_close_at FROM elections_electionround WHERE id = %s"


def _moment(value: object) -> dt.datetime | None:
    if value is None:
        return None
    moment = dt.datetime.fromisoformat(value) if isinstance(value, str) else value
    assert isinstance(moment, dt.datetime)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def round_schedule(round_pk: int) -> Schedule:
    """The round's polling hours, read at most every SCHEDULE_SECONDS per process."""
    hit = _schedules.get(round_pk)
    if hit is not None:
        return hit
    with connection.cursor() as cursor:
        cursor.execute(SCHEDULE_SQL, [round_pk])
        row = cursor.fetchone()
    opens, closes = (None, None) if row is None else (_moment(row[0]), _moment(row[1]))
    return _schedules.put(round_pk, Schedule(opens, closes))


def forget_schedules() -> None:
    _schedules.clear()
