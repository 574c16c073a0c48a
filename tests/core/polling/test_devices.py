"""Signed device requests: valid ones pass, altered, replayed, moved or stale ones are refused by code."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ostan.core.polling.devices import (
    DeviceRequest,
    canonical_message,
    device_keys,
    key_fingerprint,
    request_from_headers,
    request_headers,
    sign_request,
    verify_request,
)
from ostan.core.polling.errors import DeviceRequestRefused, InvalidKey, MalformedRequest

KEYS = device_keys(bytes(range(32)))
OTHER = device_keys(bytes(32))
NOW = dt.datetime(2026, 6, 19, 8, 30, tzinfo=dt.UTC)
REQUEST = DeviceRequest(
    method="POST",
    path="/api/polling/check-ins",
    station_code="S-0042",
    device_id="auth-7",
    counter=12,
    timestamp=NOW,
    body=b'{"national_code":"0499370899"}',
)


def accept(request: DeviceRequest, signature: bytes, **overrides: object) -> None:
    options: dict[str, object] = {"expected_station": "S-0042", "last_counter": 11, "now": NOW, **overrides}
    verify_request(KEYS.public_key, request, signature, **options)  # type: ignore[arg-type]


def refusal(request: DeviceRequest, signature: bytes, **overrides: object) -> str:
    with pytest.raises(DeviceRequestRefused) as caught:
        accept(request, signature, **overrides)
    return caught.value.code


def test_known_public_key_for_the_all_zero_seed() -> None:
    # The Ed25519 public key of the all-zero seed, as every conforming library derives it.
    assert OTHER.public_key.hex() == "3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29"


def test_canonical_message_is_the_documented_lines() -> None:
    assert canonical_message(REQUEST).decode() == (
        "ostan-device-request-v1\nPOST\n/api/polling/check-ins\nS-0042\nauth-7\n12\n2026-06-19T08:30:00Z\n"
        "a4fd65abd780f7ee57b975cbacb69d331ff237eebf1ab3f06adfee8152e0ecee"  # sha256 of the body
    )


def test_valid_request_is_accepted() -> None:
    accept(REQUEST, sign_request(KEYS.private_key, REQUEST))


def test_first_request_of_a_device_has_no_last_counter() -> None:
    accept(REQUEST, sign_request(KEYS.private_key, REQUEST), last_counter=None)


@pytest.mark.parametrize(
    "change",
    [
        {"body": b'{"national_code":"0084575948"}'},
        {"path": "/api/polling/ballots"},
        {"method": "PUT"},
        {"station_code": "S-0043"},
        {"device_id": "auth-8"},
        {"counter": 13},
        {"timestamp": NOW + dt.timedelta(seconds=1)},
    ],
)
def test_any_altered_part_breaks_the_signature(change: dict[str, object]) -> None:
    signature = sign_request(KEYS.private_key, REQUEST)
    assert refusal(dataclasses.replace(REQUEST, **change), signature) == "bad_signature"  # type: ignore[arg-type]


def test_another_devices_key_is_a_bad_signature() -> None:
    assert refusal(REQUEST, sign_request(OTHER.private_key, REQUEST)) == "bad_signature"


def test_garbage_signature_is_a_bad_signature() -> None:
    assert refusal(REQUEST, b"\x00" * 10) == "bad_signature"


def test_replay_is_refused() -> None:
    signature = sign_request(KEYS.private_key, REQUEST)
    assert refusal(REQUEST, signature, last_counter=12) == "replayed_request"
    assert refusal(REQUEST, signature, last_counter=40) == "replayed_request"


def test_device_registered_to_another_station_is_refused() -> None:
    assert refusal(REQUEST, sign_request(KEYS.private_key, REQUEST), expected_station="S-0099") == "foreign_station"


def test_stale_and_future_requests_are_refused() -> None:
    signature = sign_request(KEYS.private_key, REQUEST)
    assert refusal(REQUEST, signature, now=NOW + dt.timedelta(minutes=6)) == "stale_request"
    assert refusal(REQUEST, signature, now=NOW - dt.timedelta(minutes=6)) == "stale_request"
    accept(REQUEST, signature, now=NOW + dt.timedelta(minutes=5))


def test_headers_round_trip() -> None:
    signature = sign_request(KEYS.private_key, REQUEST)
    headers = {name.lower(): value for name, value in request_headers(REQUEST, signature).items()}
    rebuilt, got = request_from_headers(method="post", path=REQUEST.path, headers=headers, body=REQUEST.body)
    assert (rebuilt, got) == (REQUEST, signature)


def test_missing_header_is_malformed() -> None:
    with pytest.raises(MalformedRequest):
        request_from_headers(method="POST", path="/", headers={}, body=b"")


def test_newline_in_a_field_is_malformed_not_signed() -> None:
    with pytest.raises(MalformedRequest):
        sign_request(KEYS.private_key, dataclasses.replace(REQUEST, path="/a\nb"))


def test_short_seed_is_refused() -> None:
    with pytest.raises(InvalidKey):
        device_keys(b"short")


def test_fingerprint_is_sixteen_hex_digits() -> None:
    assert len(key_fingerprint(KEYS.public_key)) == 16


@given(st.binary(max_size=200), st.integers(min_value=0, max_value=2**40))
def test_any_body_and_counter_sign_and_verify(body: bytes, counter: int) -> None:
    request = dataclasses.replace(REQUEST, body=body, counter=counter)
    verify_request(
        KEYS.public_key,
        request,
        sign_request(KEYS.private_key, request),
        expected_station="S-0042",
        last_counter=counter - 1,
        now=NOW,
    )
