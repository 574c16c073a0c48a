"""Casting ballots: the token opens the right ballot, is spent once, invalid ballots never spend it,
retries and journal uploads store a ballot once."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, connection, transaction
from django.test import Client

from ostan.auditlog.models import Entry
from ostan.core.polling.ballots import receipt_code
from ostan.elections import actions as elections
from ostan.elections.models import ConstituencyKind
from ostan.polling.models import CastBallot, VotingToken
from ostan.polling.simulator import new_ballot_id, new_token
from tests.actors import SYSTEM
from tests.polling.world import BALLOT_PATH, CHECK_IN_PATH, PollingWorld, check_in_payload, post


def _token(pw: PollingWorld, voter: int, station: int = 0) -> str:
    token, hashed = new_token()
    assert post(Client(), pw.auth[station], CHECK_IN_PATH, check_in_payload(pw.voters[voter], hashed))[1]["is_accepted"]
    return token


def test_token_opens_the_voters_constituency_and_casts_once(pw: PollingWorld) -> None:
    client, token = Client(), _token(pw, 0)
    status, opened = post(client, pw.voting[0], "/api/polling/ballots/open", {"token": token})
    assert status == 200
    assert opened["constituency_id"] == pw.city.pk
    assert opened["seats"] == 7
    ballot_id = new_ballot_id()
    status, cast = post(
        client, pw.voting[0], BALLOT_PATH, {"ballot_id": ballot_id, "token": token, "codes": ["۱۰۱", "102"]}
    )
    assert status == 200
    assert cast["receipt_code"] == receipt_code(ballot_id)
    assert CastBallot.objects.get(ballot_id=ballot_id).codes == "101 102"
    status, again = post(client, pw.voting[0], BALLOT_PATH, {"ballot_id": new_ballot_id(), "token": token, "codes": []})
    assert status == 409
    assert again["code"] == "token_already_used"
    audit = Entry.objects.get(event="polling.ballot_cast")
    assert ballot_id not in str(audit.after) + audit.object_label + audit.object_id
    assert cast["receipt_code"] not in str(audit.after) + audit.object_label


def test_retry_with_the_same_ballot_id_returns_the_same_receipt(pw: PollingWorld) -> None:
    client, token, ballot_id = Client(), _token(pw, 1), new_ballot_id()
    first = post(client, pw.voting[0], BALLOT_PATH, {"ballot_id": ballot_id, "token": token, "codes": []})[1]
    status, second = post(client, pw.voting[0], BALLOT_PATH, {"ballot_id": ballot_id, "token": token, "codes": []})
    assert status == 200
    assert second == {**first, "is_duplicate": True}
    assert CastBallot.objects.count() == 1


def test_invalid_ballot_is_refused_and_the_token_stays_usable(pw: PollingWorld) -> None:
    client, token = Client(), _token(pw, 2)
    for codes in (["999"], ["101", "101"], [str(c) for c in range(101, 109)]):
        status, body = post(
            client, pw.voting[0], BALLOT_PATH, {"ballot_id": new_ballot_id(), "token": token, "codes": codes}
        )
        assert status == 400
        assert body["code"] == "ballot_refused"
    assert not VotingToken.objects.get().is_redeemed
    assert (
        post(client, pw.voting[0], BALLOT_PATH, {"ballot_id": new_ballot_id(), "token": token, "codes": ["110"]})[0]
        == 200
    )


def test_token_of_another_station_is_refused(pw: PollingWorld) -> None:
    token = _token(pw, 3, station=1)
    status, body = post(
        Client(), pw.voting[0], BALLOT_PATH, {"ballot_id": new_ballot_id(), "token": token, "codes": []}
    )
    assert status == 403
    assert body["code"] == "token_foreign_station"


def test_batch_upload_is_idempotent_and_decides_each_ballot(pw: PollingWorld) -> None:
    client = Client()
    tokens = [_token(pw, i) for i in range(4, 9)]
    items = [{"ballot_id": new_ballot_id(), "token": t, "codes": ["103"]} for t in tokens]
    items.append({"ballot_id": new_ballot_id(), "token": new_token()[0], "codes": []})  # never issued
    status, body = post(client, pw.voting[0], "/api/polling/ballots/batch", {"ballots": items})
    assert status == 200
    assert len(body["accepted"]) == 5
    assert [r["code"] for r in body["refused"]] == ["unknown_token"]
    status, again = post(client, pw.voting[0], "/api/polling/ballots/batch", {"ballots": items[:5]})
    assert all(a["is_duplicate"] for a in again["accepted"])
    assert CastBallot.objects.count() == 5
    assert Entry.objects.filter(event="polling.ballots_uploaded").count() == 2


def test_kiosk_lookup_shows_name_or_not_found(pw: PollingWorld) -> None:
    found = Client().get(f"/api/polling/constituencies/{pw.city.pk}/candidates/۱۰۲")
    assert found.status_code == 200
    assert found.json()["name"] == "زهرا حسینی"
    assert Client().get(f"/api/polling/constituencies/{pw.city.pk}/candidates/999").status_code == 404


def test_the_database_keeps_each_ballot_to_a_constituency_its_station_serves(pw: PollingWorld) -> None:
    station = pw.stations[0]
    other = elections.create_constituency(actor=SYSTEM, election_round=pw.election_round, unit=pw.world.city_b,
                                          kind=ConstituencyKind.CITY_COUNCIL, population=12_000,
                                          population_source="census 1395")  # fmt: skip
    stray = {"ballot_id": new_ballot_id(), "station": station, "codes": "", "receipt_code": "A" * 12}
    with pytest.raises(IntegrityError), transaction.atomic():  # noqa: PT012 - the key is checked at commit
        CastBallot.objects.create(**stray, constituency=other)
        connection.check_constraints()
    cast = {"ballot_id": new_ballot_id(), "token": _token(pw, 0), "codes": []}
    assert post(Client(), pw.voting[0], BALLOT_PATH, cast)[0] == 200
    with pytest.raises(IntegrityError), transaction.atomic():  # noqa: PT012
        station.constituencies.remove(pw.city)  # the station would no longer serve a constituency it has ballots of
        connection.check_constraints()
    assert list(station.constituencies.all()) == [pw.city]
