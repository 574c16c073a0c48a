"""Publishing stations, aggregating and publishing results, through the real actions."""

from __future__ import annotations

import pytest

from ostan.auditlog.models import Entry
from ostan.core import counting
from ostan.polling.models import CastBallot, Station
from ostan.publication import actions, board
from ostan.publication.documents import core_constituency
from ostan.publication.errors import AlreadyPublished, NotReady
from ostan.publication.models import BulletinEntry, StationPublication
from tests.actors import as_actor
from tests.publication.world import publish_all, run_election_day

pytestmark = pytest.mark.django_db


def test_a_station_is_published_with_its_minutes_and_ballots_in_one_audited_step() -> None:
    pw, _casts = run_election_day(stations=2, voters=10)
    before = Entry.objects.count()
    published = actions.publish_station(actor=as_actor(pw.official), station=Station.objects.get(pk=pw.stations[0].pk))
    assert Entry.objects.count() == before + 1
    assert Entry.objects.latest("id").event == "publication.station_published"
    (p,) = published
    assert p.ballots_cast == p.checked_in == 5
    kinds = list(BulletinEntry.objects.order_by("seq").values_list("kind", flat=True))
    anchored = ["constituency", "station", "station", "opening", "manifest"]  # the round's opening, before voting
    assert kinds == [*anchored, "minutes", "ballots"]  # the constituency file is on the board already
    with pytest.raises(AlreadyPublished):
        actions.publish_station(actor=as_actor(pw.official), station=Station.objects.get(pk=pw.stations[0].pk))


def test_an_open_station_cannot_be_published() -> None:
    from tests.polling.world import make_polling_world

    pw = make_polling_world(stations=1, voters=2)
    with pytest.raises(NotReady) as refused:
        actions.publish_station(actor=as_actor(pw.official), station=pw.stations[0])
    assert refused.value.code == "station_open"
    assert not BulletinEntry.objects.exists()


def test_the_result_is_the_sum_of_the_stations_and_equals_a_full_recount() -> None:
    pw, casts = run_election_day(stations=3, voters=30)
    stored, published = publish_all(pw)
    core = core_constituency(pw.city.pk)
    recount = counting.count(core, [c.codes for c in casts])
    assert stored.result == recount.to_json()
    assert stored.ballots == 30 == sum(p.ballots_cast for p in StationPublication.objects.all())
    assert stored.stations == 3
    assert published.result_entry is not None
    assert published.result_entry.kind == "result"
    assert published.result_entry.payload_bytes.startswith(b'{"alternates":')


def test_aggregation_waits_for_every_station() -> None:
    pw, _ = run_election_day(stations=2, voters=6)
    actions.publish_station(actor=as_actor(pw.official), station=Station.objects.get(pk=pw.stations[0].pk))
    with pytest.raises(NotReady) as refused:
        actions.aggregate_constituency(actor=as_actor(pw.official), constituency=pw.city)
    assert refused.value.code == "stations_missing"
    assert refused.value.details == {"stations": [pw.stations[1].code]}


def test_an_official_of_another_county_cannot_publish() -> None:
    from ostan.core.access import OutOfScope, Role
    from tests.elections.world import make_official

    pw, _ = run_election_day(stations=1, voters=3)
    outsider = make_official("county_b", Role.COUNTY_ELECTION_OFFICIAL, pw.world.county_b)
    before = BulletinEntry.objects.count()  # the round's opening
    with pytest.raises(OutOfScope):
        actions.publish_station(actor=as_actor(outsider), station=Station.objects.get(pk=pw.stations[0].pk))
    assert BulletinEntry.objects.count() == before


def test_the_chain_on_the_database_verifies_with_the_board_key() -> None:
    from ostan.core.polling.bulletin import verify_chain

    pw, _ = run_election_day(stations=2, voters=8)
    publish_all(pw)
    chain = [board.core_entry(row) for row in BulletinEntry.objects.order_by("seq")]
    assert verify_chain(chain, public_key=board.public_key()) == []
    assert CastBallot.objects.count() == 8
