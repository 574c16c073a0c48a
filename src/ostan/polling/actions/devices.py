"""Registering station devices: the public key a station official reads from the device's screen."""

from __future__ import annotations

import re

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from django.db import transaction

from ostan.auditlog.actions import action, record
from ostan.core.access import Actor, ensure
from ostan.core.errors import DomainError
from ostan.core.polling.devices import key_fingerprint
from ostan.polling import device_requests
from ostan.polling.events import PollingEvent
from ostan.polling.models import Device, DeviceKind, Station
from ostan.polling.permissions import RUN_STATION
from ostan.territory.scope import target_of

DEVICE_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
PUBLIC_KEY_HEX = re.compile(r"[0-9a-f]{64}")


@action()
def register_device(*, actor: Actor, station: Station, device_id: str, kind: str, public_key: str) -> Device:
    """Bind a device's Ed25519 public key (64 hex digits) to ``station``; audited with its fingerprint."""
    ensure(actor, RUN_STATION, target_of(station.unit))
    public_key = public_key.strip().lower()
    if not DEVICE_ID.fullmatch(device_id) or kind not in DeviceKind.values:
        raise DomainError("شناسه یا نوع دستگاه نادرست است.", code="invalid_device")
    if not PUBLIC_KEY_HEX.fullmatch(public_key):
        raise DomainError("کلید عمومی دستگاه باید ۶۴ رقم شانزده‌شانزدهی باشد.", code="invalid_key")
    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_key))
    except ValueError as exc:
        raise DomainError("کلید عمومی دستگاه معتبر نیست.", code="invalid_key") from exc
    with transaction.atomic(durable=True):
        if Device.objects.filter(device_id=device_id).exists():
            raise DomainError("دستگاهی با این شناسه پیش‌تر ثبت شده است.", code="device_exists")
        device = Device.objects.create(device_id=device_id, station=station, kind=kind, public_key=public_key)
        record(
            actor=actor, event=PollingEvent.DEVICE_REGISTERED, obj=device, unit=station.unit,
            after={"station": station.code, "kind": kind, "fingerprint": key_fingerprint(bytes.fromhex(public_key))},
        )  # fmt: skip
    device_requests.forget(device_id)
    return device


@action()
def deactivate_device(*, actor: Actor, device: Device) -> Device:
    ensure(actor, RUN_STATION, target_of(device.station.unit))
    with transaction.atomic(durable=True):
        Device.objects.filter(pk=device.pk).update(is_active=False)
        record(actor=actor, event=PollingEvent.DEVICE_DEACTIVATED, obj=device, unit=device.station.unit)
    device_requests.forget(device.device_id)
    device.is_active = False
    return device
