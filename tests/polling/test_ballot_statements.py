"""Casting one ballot in two prepared statements: every refusal leaves the token unspent, the checks
keep their order, and the audit row is the one record() would write."""

from __future__ import annotations

from django.test import Client

from ostan.auditlog.models import Entry
from ostan.polling.models import CastBallot, Station, StationStatus, VotingToken
from ostan.polling.simulator import new_ballot_id, new_token
from tests.polling.world import BALLOT_PATH, CHECK_IN_PATH, PollingWorld, check_in_payload, post


def _token(pw: PollingWorld, voter: int) -> str:
    token, hashed = new_token()
    assert post(Client(), pw.auth[0], CHECK_IN_PATH, check_in_payload(pw.voters[voter], hashed))[1]["is_accepted"]
    return token


def test_a_cast_writes_the_ballot_and_one_system_audit_row(pw: PollingWorld) -> None:
    ballot_id = new_ballot_id()
    status, body = post(Client(), pw.voting[0], BALLOT_PATH, {"ballot_id": ballot_id, "token": _token(pw, 0),
                                                              "codes": ["۱۰۱"]})  # fmt: skip
    assert (status, body["is_duplicate"]) == (200, False)
    assert CastBallot.objects.get(ballot_id=ballot_id).codes == "101"
    entry = Entry.objects.get(event="polling.ballot_cast")
    station = pw.stations[0]
    assert (entry.actor_id, entry.actor_label, entry.actor_role) == (None, "system", "system")
    assert (entry.object_type, entry.object_id, entry.object_label) == ("polling.station", str(station.pk), "A001")
    assert entry.unit_path == station.unit.path
    assert (entry.before, entry.after) == (None, None)


def test_refusals_leave_the_token_unspent_in_the_single_path_order(pw: PollingWorld) -> None:
    token, stored = _token(pw, 0), new_ballot_id()
    assert (
        post(Client(), pw.voting[0], BALLOT_PATH, {"ballot_id": stored, "token": _token(pw, 1), "codes": []})[0] == 200
    )
    conflict = {"ballot_id": stored, "token": token, "codes": ["101"]}
    status, body = post(Client(), pw.voting[0], BALLOT_PATH, conflict)
    assert (status, body["code"]) == (409, "ballot_id_conflict")
    Station.objects.filter(pk=pw.stations[0].pk).update(status=StationStatus.CLOSED)
    status, body = post(
        Client(), pw.voting[0], BALLOT_PATH, {"ballot_id": new_ballot_id(), "token": token, "codes": []}
    )
    assert (status, body["code"]) == (409, "station_closed")
    status, body = post(Client(), pw.voting[0], BALLOT_PATH, {**conflict, "codes": []})
    assert (status, body["is_duplicate"]) == (200, True)  # a retry of a stored ballot is answered even after close
    assert VotingToken.objects.filter(is_redeemed=False).count() == 1
    assert CastBallot.objects.count() == 1


def test_a_replayed_cast_is_refused(pw: PollingWorld) -> None:
    body, headers = pw.voting[0].signed_json("POST", BALLOT_PATH, {"ballot_id": new_ballot_id(),
                                                                    "token": _token(pw, 0), "codes": []})  # fmt: skip
    client = Client()
    assert client.post(BALLOT_PATH, data=body, content_type="application/json", headers=headers).status_code == 200
    again = client.post(BALLOT_PATH, data=body, content_type="application/json", headers=headers)
    assert (again.status_code, again.json()["code"]) == (409, "replayed_request")
