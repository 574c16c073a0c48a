"""How the board anchors stations: each station's ``ostan.station/1`` document from its rows, and the
late anchors a station whose devices changed after its round's opening publishes with its minutes."""

from __future__ import annotations

from collections.abc import Sequence

from ostan.core.polling import anchors as core
from ostan.core.polling.canonical import canonical_json
from ostan.elections.files import constituency_id
from ostan.polling.models import Device, Station
from ostan.publication import board
from ostan.publication.models import BulletinEntry, ElectionManifest


def station_anchors(stations: Sequence[Station]) -> list[core.StationAnchor]:
    """Each station as the board anchors it: its unit's code, its constituencies' published ids and its
    active devices' keys (two queries for the devices and the constituencies, whatever the count)."""
    pks = [s.pk for s in stations]
    devices: dict[int, list[core.AnchoredDevice]] = {pk: [] for pk in pks}
    rows = Device.objects.filter(station_id__in=pks, is_active=True).order_by("device_id")
    for station_pk, device_id, kind, key in rows.values_list("station_id", "device_id", "kind", "public_key"):
        devices[station_pk].append(core.AnchoredDevice(device_id, kind, key))
    served: dict[int, list[str]] = {pk: [] for pk in pks}
    through = Station.constituencies.through.objects.filter(station_id__in=pks).select_related(
        "constituency__election_round"
    )
    for link in through:
        served[link.station_id].append(constituency_id(link.constituency))
    return [
        core.StationAnchor(s.code, s.unit.code, tuple(sorted(served[s.pk])), tuple(devices[s.pk])) for s in stations
    ]


def late_anchors(stations: Sequence[Station]) -> list[board.Pending]:
    """``station`` entries for stations of opened rounds whose anchored devices differ from their
    devices now (a device registered or replaced after the opening): the board shows the change, and
    ``ostan verify`` flags it. Stations of rounds never opened need none."""
    opened = set(
        ElectionManifest.objects.filter(election_round__in={s.election_round_id for s in stations}).values_list(
            "election_round_id", flat=True
        )
    )
    candidates = [s for s in stations if s.election_round_id in opened]
    if not candidates:
        return []
    latest: dict[str, bytes] = {}
    on_board = BulletinEntry.objects.filter(kind=core.STATION_KIND, subject__in=[s.code for s in candidates])
    for subject, payload in on_board.order_by("seq").values_list("subject", "payload"):
        latest[subject] = payload.encode("utf-8")
    pending = []
    for anchor in station_anchors(candidates):
        document = canonical_json(core.station_document(anchor))
        if latest.get(anchor.code) != document:
            pending.append(board.Pending(core.STATION_KIND, document, anchor.code))
    return pending
