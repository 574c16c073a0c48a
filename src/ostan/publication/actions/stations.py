"""Publishing a closed station: its signed minutes and its anonymous ballots, in publication order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from ostan.auditlog.actions import record
from ostan.core.polling.canonical import canonical_json
from ostan.elections.officials import ensure_election_official
from ostan.polling.models import Station, StationMinutes, StationStatus
from ostan.publication import board, documents
from ostan.publication.errors import AlreadyPublished, NotReady
from ostan.publication.models import BulletinEntry, StationPublication

if TYPE_CHECKING:
    from ostan.accounts.models import User


def _constituency_on_chain(core_id: str, document: dict[str, object]) -> bool:
    latest = BulletinEntry.objects.filter(kind="constituency", subject=core_id).order_by("-seq").first()
    return latest is not None and latest.payload_bytes == canonical_json(document)


def publish_constituency(constituency_pk: int) -> BulletinEntry | None:
    """Append the constituency file unless the chain's latest one for it is the same (inside a transaction)."""
    core = documents.core_constituency(constituency_pk)
    document = documents.constituency_document(core)
    if _constituency_on_chain(core.id, document):
        return None
    return board.append("constituency", document, subject=core.id)


def publish_station(*, actor: User | None, station: Station) -> list[StationPublication]:
    """Put a closed station's signed minutes and ballots on the board, one pair per constituency it serves."""
    ensure_election_official(actor, station.unit)
    with transaction.atomic(durable=True):
        station = Station.objects.select_for_update().select_related("unit").get(pk=station.pk)
        if station.status != StationStatus.CLOSED:
            raise NotReady("شعبه هنوز بسته نشده است؛ صورتجلسه‌ای برای انتشار نیست.", code="station_open")
        if StationPublication.objects.filter(station=station).exists():
            raise AlreadyPublished("صورتجلسه و برگه‌های این شعبه پیش‌تر منتشر شده است.")
        all_minutes = list(StationMinutes.objects.filter(station=station).order_by("constituency_id"))
        if not all_minutes or not all(m.is_signed for m in all_minutes):
            raise NotReady("صورتجلسهٔ شعبه هنوز با کلید دستگاه امضا نشده است.", code="minutes_unsigned")
        published = [_publish_pair(station, m) for m in all_minutes]
        record(
            actor=actor, event="publication.station_published", obj=station, unit=station.unit,
            after={"entries": [[p.minutes_entry_id, p.ballots_entry_id] for p in published]},
        )  # fmt: skip
    return published


def _publish_pair(station: Station, minutes: StationMinutes) -> StationPublication:
    publish_constituency(minutes.constituency_id)
    core_id = documents.core_constituency(minutes.constituency_id).id
    minutes_entry = board.append("minutes", documents.signed_minutes_document(minutes), subject=station.code)
    ballots_doc = documents.station_ballots_document(station, minutes.constituency_id, core_id)
    ballots_entry = board.append("ballots", ballots_doc, subject=station.code)
    return StationPublication.objects.create(
        station=station,
        constituency_id=minutes.constituency_id,
        minutes_entry=minutes_entry,
        ballots_entry=ballots_entry,
        checked_in=int(minutes.document["checked_in"]),
        ballots_cast=int(minutes.document["ballots_cast"]),
        published_at=timezone.now(),
    )
