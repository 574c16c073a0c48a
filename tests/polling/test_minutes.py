"""Closing a station: consistent minutes close it and are signed by its device and confirmed by its
officials; inconsistent figures block closing with a Persian message and change nothing."""

from __future__ import annotations

import base64

import pytest
from django.test import Client

from ostan.core.polling.devices import sign_document
from ostan.core.polling.minutes import MINUTES_CONTEXT
from ostan.polling import actions
from ostan.polling.errors import MinutesInconsistent, StationClosed
from ostan.polling.minutes_records import minutes_bytes
from ostan.polling.models import CastBallot, Station, StationStatus
from ostan.polling.simulator import new_ballot_id, new_token
from tests.actors import as_actor
from tests.polling.world import BALLOT_PATH, CHECK_IN_PATH, PollingWorld, check_in_payload, post


def _vote(pw: PollingWorld, voter: int, codes: list[str]) -> None:
    token, hashed = new_token()
    post(Client(), pw.auth[0], CHECK_IN_PATH, check_in_payload(pw.voters[voter], hashed, f"m{voter}"))
    assert (
        post(Client(), pw.voting[0], BALLOT_PATH, {"ballot_id": new_ballot_id(), "token": token, "codes": codes})[0]
        == 200
    )


def test_close_sign_and_confirm(pw: PollingWorld) -> None:
    _vote(pw, 0, ["101", "102"])
    _vote(pw, 1, [])
    post(Client(), pw.auth[0], CHECK_IN_PATH, check_in_payload(pw.voters[2], new_token()[1], "left"))  # left unvoted
    [minutes] = actions.close_station(actor=as_actor(pw.members[0]), station=pw.stations[0])
    doc = minutes.document
    assert (doc["checked_in"], doc["ballots_cast"], doc["valid"], doc["blank"], doc["form"]) == (3, 2, 1, 1, 29)
    assert doc["votes_per_candidate"] == {"101": 1, "102": 1}
    status, body = post(Client(), pw.auth[0], CHECK_IN_PATH, check_in_payload(pw.voters[3], new_token()[1], "late"))
    assert status == 409
    assert body["code"] == "station_closed"
    wrong = base64.b64encode(sign_document(b"\x01" * 32, MINUTES_CONTEXT, minutes_bytes(minutes))).decode()
    path = f"/api/polling/minutes/{minutes.pk}/signature"
    assert post(Client(), pw.auth[0], path, {"signature": wrong})[1]["code"] == "bad_signature"
    good = base64.b64encode(
        sign_document(pw.auth[0].keys.private_key, MINUTES_CONTEXT, minutes_bytes(minutes))
    ).decode()
    status, signed = post(Client(), pw.auth[0], path, {"signature": good})
    assert status == 200
    assert signed["is_signed"]
    minutes.refresh_from_db()
    actions.confirm_minutes(actor=as_actor(pw.members[0]), minutes=minutes)
    assert minutes.confirmations.count() == 1


def test_more_ballots_than_check_ins_blocks_closing(pw: PollingWorld) -> None:
    _vote(pw, 0, ["101"])
    CastBallot.objects.create(  # a stuffed ballot written behind the app's back
        ballot_id=new_ballot_id(),
        station=pw.stations[0],
        constituency=pw.city,
        codes="102",
        receipt_code="STUFFED00000",
    )
    with pytest.raises(MinutesInconsistent) as refused:
        actions.close_station(actor=as_actor(pw.members[0]), station=pw.stations[0])
    assert "بیشتر" in refused.value.message
    assert refused.value.details["problems"][0]["code"] == "more_ballots_than_check_ins"  # type: ignore[index]
    assert Station.objects.get(pk=pw.stations[0].pk).status == StationStatus.OPEN
    assert not pw.stations[0].minutes.exists()


def test_a_closed_station_cannot_close_again(pw: PollingWorld) -> None:
    actions.close_station(actor=as_actor(pw.members[0]), station=pw.stations[0])
    with pytest.raises(StationClosed):
        actions.close_station(actor=as_actor(pw.members[0]), station=pw.stations[0])
