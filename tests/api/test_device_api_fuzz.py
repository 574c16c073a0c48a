"""Fuzz the station devices' endpoints with requests that are really signed.

Unsigned, every generated request stops at the signature check (401) and the actions behind it are
never reached. Here each generated case is signed, as a registered device of a real station signs, over
the exact bytes that are sent: the bodies reach the check-in, ballot and minutes actions, which must
refuse what they cannot take with a documented answer and never fail."""

from __future__ import annotations

import json
from typing import Any

import pytest

from ostan.polling import constituencies, device_requests
from ostan.polling.edge import stations as stations_cache
from ostan.polling.simulator import SimulatedDevice
from tests.api.test_openapi_fuzz import CHECKS, FUZZ_SETTINGS, _keep_test_connection, schema
from tests.polling.world import PollingWorld, make_polling_world

__all__ = ["_keep_test_connection"]

# The operations a device signs (their description says so); the others are for people.
DOOR_REFUSALS = {"unsigned_request", "unknown_device", "bad_signature", "replayed_request", "stale_request"}
device_schema = schema.include(path_regex=r"^/api/polling/(check-ins|ballots|minutes/\{pk\}/signature)")


@pytest.fixture
def world(db: None) -> PollingWorld:
    device_requests._cache.clear()
    stations_cache._cache.clear()
    constituencies.forget_all()
    return make_polling_world(stations=1, voters=5)


def _device_for(path: str, world: PollingWorld) -> SimulatedDevice:
    # Check-ins come from the authentication device; ballots from the voting device; either signs minutes.
    return world.voting[0] if "/ballots" in path else world.auth[0]


@device_schema.parametrize()
@FUZZ_SETTINGS
def test_signed_device_requests_never_crash(case: Any, world: PollingWorld) -> None:
    path = case.operation.schema.get_full_path(case.formatted_path)
    body = b"" if case.body is None or not isinstance(case.body, (dict, list)) else json.dumps(case.body).encode()
    headers = {"Content-Type": "application/json", **_device_for(path, world).sign(case.method.upper(), path, body)}
    response = case.call(data=body, headers=headers)
    case.validate_response(response, checks=CHECKS)
    # The signature held: whatever was refused, it was refused by the endpoint, not at the door.
    assert response.headers.get("content-type", [""])[0].startswith("application/json"), (
        response.status_code,
        response.text[:300],
        case.body,
    )
    answer = response.json()
    if isinstance(answer, dict):
        assert answer.get("code") not in DOOR_REFUSALS, response.text
