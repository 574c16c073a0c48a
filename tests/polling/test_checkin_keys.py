"""The database keeps a check-in and its token to their own station: the constituency is one the
station serves and the round is the station's (migration 0008), whatever code writes the rows."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, connection, transaction

from ostan.elections import actions as elections
from ostan.elections.models import ConstituencyKind
from ostan.polling.models import CheckIn, VotingToken
from tests.actors import SYSTEM
from tests.polling.world import PollingWorld


def _stray_constituency(pw: PollingWorld) -> int:
    other = elections.create_constituency(actor=SYSTEM, election_round=pw.election_round, unit=pw.world.city_b,
                                          kind=ConstituencyKind.CITY_COUNCIL, population=12_000,
                                          population_source="census 1395")  # fmt: skip
    return other.pk


def _check_in(pw: PollingWorld, **fields: object) -> None:
    row = {"election_round_id": pw.election_round.pk, "national_code": pw.voters[0], "station": pw.stations[0],
           "constituency_id": pw.city.pk, "request_id": "r1", "checked_in_at": dt.datetime.now(dt.UTC)}  # fmt: skip
    with transaction.atomic():
        CheckIn.objects.create(**{**row, **fields})
        connection.check_constraints()  # the keys are checked at commit


def test_a_check_in_must_be_for_a_constituency_and_round_of_its_station(pw: PollingWorld) -> None:
    with pytest.raises(IntegrityError):
        _check_in(pw, constituency_id=_stray_constituency(pw))
    other_round = elections.create_round(actor=SYSTEM, number=8, name="دوره هشتم", election_date=dt.date(2030, 5, 1))
    with pytest.raises(IntegrityError):
        _check_in(pw, election_round_id=other_round.pk)
    _check_in(pw)
    assert CheckIn.objects.count() == 1


def test_a_token_must_be_for_a_constituency_its_station_serves(pw: PollingWorld) -> None:
    stray = _stray_constituency(pw)
    with pytest.raises(IntegrityError), transaction.atomic():  # noqa: PT012 - the key is checked at commit
        VotingToken.objects.create(token_hash="a" * 64, station=pw.stations[0], constituency_id=stray)
        connection.check_constraints()
    with transaction.atomic():
        VotingToken.objects.create(token_hash="b" * 64, station=pw.stations[0], constituency_id=pw.city.pk)
        connection.check_constraints()
    assert VotingToken.objects.count() == 1
