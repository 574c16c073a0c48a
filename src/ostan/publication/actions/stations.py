"""Publishing closed stations: their signed minutes and their anonymous ballots, in publication order.

One station or many at once: the entries are the same either way, appended under one head lock with
one INSERT (``board.append_many``), so a province's stations can go on the board in a few batches.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from ostan.auditlog.actions import action, record
from ostan.core.access import Actor, ensure
from ostan.core.counting import Constituency
from ostan.core.polling.canonical import canonical_json
from ostan.polling.models import MinutesConfirmation, Station, StationMinutes, StationStatus
from ostan.publication import board, documents
from ostan.publication.anchoring import late_anchors
from ostan.publication.errors import AlreadyPublished, NotReady
from ostan.publication.events import PublicationEvent
from ostan.publication.models import BulletinEntry, StationPublication
from ostan.publication.permissions import PUBLISH
from ostan.territory.models import Unit
from ostan.territory.scope import target_of


@action()
def publish_station(*, actor: Actor, station: Station, require_confirmed: bool = False) -> list[StationPublication]:
    """Put a closed station's signed minutes and ballots on the board, one pair per constituency it serves.

    ``require_confirmed`` (the officials' pages and API): each of the minutes must also have been
    confirmed by a member of the station; loaders and the simulation, acting as the system, publish
    signed minutes as they are."""
    ensure(actor, PUBLISH, target_of(station.unit))
    with transaction.atomic(durable=True):
        station = Station.objects.select_for_update().select_related("unit").get(pk=station.pk)
        published = _publish([station], require_confirmed=require_confirmed)
        record(
            actor=actor, event=PublicationEvent.STATION_PUBLISHED, obj=station, unit=station.unit,
            after={"entries": [[p.minutes_entry_id, p.ballots_entry_id] for p in published]},
        )  # fmt: skip
    return published


@action()
def publish_stations(*, actor: Actor, stations: Sequence[Station]) -> list[StationPublication]:
    """Publish several closed stations in one transaction, in the order given, with one audit entry.
    Every station must be ready: one that is not refuses the whole batch (nothing half-published)."""
    for station in stations:
        ensure(actor, PUBLISH, target_of(station.unit))
    with transaction.atomic(durable=True):
        locked = Station.objects.select_for_update().select_related("unit").filter(pk__in=[s.pk for s in stations])
        by_pk = {s.pk: s for s in locked.order_by("pk")}  # a fixed lock order: batches never deadlock
        ordered = [by_pk[s.pk] for s in stations]
        published = _publish(ordered)
        codes = {s.pk: s.code for s in ordered}
        entries: dict[str, list[list[int]]] = {}
        for p in published:
            entries.setdefault(codes[p.station_id], []).append([p.minutes_entry_id, p.ballots_entry_id])
        record(
            actor=actor, event=PublicationEvent.STATIONS_PUBLISHED, unit=_common_unit(ordered),
            object_type="polling.station", object_label=f"{len(ordered)} شعبه", after={"entries": entries},
        )  # fmt: skip
    return published


def _common_unit(stations: Sequence[Station]) -> Unit | None:
    """The deepest unit containing every station (None: no such unit, or no station)."""
    paths = [s.unit.path.split("/") for s in stations]
    if not paths:
        return None
    common = paths[0]
    for parts in paths[1:]:
        while parts[: len(common)] != common:
            common = common[:-1]
    if common == paths[0] and all(s.unit_id == stations[0].unit_id for s in stations):
        return stations[0].unit
    return Unit.objects.filter(path="/".join(common)).first() if common else None


@dataclass
class _Batch:
    """The entries to append, and which of them each publication will point to."""

    pending: list[board.Pending] = field(default_factory=list)
    pairs: list[tuple[Station, StationMinutes, int]] = field(default_factory=list)  # index of the minutes entry
    cores: dict[int, Constituency] = field(default_factory=dict)
    latest_constituency: dict[str, bytes] = field(default_factory=dict)  # on the chain or pending, by core id


def _ready_minutes(stations: Sequence[Station], *, require_confirmed: bool = False) -> dict[int, list[StationMinutes]]:
    """Each station's minutes; refuses (nothing written yet) unless every station is closed, unpublished, signed."""
    already = set(StationPublication.objects.filter(station__in=stations).values_list("station_id", flat=True))
    minutes: dict[int, list[StationMinutes]] = {s.pk: [] for s in stations}
    for m in StationMinutes.objects.filter(station__in=stations).order_by("station_id", "constituency_id"):
        minutes[m.station_id].append(m)
    for s in stations:
        if s.status != StationStatus.CLOSED:
            raise NotReady("شعبه هنوز بسته نشده است؛ صورتجلسه‌ای برای انتشار نیست.", code="station_open",
                           details={"station": s.code})  # fmt: skip
        if s.pk in already:
            raise AlreadyPublished("صورتجلسه و برگه‌های این شعبه پیش‌تر منتشر شده است.", details={"station": s.code})
        if not minutes[s.pk] or not all(m.is_signed for m in minutes[s.pk]):
            raise NotReady("صورتجلسهٔ شعبه هنوز با کلید دستگاه امضا نشده است.", code="minutes_unsigned",
                           details={"station": s.code})  # fmt: skip
    if require_confirmed:
        _ensure_confirmed(minutes)
    return minutes


def _ensure_confirmed(minutes: dict[int, list[StationMinutes]]) -> None:
    """Every one of the minutes confirmed by at least one of its station's members."""
    pks = [m.pk for ms in minutes.values() for m in ms]
    confirmed = set(
        MinutesConfirmation.objects.filter(
            minutes_id__in=pks, official__polling_stations=F("minutes__station")
        ).values_list("minutes_id", flat=True)
    )
    for ms in minutes.values():
        for m in ms:
            if m.pk not in confirmed:
                raise NotReady(
                    "صورتجلسهٔ شعبه هنوز به تأیید اعضای شعبه نرسیده است.", code="minutes_unconfirmed",
                    details={"minutes": m.pk},
                )  # fmt: skip


def _load_constituencies(batch: _Batch, constituency_pks: set[int]) -> None:
    for pk in sorted(constituency_pks):
        batch.cores[pk] = documents.core_constituency(pk)
    on_chain = BulletinEntry.objects.filter(kind="constituency", subject__in=[c.id for c in batch.cores.values()])
    for subject, payload in on_chain.order_by("seq").values_list("subject", "payload"):
        batch.latest_constituency[subject] = payload.encode("utf-8")


def _publish(stations: Sequence[Station], *, require_confirmed: bool = False) -> list[StationPublication]:
    """Append every station's pairs (the constituency file first when it changed) and record them."""
    minutes = _ready_minutes(stations, require_confirmed=require_confirmed)
    batch = _Batch()
    batch.pending += late_anchors(stations)  # devices registered after the opening: shown, and flagged
    _load_constituencies(batch, {m.constituency_id for ms in minutes.values() for m in ms})
    ballots = documents.station_ballot_rows(s.pk for s in stations)
    for station in stations:
        for m in minutes[station.pk]:
            core = batch.cores[m.constituency_id]
            document = canonical_json(documents.constituency_document(core))
            if batch.latest_constituency.get(core.id) != document:
                batch.pending.append(board.Pending("constituency", document, core.id))
                batch.latest_constituency[core.id] = document
            batch.pairs.append((station, m, len(batch.pending)))
            batch.pending.append(board.Pending("minutes", documents.signed_minutes_document(m), station.code))
            payload = documents.station_ballots_payload(
                station.code, core.id, ballots.get((station.pk, m.constituency_id), ())
            )
            batch.pending.append(board.Pending("ballots", payload, station.code))
    rows = board.append_many(batch.pending)
    now = timezone.now()
    return StationPublication.objects.bulk_create(
        StationPublication(station=station, constituency_id=m.constituency_id, minutes_entry=rows[i],
                           ballots_entry=rows[i + 1], checked_in=int(m.document["checked_in"]),
                           ballots_cast=int(m.document["ballots_cast"]), published_at=now)
        for station, m, i in batch.pairs
    )  # fmt: skip
