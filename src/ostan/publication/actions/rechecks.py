"""The supervisory board's random re-check (ostan.core.polling.audit).

The seed is the chain's head hash at the moment every station of the unit is on the board: nobody
could know it while minutes could still change, and anyone can read it off the chain and redo the
draw. The seed, the sample and every outcome are published as entries.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from ostan.auditlog.actions import action, record
from ostan.core.access import Actor, ensure
from ostan.core.polling.audit import compare_minutes, select_for_recheck
from ostan.core.polling.publication import minutes_from_json, seed_document
from ostan.elections.models import ElectionRound
from ostan.polling.minutes_records import station_minutes
from ostan.polling.models import Station, StationMinutes
from ostan.publication import board, documents
from ostan.publication.errors import AlreadyPublished, NotReady
from ostan.publication.events import PublicationEvent
from ostan.publication.models import Board, Recheck, RecheckOutcome, StationPublication
from ostan.publication.permissions import PUBLISH
from ostan.territory.models import Unit
from ostan.territory.scope import target_of

RECHECK_PURPOSE = "recheck"


def _unpublished(stations: list[Station]) -> list[str]:
    published = set(StationPublication.objects.filter(station__in=stations).values_list("station_id", flat=True))
    return [s.code for s in stations if s.pk not in published]


@action()
def draw_recheck(*, actor: Actor, election_round: ElectionRound, unit: Unit, size: int) -> Recheck:
    """Fix the seed (the head hash now), publish it, draw ``size`` stations of ``unit`` and publish the sample."""
    ensure(actor, PUBLISH, target_of(unit))
    if size < 1:
        raise NotReady("اندازهٔ نمونه باید دست‌کم یک باشد.", code="invalid_sample_size")
    stations = list(Station.objects.filter(election_round=election_round, unit__path__startswith=unit.path))
    with transaction.atomic(durable=True):
        missing = _unpublished(stations)
        if not stations or missing:
            raise NotReady("پیش از قرعه، صورتجلسهٔ همهٔ شعبه‌ها باید منتشر شده باشد.", code="stations_missing",
                           details={"stations": missing[:50]})  # fmt: skip
        Board.objects.get_or_create(pk=board.BOARD_PK)
        seed = Board.objects.select_for_update().get(pk=board.BOARD_PK).head_hash
        seed_entry = board.append("seed", seed_document(RECHECK_PURPOSE, seed), subject=unit.path)
        codes = sorted(s.code for s in stations)
        sample = list(select_for_recheck(codes, seed, size))
        # The stations drawn from are published too, so anyone can redo the draw from the chain alone.
        sample_doc = {"format": documents.RECHECK_SAMPLE_FORMAT, "unit": unit.path, "seed": seed, "size": size,
                      "drawn_from": codes, "stations": sample}  # fmt: skip
        recheck = Recheck.objects.create(
            unit=unit, election_round=election_round, seed=seed, size=size, sample=sample,
            seed_entry=seed_entry, sample_entry=board.append("notice", sample_doc, subject=unit.path),
            drawn_at=timezone.now(),
        )  # fmt: skip
        record(actor=actor, event=PublicationEvent.RECHECK_DRAWN, obj=recheck, unit=unit,
               after={"seed": seed, "size": size, "stations": sample})  # fmt: skip
    return recheck


@action()
def record_recheck(*, actor: Actor, recheck: Recheck, station: Station) -> RecheckOutcome:
    """Re-aggregate one sampled station from its stored ballots, compare with its minutes, publish the outcome."""
    ensure(actor, PUBLISH, target_of(station.unit))
    if station.code not in recheck.sample or station.election_round_id != recheck.election_round_id:
        raise NotReady("این شعبه در نمونهٔ بازشماری نیست.", code="not_in_sample")
    with transaction.atomic(durable=True):
        if RecheckOutcome.objects.filter(recheck=recheck, station=station).exists():
            raise AlreadyPublished("بازشماری این شعبه پیش‌تر ثبت شده است.")
        found = []
        for m in StationMinutes.objects.filter(station=station).order_by("constituency_id"):
            assert station.closed_at is not None
            again = station_minutes(station, m.constituency_id, station.closed_at)
            for d in compare_minutes(minutes_from_json(m.document), again):
                found.append({"constituency_id": again.constituency_id, "field": d.field,
                              "reported": d.reported, "rechecked": d.rechecked})  # fmt: skip
        document = {"format": documents.RECHECK_OUTCOME_FORMAT, "seed": recheck.seed, "station_code": station.code,
                    "discrepancies": found}  # fmt: skip
        outcome = RecheckOutcome.objects.create(
            recheck=recheck, station=station, discrepancies=found,
            entry=board.append("notice", document, subject=station.code), checked_at=timezone.now(),
        )  # fmt: skip
        record(actor=actor, event=PublicationEvent.RECHECK_RECORDED, obj=outcome, unit=station.unit,
               after={"station": station.code, "discrepancies": len(found)})  # fmt: skip
    return outcome
