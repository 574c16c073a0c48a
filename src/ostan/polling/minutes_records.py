"""A station's minutes as the core builds them from what is stored, and the exact bytes a device signs:
reads that closing, re-checks and the station page share."""

from __future__ import annotations

import datetime as dt

from ostan.core.polling.canonical import canonical_json
from ostan.core.polling.minutes import Minutes, build_minutes, form_for
from ostan.polling.constituencies import info as constituency_info
from ostan.polling.models import CastBallot, CheckIn, Station, StationMinutes


def station_minutes(station: Station, constituency_pk: int, closed_at: dt.datetime) -> Minutes:
    """The minutes of ``station`` for one constituency, from what is stored now (read-only)."""
    c = constituency_info(constituency_pk)
    ballots = CastBallot.objects.filter(station=station, constituency_id=constituency_pk).values_list(
        "codes", flat=True
    )
    return build_minutes(
        constituency=c.core, station_code=station.code, form=form_for(c.settlement),
        checked_in=CheckIn.objects.filter(station=station, constituency_id=constituency_pk).count(),
        ballots=(codes.split() for codes in ballots.iterator(chunk_size=5_000)),
        opened_at=(station.opened_at or closed_at).replace(microsecond=0), closed_at=closed_at,
    )  # fmt: skip


def minutes_bytes(minutes: StationMinutes) -> bytes:
    """The exact bytes a device signs: canonical JSON of the stored ``ostan.minutes/1`` document."""
    return canonical_json(minutes.document)
