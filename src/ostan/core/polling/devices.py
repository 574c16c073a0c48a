"""Polling-station devices: Ed25519 keys, and the signed form of every request a device sends.

A device (authentication or voting device) holds a 32-byte Ed25519 private key made from entropy the
caller supplies; the centre registers its public key with one station. Every request carries the
station, the device id, a counter that only grows, the time and a signature over the canonical message

    ostan-device-request-v1 LF METHOD LF PATH LF STATION LF DEVICE LF COUNTER LF TIMESTAMP LF SHA256(BODY)

(UTF-8, ``LF`` a newline byte, no final newline; COUNTER in decimal; TIMESTAMP as
``YYYY-MM-DDTHH:MM:SSZ`` in UTC, fractions of a second dropped; SHA256(BODY) in lower-case hex; PATH
with its query string). The centre refuses, in this order: a bad signature (anything altered, or the
wrong key), a request for a station other than the device's own (a moved or stolen device), a counter
not above the last one accepted (a replay), and a time further than ``max_skew`` from its clock.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from nacl.bindings import crypto_sign_open
from nacl.exceptions import BadSignatureError
from nacl.exceptions import ValueError as NaclValueError

from ostan.core.polling.errors import (
    BadSignature,
    ForeignStation,
    InvalidKey,
    MalformedRequest,
    ReplayedRequest,
    StaleRequest,
)

REQUEST_CONTEXT = "ostan-device-request-v1"
KEY_BYTES = 32
SIGNATURE_BYTES = 64
# Devices keep their clocks from the network; five minutes covers drift without opening a replay window.
MAX_SKEW = dt.timedelta(minutes=5)
MAX_COUNTER = 2**63 - 1
HEADER_STATION = "X-Ostan-Station"
HEADER_DEVICE = "X-Ostan-Device"
HEADER_COUNTER = "X-Ostan-Counter"
HEADER_TIMESTAMP = "X-Ostan-Timestamp"
HEADER_SIGNATURE = "X-Ostan-Signature"
TIMESTAMP_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
_IDENTIFIER = re.compile(r"[A-Za-z0-9._-]{1,64}")
_TIMESTAMP = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")
_METHOD = re.compile(r"[A-Z]{1,10}")
_PATH = re.compile(r"/[\x21-\x7e]*")


@dataclass(frozen=True)
class DeviceRequest:
    method: str  # upper case, e.g. "POST"
    path: str  # with the query string, e.g. "/api/polling/check-ins"
    station_code: str
    device_id: str
    counter: int  # strictly greater than the last one the centre accepted from this device
    timestamp: dt.datetime  # aware; signed to the second
    body: bytes = b""


@dataclass(frozen=True)
class DeviceKeys:
    private_key: bytes  # the 32-byte seed: never leaves the device
    public_key: bytes  # 32 bytes: registered with the centre for one station


def _private(private_key: bytes) -> Ed25519PrivateKey:
    if len(private_key) != KEY_BYTES:
        raise InvalidKey("کلید خصوصی دستگاه باید ۳۲ بایت باشد.")
    return Ed25519PrivateKey.from_private_bytes(private_key)


def device_keys(seed: bytes) -> DeviceKeys:
    """The key pair for 32 bytes of entropy (from the device's secure random source)."""
    private = _private(seed)
    return DeviceKeys(seed, private.public_key().public_bytes_raw())


def key_fingerprint(public_key: bytes) -> str:
    """The first 16 hex digits of SHA-256 of the public key: read aloud when a device is registered."""
    return hashlib.sha256(public_key).hexdigest()[:16]


def format_timestamp(moment: dt.datetime) -> str:
    if moment.tzinfo is None:
        raise MalformedRequest("زمان درخواست دستگاه باید منطقهٔ زمانی داشته باشد.")
    return moment.astimezone(dt.UTC).strftime(TIMESTAMP_FORMAT)


def parse_timestamp(text: str) -> dt.datetime:
    # The exact shape first, then the C parser: strptime cost a tenth of a check-in's signature check.
    if not _TIMESTAMP.fullmatch(text):
        raise MalformedRequest("زمان درخواست دستگاه خوانا نیست.")
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError as exc:
        raise MalformedRequest("زمان درخواست دستگاه خوانا نیست.") from exc


def canonical_message(request: DeviceRequest) -> bytes:
    """The exact bytes signed for ``request`` (see the module docstring)."""
    if not _METHOD.fullmatch(request.method) or not _PATH.fullmatch(request.path):
        raise MalformedRequest("روش یا نشانی درخواست دستگاه نادرست است.")
    if not _IDENTIFIER.fullmatch(request.station_code) or not _IDENTIFIER.fullmatch(request.device_id):
        raise MalformedRequest("کد شعبه یا شناسهٔ دستگاه نادرست است.")
    if not 0 <= request.counter <= MAX_COUNTER:
        raise MalformedRequest("شمارندهٔ درخواست دستگاه نادرست است.")
    lines = (
        REQUEST_CONTEXT,
        request.method,
        request.path,
        request.station_code,
        request.device_id,
        str(request.counter),
        format_timestamp(request.timestamp),
        hashlib.sha256(request.body).hexdigest(),
    )
    return "\n".join(lines).encode("utf-8")


def sign_request(private_key: bytes, request: DeviceRequest) -> bytes:
    """The 64-byte Ed25519 signature of ``request`` (used by devices and their simulators)."""
    return _private(private_key).sign(canonical_message(request))


def verify_request(
    public_key: bytes,
    request: DeviceRequest,
    signature: bytes,
    *,
    expected_station: str,
    last_counter: int | None,
    now: dt.datetime,
    max_skew: dt.timedelta = MAX_SKEW,
) -> None:
    """Accept ``request`` or raise the typed refusal (see the module docstring for the order).

    ``public_key`` and ``expected_station`` are the device's registration; ``last_counter`` is the
    highest counter accepted from it so far (None before its first request). After accepting, the
    caller stores ``request.counter`` as the new last counter in the same transaction as the action.
    """
    if not is_signature_valid(public_key, canonical_message(request), signature):
        raise BadSignature("امضای درخواست دستگاه معتبر نیست.")
    if request.station_code != expected_station:
        raise ForeignStation("این دستگاه برای شعبهٔ دیگری ثبت شده است.", details={"station": expected_station})
    if last_counter is not None and request.counter <= last_counter:
        raise ReplayedRequest("این درخواست پیش‌تر رسیده است (شمارنده تکراری است).", details={"last": last_counter})
    if abs(now - request.timestamp) > max_skew:
        raise StaleRequest("زمان درخواست دستگاه با ساعت مرکز فاصلهٔ زیادی دارد.")


def is_signature_valid(public_key: bytes, message: bytes, signature: bytes) -> bool:
    """Ed25519 verification as a yes/no (wrong length or bytes give False)."""
    if len(signature) != SIGNATURE_BYTES:
        return False
    if len(public_key) != KEY_BYTES:
        raise InvalidKey("کلید عمومی دستگاه باید ۳۲ بایت باشد.")
    try:  # libsodium: the same Ed25519, at less than half OpenSSL's cost on the busiest path of the day
        crypto_sign_open(signature + message, public_key)
    except (BadSignatureError, NaclValueError):
        return False
    return True


def sign_document(private_key: bytes, context: str, data: bytes) -> bytes:
    """A signature over ``context`` LF ``data``: the context keeps a minutes signature from passing as a request's."""
    return _private(private_key).sign(context.encode("ascii") + b"\n" + data)


def is_document_signature_valid(public_key: bytes, context: str, data: bytes, signature: bytes) -> bool:
    return is_signature_valid(public_key, context.encode("ascii") + b"\n" + data, signature)


def request_headers(request: DeviceRequest, signature: bytes) -> dict[str, str]:
    """The HTTP headers a device sends with ``request`` (the signature in standard base64)."""
    return {
        HEADER_STATION: request.station_code,
        HEADER_DEVICE: request.device_id,
        HEADER_COUNTER: str(request.counter),
        HEADER_TIMESTAMP: format_timestamp(request.timestamp),
        HEADER_SIGNATURE: base64.b64encode(signature).decode("ascii"),
    }


# A device's counter is stored in a PostgreSQL bigint.
MAX_COUNTER = 2**63 - 1
MAX_COUNTER_DIGITS = len(str(MAX_COUNTER))


def request_from_headers(
    *, method: str, path: str, headers: Mapping[str, str], body: bytes
) -> tuple[DeviceRequest, bytes]:
    """Rebuild the signed request and its signature from what the centre received."""
    folded = {name.lower(): value for name, value in headers.items()}

    def header(name: str) -> str:
        value = folded.get(name.lower())
        if value is None:
            raise MalformedRequest(f"سرآیند {name} در درخواست دستگاه نیست.", details={"header": name})
        return value.strip()

    counter = header(HEADER_COUNTER)
    # Checked by length first: int() of thousands of digits is slow, and past 4,300 it raises.
    if (
        not counter.isascii()
        or not counter.isdigit()
        or len(counter) > MAX_COUNTER_DIGITS
        or int(counter) > MAX_COUNTER
    ):
        raise MalformedRequest("شمارندهٔ درخواست دستگاه نادرست است.")
    try:
        signature = base64.b64decode(header(HEADER_SIGNATURE), validate=True)
    except binascii.Error as exc:
        raise MalformedRequest("امضای درخواست دستگاه خوانا نیست.") from exc
    request = DeviceRequest(
        method=method.upper(),
        path=path,
        station_code=header(HEADER_STATION),
        device_id=header(HEADER_DEVICE),
        counter=int(counter),
        timestamp=parse_timestamp(header(HEADER_TIMESTAMP)),
        body=body,
    )
    return request, signature
