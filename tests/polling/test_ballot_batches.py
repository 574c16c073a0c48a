"""The set-based journal upload: each token is spent once even when two uploads race or one upload
names it twice, a refused item never uses up its token, re-uploads are duplicates, and one audit row
per upload gives counts only."""

from __future__ import annotations

import json
import threading
from typing import Any

from django.db import connection
from django.test import Client
from ninja.responses import NinjaJSONEncoder

from ostan.auditlog.models import Entry
from ostan.core.polling.ballots import receipt_code
from ostan.core.polling.tokens import token_hash
from ostan.polling import actions
from ostan.polling.models import CastBallot, DeviceKind, VotingToken
from ostan.polling.simulator import SimulatedDevice, new_ballot_id, new_token, seed_key
from tests.actors import as_actor
from tests.polling.world import BALLOT_PATH, CHECK_IN_PATH, PollingWorld, check_in_payload, post

BATCH_PATH = "/api/polling/ballots/batch"


def _token(pw: PollingWorld, voter: int, station: int = 0) -> str:
    token, hashed = new_token()
    assert post(Client(), pw.auth[station], CHECK_IN_PATH, check_in_payload(pw.voters[voter], hashed))[1]["is_accepted"]
    return token


def _item(token: str, codes: list[str] | None = None) -> dict[str, Any]:
    return {"ballot_id": new_ballot_id(), "token": token, "codes": ["101"] if codes is None else codes}


def test_a_bad_ballot_is_refused_alone_and_keeps_its_token(pw: PollingWorld) -> None:
    tokens = [_token(pw, i) for i in range(3)]
    items = [_item(tokens[0], ["101", "102"]), _item(tokens[1], ["999"]), _item(tokens[2], [])]
    status, body = post(Client(), pw.voting[0], BATCH_PATH, {"ballots": items})
    assert status == 200
    assert [a["ballot_id"] for a in body["accepted"]] == [items[0]["ballot_id"], items[2]["ballot_id"]]
    assert [(r["ballot_id"], r["code"]) for r in body["refused"]] == [(items[1]["ballot_id"], "ballot_refused")]
    assert body["accepted"][1]["receipt_code"] == receipt_code(items[2]["ballot_id"])
    assert dict(CastBallot.objects.values_list("ballot_id", "codes")) == {
        items[0]["ballot_id"]: "101 102",
        items[2]["ballot_id"]: "",
    }
    assert VotingToken.objects.filter(is_redeemed=False).count() == 1  # the refused ballot's token
    retry = _item(tokens[1], ["103"])
    assert post(Client(), pw.voting[0], BALLOT_PATH, retry)[0] == 200


def test_a_batch_of_one_blank_ballot(pw: PollingWorld) -> None:
    item = _item(_token(pw, 0), [])
    status, body = post(Client(), pw.voting[0], BATCH_PATH, {"ballots": [item]})
    assert status == 200
    assert body == {"accepted": [{"ballot_id": item["ballot_id"], "receipt_code": receipt_code(item["ballot_id"]),
                                  "is_duplicate": False}], "refused": []}  # fmt: skip
    assert CastBallot.objects.get().codes == ""


def test_the_upload_s_audit_row_is_the_one_record_would_write(pw: PollingWorld) -> None:
    item = _item(_token(pw, 0))
    assert post(Client(), pw.voting[0], BATCH_PATH, {"ballots": [item]})[0] == 200
    entry = Entry.objects.get(event="polling.ballots_uploaded")
    station = pw.stations[0]
    actor = (entry.actor_id, entry.actor_label, entry.actor_role, entry.actor_unit_id)
    assert actor == (None, "system", "system", None)
    assert (entry.object_type, entry.object_id, entry.object_label) == ("polling.station", str(station.pk), "A001")
    assert (entry.unit_path, entry.before, entry.after) == (
        station.unit.path,
        None,
        {"accepted": 1, "duplicates": 0, "refused": 0},
    )
    assert entry.recorded_at.tzinfo is not None


def test_the_answer_is_byte_for_byte_what_the_generic_renderer_writes(pw: PollingWorld) -> None:
    stored = _item(_token(pw, 0))
    post(Client(), pw.voting[0], BATCH_PATH, {"ballots": [stored]})
    items = [{**stored, "token": _token(pw, 1)}, _item(_token(pw, 2), ["999"]), _item(_token(pw, 3), [])]
    body, headers = pw.voting[0].signed_json("POST", BATCH_PATH, {"ballots": items})
    response = Client().post(BATCH_PATH, data=body, content_type="application/json", headers=headers)
    answer = response.json()
    assert sorted(a["is_duplicate"] for a in answer["accepted"]) == [False, True]
    assert [r["code"] for r in answer["refused"]] == ["ballot_refused"]  # a Persian message, escaped
    assert response.content == json.dumps(answer, cls=NinjaJSONEncoder).encode()
    assert response["Content-Type"] == "application/json; charset=utf-8"


def test_one_token_twice_in_one_batch_is_spent_once(pw: PollingWorld) -> None:
    token = _token(pw, 0)
    items = [_item(token, ["101"]), _item(token, ["102"])]
    status, body = post(Client(), pw.voting[0], BATCH_PATH, {"ballots": items})
    assert status == 200
    assert [a["ballot_id"] for a in body["accepted"]] == [items[0]["ballot_id"]]
    assert [r["code"] for r in body["refused"]] == ["token_already_used"]
    assert CastBallot.objects.count() == 1


def test_a_stored_ballot_sent_again_with_a_fresh_token_is_a_duplicate_and_spends_nothing(pw: PollingWorld) -> None:
    first, fresh = _token(pw, 0), _token(pw, 1)
    item = _item(first, ["۱۰۱"])
    post(Client(), pw.voting[0], BATCH_PATH, {"ballots": [item]})
    again = {**item, "token": fresh, "codes": ["101"]}  # the same ballot, its digits typed another way
    status, body = post(Client(), pw.voting[0], BATCH_PATH, {"ballots": [again]})
    assert status == 200
    assert body["accepted"] == [{"ballot_id": item["ballot_id"], "receipt_code": receipt_code(item["ballot_id"]),
                                 "is_duplicate": True}]  # fmt: skip
    assert VotingToken.objects.filter(is_redeemed=False).count() == 1  # the fresh token is still usable
    conflict = {**item, "token": fresh, "codes": ["102"]}
    status, body = post(Client(), pw.voting[0], BATCH_PATH, {"ballots": [conflict]})
    assert [r["code"] for r in body["refused"]] == ["ballot_id_conflict"]
    assert VotingToken.objects.filter(is_redeemed=False).count() == 1
    uploads = Entry.objects.filter(event="polling.ballots_uploaded").order_by("pk")
    assert [e.after for e in uploads] == [
        {"accepted": 1, "duplicates": 0, "refused": 0},
        {"accepted": 0, "duplicates": 1, "refused": 0},
        {"accepted": 0, "duplicates": 0, "refused": 1},
    ]
    assert all(item["ballot_id"] not in f"{e.after} {e.object_id} {e.object_label}" for e in uploads)


def test_a_batch_meeting_a_stored_ballot_id_stores_the_others_once(pw: PollingWorld) -> None:
    # The plain insert fails on the stored id; the upload runs again, skipping it, and nothing is doubled.
    first = _item(_token(pw, 0), ["101"])
    assert post(Client(), pw.voting[0], BATCH_PATH, {"ballots": [first]})[0] == 200
    fresh = [_token(pw, i) for i in range(1, 4)]
    items = [_item(fresh[0], ["102"]), {**first, "token": fresh[1], "codes": ["103"]}, _item(fresh[2], [])]
    status, body = post(Client(), pw.voting[0], BATCH_PATH, {"ballots": items})
    assert status == 200
    assert body["accepted"] == [
        {"ballot_id": i["ballot_id"], "receipt_code": receipt_code(i["ballot_id"]), "is_duplicate": False}
        for i in (items[0], items[2])
    ]
    assert [(r["ballot_id"], r["code"]) for r in body["refused"]] == [(first["ballot_id"], "ballot_id_conflict")]
    assert dict(CastBallot.objects.values_list("ballot_id", "codes")) == {
        first["ballot_id"]: "101",
        items[0]["ballot_id"]: "102",
        items[2]["ballot_id"]: "",
    }
    assert list(VotingToken.objects.filter(is_redeemed=False).values_list("token_hash", flat=True)) == [
        token_hash(fresh[1])
    ]
    uploads = Entry.objects.filter(event="polling.ballots_uploaded").order_by("pk")
    assert [e.after for e in uploads] == [
        {"accepted": 1, "duplicates": 0, "refused": 0},
        {"accepted": 2, "duplicates": 0, "refused": 1},
    ]


def test_refusals_name_the_token_problem(pw: PollingWorld) -> None:
    foreign, spent = _token(pw, 0, station=1), _token(pw, 1)
    post(Client(), pw.voting[0], BALLOT_PATH, _item(spent))
    items = [_item(foreign), _item(spent), _item(new_token()[0]), {**_item(_token(pw, 2)), "ballot_id": "not-hex"}]
    status, body = post(Client(), pw.voting[0], BATCH_PATH, {"ballots": items})
    assert status == 200
    assert body["accepted"] == []
    codes = [r["code"] for r in body["refused"]]
    assert codes == ["token_foreign_station", "token_already_used", "unknown_token", "invalid_ballot"]
    assert VotingToken.objects.filter(is_redeemed=True).count() == 1


def test_a_replayed_or_closed_upload_changes_nothing(pw: PollingWorld) -> None:
    body, headers = pw.voting[0].signed_json("POST", BATCH_PATH, {"ballots": [_item(_token(pw, 0))]})
    client = Client()
    assert client.post(BATCH_PATH, data=body, content_type="application/json", headers=headers).status_code == 200
    again = client.post(BATCH_PATH, data=body, content_type="application/json", headers=headers)
    assert (again.status_code, again.json()["code"]) == (409, "replayed_request")
    assert CastBallot.objects.count() == 1


def _upload(device: SimulatedDevice, items: list[dict[str, Any]], barrier: threading.Barrier, out: list[Any]) -> None:
    try:
        barrier.wait()
        out.append(post(Client(), device, BATCH_PATH, {"ballots": items}))
    finally:
        connection.close()


def test_two_uploads_racing_for_the_same_tokens_spend_each_once(pw16: PollingWorld) -> None:
    tokens = [_token(pw16, i) for i in range(12)]
    devices = []
    for i in range(2):  # two voting devices of one station upload overlapping journals at once
        device = SimulatedDevice(device_id=f"A001-journal{i}", station_code="A001", private_key=seed_key(f"j{i}"))
        actions.register_device(actor=as_actor(pw16.members[0]), station=pw16.stations[0], device_id=device.device_id,
                                kind=DeviceKind.VOTING, public_key=device.public_key_hex)  # fmt: skip
        devices.append(device)
    journals = [[_item(t) for t in tokens], [_item(t) for t in reversed(tokens)]]
    barrier, out = threading.Barrier(2), list[tuple[int, dict[str, Any]]]()
    threads = [threading.Thread(target=_upload, args=(devices[i], journals[i], barrier, out)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(status for status, _ in out) == [200, 200]
    accepted = sum(len(body["accepted"]) for _, body in out)
    refused = [r["code"] for _, body in out for r in body["refused"]]
    assert accepted == 12
    assert refused == ["token_already_used"] * 12
    assert CastBallot.objects.count() == 12
    assert VotingToken.objects.filter(is_redeemed=True).count() == 12


def test_an_unknown_token_beside_a_malformed_id_is_refused_not_a_server_error(pw: PollingWorld) -> None:
    """Found by the signed fuzzer: an item whose token was never issued and whose id held a NUL reached
    the lookup of stored ids, which PostgreSQL cannot take (a server error for the whole upload)."""
    good = _item(_token(pw, 0))
    odd = {"ballot_id": "\x00,1", "token": "never-issued", "codes": ["101"]}
    status, body = post(Client(), pw.voting[0], BATCH_PATH, {"ballots": [good, odd]})
    assert status == 200
    assert [a["ballot_id"] for a in body["accepted"]] == [good["ballot_id"]]
    assert [(r["ballot_id"], r["code"]) for r in body["refused"]] == [("\x00,1", "unknown_token")]
