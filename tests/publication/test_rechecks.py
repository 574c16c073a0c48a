"""The supervisory re-check: the seed is the head when every station is published, the sample is
reproducible from the published seed, and outcomes are published."""

from __future__ import annotations

import json

import pytest

from ostan.core.polling.audit import select_for_recheck
from ostan.polling.models import Station
from ostan.publication import actions
from ostan.publication.errors import NotReady
from ostan.publication.models import BulletinEntry
from tests.actors import as_actor
from tests.publication.world import publish_all, run_election_day

pytestmark = pytest.mark.django_db


def test_the_sample_is_drawn_from_the_published_seed_and_outcomes_are_published() -> None:
    pw, _ = run_election_day(stations=4, voters=16)
    publish_all(pw)
    head = BulletinEntry.objects.latest("seq").entry_hash
    recheck = actions.draw_recheck(
        actor=as_actor(pw.official), election_round=pw.election_round, unit=pw.world.county_a, size=2
    )
    assert recheck.seed == head
    assert recheck.seed_entry.prev_hash == head
    assert json.loads(recheck.seed_entry.payload)["seed"] == head
    codes = [s.code for s in pw.stations]
    assert recheck.sample == list(select_for_recheck(codes, head, 2))
    sample_doc = json.loads(recheck.sample_entry.payload)
    assert sample_doc["stations"] == recheck.sample
    assert sample_doc["drawn_from"] == sorted(codes)

    station = Station.objects.get(code=recheck.sample[0], election_round=pw.election_round)
    outcome = actions.record_recheck(actor=as_actor(pw.official), recheck=recheck, station=station)
    assert outcome.is_agreed
    assert json.loads(outcome.entry.payload)["discrepancies"] == []

    outside = next(s for s in pw.stations if s.code not in recheck.sample)
    with pytest.raises(NotReady):
        actions.record_recheck(actor=as_actor(pw.official), recheck=recheck, station=outside)


def test_no_draw_before_every_station_is_published() -> None:
    pw, _ = run_election_day(stations=2, voters=4)
    actions.publish_station(actor=as_actor(pw.official), station=Station.objects.get(pk=pw.stations[0].pk))
    with pytest.raises(NotReady) as refused:
        actions.draw_recheck(
            actor=as_actor(pw.official), election_round=pw.election_round, unit=pw.world.county_a, size=1
        )
    assert refused.value.code == "stations_missing"
