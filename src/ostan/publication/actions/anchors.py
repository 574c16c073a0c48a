"""Opening a round: its constituency files, every station and device key on the board, then the opening
entry and the signed election manifest, before the polls open (docs/verification.md, step 3).

After the opening, a station or device that first appears on the board is *late*: publishing a
station whose devices were registered after the opening appends a ``station`` entry for it (so the
board never hides it), and ``ostan verify`` flags it and refuses minutes signed by its new keys.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone

from ostan.auditlog.actions import action, record
from ostan.core.access import Actor, ensure
from ostan.core.polling import anchors as core
from ostan.core.polling.canonical import canonical_json
from ostan.core.polling.devices import format_timestamp
from ostan.elections.files import constituency_id
from ostan.elections.models import Constituency, ElectionRound
from ostan.polling.models import Device, Station
from ostan.publication import board, documents
from ostan.publication.errors import AlreadyOpened, NotReady
from ostan.publication.events import PublicationEvent
from ostan.publication.models import BulletinEntry, ElectionManifest
from ostan.publication.permissions import OPEN_ROUND
from ostan.publication.tree import log_id
from ostan.territory.scope import target_of


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


@action()
def open_round(*, actor: Actor, election_round: ElectionRound) -> ElectionManifest:
    """Anchor the round's constituencies, stations and device keys, append the opening entry, and sign
    and publish the manifest naming the opening head. Once per round; a round with no station refuses."""
    stations = list(Station.objects.filter(election_round=election_round).select_related("unit").order_by("code"))
    if not stations:
        raise NotReady("این دوره هنوز شعبه‌ای ندارد؛ چیزی برای ثبت پیش از گشایش نیست.", code="no_stations")
    for station in stations:
        ensure(actor, OPEN_ROUND, target_of(station.unit))
    with transaction.atomic(durable=True):
        ElectionRound.objects.select_for_update().get(pk=election_round.pk)
        if ElectionManifest.objects.filter(election_round=election_round).exists():
            raise AlreadyOpened("شعبه‌ها و کلیدهای این دوره پیش‌تر ثبت و بیانیه‌اش صادر شده است.")
        constituencies = list(Constituency.objects.filter(election_round=election_round).order_by("pk"))
        pending = []
        for c in constituencies:
            doc = canonical_json(documents.constituency_document(documents.core_constituency(c.pk)))
            pending.append(board.Pending("constituency", doc, constituency_id(c)))
        anchors = station_anchors(stations)
        pending += [board.Pending(core.STATION_KIND, core.station_document(a), a.code) for a in anchors]
        opening = core.opening_document(round_number=election_round.number, station_codes=[s.code for s in stations])
        pending.append(board.Pending(core.OPENING_KIND, opening, f"round{election_round.number}"))
        rows = board.append_many(pending)
        manifest = _manifest(election_round, anchors, rows)
        entry = board.append(core.MANIFEST_KIND, manifest, subject=f"round{election_round.number}")
        stored = ElectionManifest.objects.create(
            election_round=election_round, document=manifest, opening_entry=rows[-1], created_at=timezone.now()
        )
        record(
            actor=actor, event=PublicationEvent.ROUND_OPENED, obj=election_round,
            after={"stations": len(anchors), "opening_seq": rows[-1].seq, "opening_head": rows[-1].entry_hash,
                   "manifest_seq": entry.seq},
        )  # fmt: skip
    return stored


def _manifest(
    election_round: ElectionRound, anchors: Sequence[core.StationAnchor], rows: Sequence[BulletinEntry]
) -> dict[str, object]:
    opening = board.core_entry(rows[-1])
    hashes = {r.subject: hashlib.sha256(r.payload_bytes).hexdigest() for r in rows if r.kind == "constituency"}
    document = core.manifest_document(
        board_public_key=board.public_key(), log_id=log_id(), round_number=election_round.number,
        stations=anchors, constituencies=hashes, opening=opening, issued_at=format_timestamp(timezone.now()),
    )  # fmt: skip
    return core.sign_manifest(document, board.private_key())


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
