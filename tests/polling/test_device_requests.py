"""Every device request is signed: unsigned, altered, replayed and foreign-station requests are refused."""

from __future__ import annotations

import json

from django.test import Client

from ostan.polling.models import CheckIn, Device
from ostan.polling.simulator import SimulatedDevice, new_token, seed_key
from tests.actors import as_actor
from tests.polling.world import CHECK_IN_PATH, PollingWorld, check_in_payload, post


def _send(body: bytes, headers: dict[str, str]) -> tuple[int, dict]:  # type: ignore[type-arg]
    response = Client().post(CHECK_IN_PATH, data=body, content_type="application/json", headers=headers)
    return response.status_code, response.json()


def test_unsigned_request_is_refused(pw: PollingWorld) -> None:
    status, body = _send(json.dumps(check_in_payload(pw.voters[0], new_token()[1])).encode(), {})
    assert status == 401
    assert body["code"] == "unsigned_request"


def test_altered_body_fails_the_signature(pw: PollingWorld) -> None:
    body, headers = pw.auth[0].signed_json("POST", CHECK_IN_PATH, check_in_payload(pw.voters[0], new_token()[1]))
    altered = body.replace(pw.voters[0].encode(), pw.voters[1].encode())
    status, answer = _send(altered, headers)
    assert status == 401
    assert answer["code"] == "bad_signature"
    assert CheckIn.objects.count() == 0


def test_a_key_that_is_not_the_registered_one_fails(pw: PollingWorld) -> None:
    impostor = SimulatedDevice(device_id=pw.auth[0].device_id, station_code="A001", private_key=seed_key("stolen"))
    status, body = post(Client(), impostor, CHECK_IN_PATH, check_in_payload(pw.voters[0], new_token()[1]))
    assert status == 401
    assert body["code"] == "bad_signature"


def test_replayed_request_is_refused(pw: PollingWorld) -> None:
    body, headers = pw.auth[0].signed_json("POST", CHECK_IN_PATH, check_in_payload(pw.voters[0], new_token()[1]))
    assert _send(body, headers)[0] == 200
    status, answer = _send(body, headers)
    assert status == 409
    assert answer["code"] == "replayed_request"


def test_refused_check_in_still_spends_its_counter(pw: PollingWorld) -> None:
    payload = {**check_in_payload(pw.voters[0], new_token()[1]), "evidence": "bad"}
    body, headers = pw.auth[0].signed_json("POST", CHECK_IN_PATH, payload)
    assert _send(body, headers)[1]["reason_code"] == "identity_not_confirmed"
    assert _send(body, headers)[0] == 409


def test_device_moved_to_another_station_is_refused(pw: PollingWorld) -> None:
    moved = SimulatedDevice(device_id=pw.auth[0].device_id, station_code="A002", private_key=seed_key("A001-auth"))
    status, body = post(Client(), moved, CHECK_IN_PATH, check_in_payload(pw.voters[0], new_token()[1]))
    assert status == 403
    assert body["code"] == "foreign_station"


def test_unknown_and_deactivated_devices_are_refused(pw: PollingWorld) -> None:
    stranger = SimulatedDevice(device_id="nobody", station_code="A001", private_key=seed_key("nobody"))
    assert post(Client(), stranger, CHECK_IN_PATH, check_in_payload(pw.voters[0], new_token()[1]))[1]["code"] == (
        "unknown_device"
    )
    from ostan.polling import actions

    actions.deactivate_device(actor=as_actor(pw.members[0]), device=Device.objects.get(device_id="A001-auth"))
    status, body = post(Client(), pw.auth[0], CHECK_IN_PATH, check_in_payload(pw.voters[0], new_token()[1]))
    assert status == 401
    assert body["code"] == "unknown_device"
