from __future__ import annotations

import pytest
from pytest_django.fixtures import Settings

from ostan.accounts.models import User
from ostan.core.access import Role
from ostan.elections import actions
from ostan.elections.models import Constituency, ConstituencyKind, ElectionRound
from tests.actors import as_actor
from tests.elections.world import CITY_CANDIDATES, World, candidates_csv, make_official, make_world

# Ballots for the 7-seat city: 101:21, 102:18, 103:15, 104:12, 105:9, 106:6, 107:4, 110:3, 109:2, 108:1
# votes, and one blank ballot (the empty line): 26 ballots.
CITY_BALLOT_LINES = [",".join(str(code) for code in range(101, 101 + k)) for k in range(1, 8) for _ in range(3)]
CITY_BALLOTS = ("\n".join([*CITY_BALLOT_LINES, "107", "108,109,110", "109,110", "110", ""]) + "\n").encode()
CITY_MEMBERS = ["101", "102", "103", "104", "105", "106", "107"]


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Settings) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def world(db: None) -> World:
    return make_world()


@pytest.fixture
def national(world: World) -> User:
    return make_official("hq", Role.COUNTRY_ELECTION_OFFICIAL, world.country)


@pytest.fixture
def official_a(world: World) -> User:
    return make_official("county_a", Role.COUNTY_ELECTION_OFFICIAL, world.county_a)


@pytest.fixture
def official_b(world: World) -> User:
    return make_official("county_b", Role.COUNTY_ELECTION_OFFICIAL, world.county_b)


@pytest.fixture
def election_round(national: User) -> ElectionRound:
    return actions.create_round(actor=as_actor(national), number=7, name="دوره هفتم")


@pytest.fixture
def city(election_round: ElectionRound, official_a: User, world: World) -> Constituency:
    return actions.create_constituency(
        actor=as_actor(official_a), election_round=election_round, unit=world.city_a, kind=ConstituencyKind.CITY_COUNCIL
    )


@pytest.fixture
def city_with_candidates(city: Constituency, official_a: User) -> Constituency:
    actions.import_candidates(
        actor=as_actor(official_a), constituency=city, file_name="c.csv", data=candidates_csv(CITY_CANDIDATES)
    )
    return city


@pytest.fixture
def counted_city(city_with_candidates: Constituency, official_a: User) -> Constituency:
    actions.import_ballots(
        actor=as_actor(official_a),
        constituency=city_with_candidates,
        file_name="b.csv",
        data=CITY_BALLOTS,
        source="machine",
    )
    actions.count_constituency(actor=as_actor(official_a), constituency=city_with_candidates)
    city_with_candidates.refresh_from_db()
    return city_with_candidates


@pytest.fixture
def published_city(counted_city: Constituency, official_a: User) -> Constituency:
    return actions.publish_results(actor=as_actor(official_a), constituency=counted_city)
