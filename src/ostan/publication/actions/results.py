"""A constituency's result: the stations' minutes added up by the aggregation core and counted, checked
against a full recount of every ballot, stored, then published on the board, and recorded in the
elections app as the constituency's published count (its results page then shows the same result)."""

from __future__ import annotations

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from ostan.auditlog.actions import action, record
from ostan.core import counting
from ostan.core.access import Actor, ensure
from ostan.core.polling import aggregate as core_aggregate
from ostan.core.polling.canonical import canonical_json
from ostan.core.polling.publication import minutes_from_json
from ostan.elections import actions as elections
from ostan.elections.files import HashedBallots
from ostan.elections.models import Constituency
from ostan.polling.models import CastBallot, Station, StationMinutes
from ostan.publication import board, documents
from ostan.publication.constituency_files import constituency_pending
from ostan.publication.errors import AlreadyPublished, NotReady, RecountMismatch
from ostan.publication.events import PublicationEvent
from ostan.publication.models import BulletinEntry, ConstituencyResult, StationPublication
from ostan.publication.permissions import PUBLISH
from ostan.territory.scope import target_of


def _stations(constituency: Constituency) -> list[Station]:
    return list(Station.objects.filter(constituencies=constituency).select_related("unit").order_by("code"))


def _minutes_count(constituency: Constituency, core: counting.Constituency) -> tuple[counting.CountResult, int]:
    """The result from the stations' minutes (summed by the aggregation core), once every station is published."""
    stations = _stations(constituency)
    published = set(StationPublication.objects.filter(constituency=constituency).values_list("station_id", flat=True))
    missing = [s.code for s in stations if s.pk not in published]
    if not stations or missing:
        raise NotReady("همهٔ شعبه‌های حوزه هنوز منتشر نشده‌اند.", code="stations_missing", details={"stations": missing})
    rows = StationMinutes.objects.filter(constituency=constituency, station__in=stations)
    summed = core_aggregate.aggregate(
        stations=[core_aggregate.Station(s.code, s.unit.path, core.id) for s in stations],
        minutes=[minutes_from_json(m.document) for m in rows],
    )
    return counting.count_tally(core, summed.tallies[core.id]), len(stations)


def _count(constituency: Constituency, core: counting.Constituency) -> tuple[counting.CountResult, int, str]:
    """The minutes' result, after a recount of every ballot agrees; with the stations and the ballots' hash.

    The recount reads the ballots in id order (the publication order) and hashes them on the way as the
    elections app's ballots file, the input the elections results page shows beside the result."""
    result, stations = _minutes_count(constituency, core)
    codes = CastBallot.objects.filter(constituency=constituency).order_by("ballot_id").values_list("codes", flat=True)
    ballots = HashedBallots(codes.iterator(chunk_size=documents.BALLOT_CHUNK))
    recount = counting.count(core, ballots)
    if canonical_json(recount.to_json()) != canonical_json(result.to_json()):
        raise RecountMismatch("جمع صورتجلسه‌های شعبه‌ها با بازشماری همهٔ برگه‌ها برابر نیست؛ نتیجه ثبت نشد.")
    return result, stations, ballots.sha256


@action()
def aggregate_constituency(*, actor: Actor, constituency: Constituency) -> ConstituencyResult:
    """Count the constituency from its published stations (recount-checked) and store the result."""
    ensure(actor, PUBLISH, target_of(constituency.unit))
    with transaction.atomic(durable=True):
        constituency = Constituency.objects.select_for_update().select_related("unit").get(pk=constituency.pk)
        existing = ConstituencyResult.objects.filter(constituency=constituency).first()
        if existing is not None and existing.is_published:
            raise AlreadyPublished("نتیجهٔ این حوزه پیش‌تر منتشر شده است.")
        core = documents.core_constituency(constituency.pk)
        result, stations, ballots_sha256 = _count(constituency, core)
        ballots = result.ballots.total
        stored, _ = ConstituencyResult.objects.update_or_create(
            constituency=constituency,
            defaults={"result": result.to_json(), "stations": stations, "ballots": ballots,
                      "ballots_sha256": ballots_sha256, "aggregated_at": timezone.now(),
                      "aggregated_by_id": actor.person_id},
        )  # fmt: skip
        record(
            actor=actor, event=PublicationEvent.CONSTITUENCY_AGGREGATED, obj=stored, unit=constituency.unit,
            after={"stations": stations, "ballots": ballots, "members": list(result.members)},
        )  # fmt: skip
    return stored


@action()
def publish_result(*, actor: Actor, constituency: Constituency) -> ConstituencyResult:
    """Put the stored result (and the constituency file it was counted with) on the board, and record it in
    the elections app as the constituency's published count, in the same transaction: if the elections
    app refuses it (results already published from another count, say), nothing is published."""
    ensure(actor, PUBLISH, target_of(constituency.unit))
    with transaction.atomic(durable=True):
        constituency = Constituency.objects.select_for_update().select_related("unit").get(pk=constituency.pk)
        stored = ConstituencyResult.objects.select_for_update().filter(constituency=constituency).first()
        if stored is None:
            raise NotReady("پیش از انتشار، نتیجهٔ حوزه باید تجمیع شود.", code="not_aggregated")
        if stored.is_published:
            raise AlreadyPublished("نتیجهٔ این حوزه پیش‌تر منتشر شده است.")
        core = documents.core_constituency(constituency.pk)
        result = _stored_result(constituency, core, stored)
        pending = constituency_pending(core)  # the file the result was counted with, unless already the latest
        rows = board.append_many([*pending, board.Pending("result", stored.result, core.id)])
        latest = BulletinEntry.objects.filter(kind="constituency", subject=core.id)
        stored.constituency_entry = rows[0] if pending else latest.latest("seq")
        stored.result_entry = rows[-1]
        stored.save(update_fields=["constituency_entry", "result_entry"])
        elections.record_external_count(
            actor=actor, constituency=constituency, result=result, ballots_sha256=stored.ballots_sha256,
            ballots_url=reverse("publication:ballots", args=[constituency.pk]),
            bulletin_entry_hash=stored.result_entry.entry_hash,
        )  # fmt: skip
        record(
            actor=actor, event=PublicationEvent.RESULT_PUBLISHED, obj=stored, unit=constituency.unit,
            after={"entry": stored.result_entry.seq, "entry_hash": stored.result_entry.entry_hash},
        )  # fmt: skip
    return stored


def _stored_result(
    constituency: Constituency, core: counting.Constituency, stored: ConstituencyResult
) -> counting.CountResult:
    """The stored result as the counting core's value, counted again from the published minutes: it must
    be the very result stored, under the constituency as it stands now (else: aggregate again)."""
    if core.lot_seed != stored.result.get("lot_seed", core.lot_seed):
        raise NotReady("بذر قرعه پس از تجمیع تغییر کرده است؛ دوباره تجمیع کنید.", code="stale_result")
    if not stored.ballots_sha256:
        raise NotReady("چکیدهٔ برگه‌های این نتیجه ثبت نشده است؛ دوباره تجمیع کنید.", code="stale_result")
    result, _ = _minutes_count(constituency, core)
    if canonical_json(result.to_json()) != canonical_json(stored.result):
        raise NotReady("مشخصات حوزه پس از تجمیع تغییر کرده است؛ دوباره تجمیع کنید.", code="stale_result")
    return result
