"""Signed device requests: who sent this request, and may it be acted on?

Every device endpoint calls :func:`authenticate` first. The signature and the station are checked
here with the core (:func:`ostan.core.polling.devices.verify_request`) against the registered key;
the counter is checked by the action, in its own transaction, with one conditional update
(:func:`counter_update_sql`): ``last_counter < counter``. That single row update is what makes a
replay fail even when two copies of a request arrive at once on two workers.

Registrations are cached per process for up to ``CACHE_SECONDS`` (:mod:`ostan.polling.edge.caches`):
a device is never re-keyed or moved, and deactivation still takes effect at once because the counter
update requires ``is_active``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import connection
from django.http import HttpRequest
from django.utils import timezone

from ostan.core.access import Actor
from ostan.core.polling import devices as core_devices
from ostan.core.polling.errors import ReplayedRequest
from ostan.durability import ensure_durable
from ostan.polling.edge.caches import ProcessCache
from ostan.polling.errors import UnknownDevice, UnsignedRequest, WrongDeviceKind

CACHE_SECONDS = 600.0
# What a device does is the system's: the request is signed by a registered key, nobody signs in. The
# entry names the station and the device's request in its object instead.
DEVICES = Actor.system("دستگاه شعبهٔ اخذ رأی (درخواست امضاشده)")


@dataclass(frozen=True)
class DeviceContext:
    """A verified request's device: the caller's authority for every device action."""

    pk: int
    device_id: str
    kind: str
    station_id: int
    station_code: str
    election_round_id: int
    public_key: bytes
    counter: int  # this request's counter: the action stores it as the new last counter
    at: dt.datetime  # the server's time of acceptance


@dataclass(frozen=True)
class Registration:
    """What the centre holds about a device, as plain values (read per request: no model descriptors)."""

    pk: int
    device_id: str
    kind: str
    is_active: bool
    station_id: int
    station_code: str
    election_round_id: int
    public_key: bytes


_cache: ProcessCache[str, Registration] = ProcessCache(CACHE_SECONDS)


def cached_registration(device_id: str) -> Registration | None:
    """The registration if this process holds a fresh copy (no database access: safe on an event loop)."""
    return _cache.get(device_id)


REGISTRATION_SQL = """
SELECT d.id, d.device_id, d.kind, d.is_active, s.id, s.code, s.election_round_id, d.public_key
FROM polling_device d JOIN polling_station s ON s.id = d.station_id
WHERE d.device_id = %s
"""


def registration(device_id: str) -> Registration:
    """The device's registration, from this process's cache or the database; unknown → UnknownDevice."""
    hit = _cache.get(device_id)
    if hit is not None:
        return hit
    with connection.cursor() as cursor:  # plain SQL: the ORM took ten times as long, for every device at opening
        cursor.execute(REGISTRATION_SQL, [device_id])
        row = cursor.fetchone()
    if row is None:
        raise UnknownDevice("این دستگاه در سامانه ثبت نشده است.")
    pk, device_id, kind, is_active, station_pk, station_code, round_pk, public_key = row
    found = Registration(pk, device_id, kind, bool(is_active), station_pk, station_code, round_pk,
                         bytes.fromhex(public_key))  # fmt: skip
    return _cache.put(device_id, found)


def forget(device_id: str) -> None:
    """Drop a cached registration (after a change to the device in this process)."""
    _cache.forget(device_id)


# The signed headers as WSGI names them: read straight from META, without building every header.
SIGNED_HEADERS = tuple(
    (name, "HTTP_" + name.upper().replace("-", "_"))
    for name in (core_devices.HEADER_STATION, core_devices.HEADER_DEVICE, core_devices.HEADER_COUNTER,
                 core_devices.HEADER_TIMESTAMP, core_devices.HEADER_SIGNATURE)
)  # fmt: skip


def authenticate(request: HttpRequest, *, kind: str | None = None) -> DeviceContext:
    """The verified device behind ``request``, or the typed refusal (401/403/409)."""
    meta = request.META
    signed, signature = signed_request(
        method=request.method or "GET",
        path=request.get_full_path(),
        headers={name: meta[key] for name, key in SIGNED_HEADERS if key in meta},
        body=request.body,
    )
    return verify(signed, signature, registration(signed.device_id), kind=kind, now=timezone.now())


def signed_request(
    *, method: str, path: str, headers: dict[str, str], body: bytes
) -> tuple[core_devices.DeviceRequest, bytes]:
    """The signed request and its signature as received (``headers``: the X-Ostan-* ones), or a refusal."""
    if core_devices.HEADER_SIGNATURE not in headers:
        raise UnsignedRequest("درخواست دستگاه امضا ندارد.")
    return core_devices.request_from_headers(method=method, path=path, headers=headers, body=body)


def verify(
    signed: core_devices.DeviceRequest, signature: bytes, device: Registration, *, kind: str | None, now: dt.datetime
) -> DeviceContext:
    """Check ``signed`` against ``device``'s registration (the counter is the action's: see the docstring).

    Every device write passes here, on the API and the gateway alike: a database that does not commit
    durably refuses them all while durability is required (:func:`ostan.durability.ensure_durable`)."""
    ensure_durable()
    core_devices.verify_request(
        device.public_key,
        signed,
        signature,
        expected_station=device.station_code,
        last_counter=None,  # checked atomically by the action (counter_update_sql)
        now=now,
    )
    if not device.is_active:
        raise UnknownDevice("این دستگاه غیرفعال شده است.")
    if kind is not None and device.kind != kind:
        raise WrongDeviceKind("این کار از این نوع دستگاه پذیرفته نیست.")
    return DeviceContext(
        device.pk, device.device_id, device.kind, device.station_id, device.station_code, device.election_round_id,
        device.public_key, signed.counter, now,
    )  # fmt: skip


COUNTER_UPDATE = (
    "UPDATE polling_device SET last_counter = %s WHERE id = %s AND is_active"
    " AND (last_counter IS NULL OR last_counter < %s)"
)


def advance_counter(device: DeviceContext) -> None:
    """Store the request's counter, or raise ReplayedRequest. Call inside the action's transaction."""
    with connection.cursor() as cursor:
        cursor.execute(COUNTER_UPDATE, [device.counter, device.pk, device.counter])
        if cursor.rowcount != 1:
            raise ReplayedRequest("این درخواست پیش‌تر رسیده است (شمارنده تکراری است).")
