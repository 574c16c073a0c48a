"""Opening a round: its constituency files, every station and device key on the board, then the opening
entry and the signed election manifest, before the polls open (docs/verification.md, step 3).

After the opening, a station or device that first appears on the board is *late*
(``anchoring.late_anchors``, appended when such a station is published): ``ostan verify`` flags it
and refuses minutes signed by its new keys.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone

from ostan.auditlog.actions import action, record
from ostan.core.access import Actor, ensure
from ostan.core.polling import anchors as core
from ostan.core.polling import devices
from ostan.core.polling.canonical import canonical_json
from ostan.elections import files
from ostan.elections.models import Constituency, ElectionRound
from ostan.polling.models import Station
from ostan.publication import board, documents, tree
from ostan.publication.anchoring import station_anchors
from ostan.publication.errors import AlreadyOpened, NotReady
from ostan.publication.events import PublicationEvent
from ostan.publication.models import BulletinEntry, ElectionManifest
from ostan.publication.permissions import OPEN_ROUND
from ostan.territory.scope import target_of


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
            pending.append(board.Pending("constituency", doc, files.constituency_id(c)))
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
        board_public_key=board.public_key(), log_id=tree.log_id(), round_number=election_round.number,
        stations=anchors, constituencies=hashes, opening=opening, issued_at=devices.format_timestamp(timezone.now()),
    )  # fmt: skip
    return core.sign_manifest(document, board.private_key())
