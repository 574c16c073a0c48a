"""Closing a station: the minutes of each constituency it serves (forms 29/31), built by the core from
the station's own check-ins and ballots, checked (any problem blocks closing), then signed by the
station's device and confirmed by its officials."""

from __future__ import annotations

import base64
import binascii
import datetime as dt

from django.db import transaction
from django.utils import timezone

from ostan.auditlog.actions import action, record
from ostan.core.access import Actor, ensure
from ostan.core.errors import DomainError
from ostan.core.polling.canonical import canonical_json, sha256_hex
from ostan.core.polling.devices import is_document_signature_valid
from ostan.core.polling.minutes import MINUTES_CONTEXT, check_minutes, minutes_to_json
from ostan.polling.constituencies import info as constituency_info
from ostan.polling.device_requests import DEVICES, DeviceContext, advance_counter
from ostan.polling.edge.stations import forget
from ostan.polling.errors import MinutesInconsistent, StationClosed
from ostan.polling.events import PollingEvent
from ostan.polling.minutes_records import minutes_bytes, station_minutes
from ostan.polling.models import (
    Device,
    MinutesConfirmation,
    Station,
    StationMinutes,
    StationStatus,
    TokenHolder,
)
from ostan.polling.permissions import RUN_STATION
from ostan.territory.scope import target_of


@action()
def close_station(*, actor: Actor, station: Station, now: dt.datetime | None = None) -> list[StationMinutes]:
    """Close ``station`` and store its minutes, or raise MinutesInconsistent and change nothing."""
    ensure(actor, RUN_STATION, target_of(station.unit))
    closed_at = (now or timezone.now()).replace(microsecond=0)
    with transaction.atomic(durable=True):
        station = Station.objects.select_for_update().get(pk=station.pk)
        if station.status != StationStatus.OPEN:
            raise StationClosed("این شعبه پیش‌تر بسته شده است.")
        pks = list(station.constituencies.order_by("pk").values_list("pk", flat=True))
        built = [(pk, station_minutes(station, pk, closed_at)) for pk in pks]
        problems = [
            {"constituency": pk, "code": p.code, "message": p.message, "field": p.field}
            for pk, m in built for p in check_minutes(m, constituency_info(pk).core)
        ]  # fmt: skip
        if problems:
            text = " ".join(str(p["message"]) for p in problems)
            raise MinutesInconsistent(f"بستن شعبه ممکن نیست: {text}", details={"problems": problems})
        stored = [
            StationMinutes.objects.create(
                station=station,
                constituency_id=pk,
                form=m.form,
                document=minutes_to_json(m),
                digest=sha256_hex(canonical_json(minutes_to_json(m))),
            )
            for pk, m in built
        ]
        station.status, station.closed_at = StationStatus.CLOSED, closed_at
        station.save(update_fields=["status", "closed_at"])
        # No token of a closed station can be spent: the rows joining check-ins to tokens go now.
        TokenHolder.objects.filter(station=station).delete()
        record(actor=actor, event=PollingEvent.STATION_CLOSED, obj=station, unit=station.unit,
               after={"minutes": [m.digest for m in stored]})  # fmt: skip
    forget(station.pk)
    return stored


@action()
def sign_minutes(*, device: DeviceContext, minutes: StationMinutes, signature_b64: str) -> StationMinutes:
    """Store the device's Ed25519 signature of the minutes after checking it with its registered key."""
    if minutes.station_id != device.station_id:
        raise DomainError("این صورتجلسه از شعبهٔ این دستگاه نیست.", code="foreign_station", details=None)
    try:
        signature = base64.b64decode(signature_b64, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise DomainError("امضا خوانا نیست.", code="bad_signature") from exc
    if not is_document_signature_valid(device.public_key, MINUTES_CONTEXT, minutes_bytes(minutes), signature):
        raise DomainError("امضای صورتجلسه با کلید ثبت‌شدهٔ دستگاه نمی‌خواند.", code="bad_signature")
    with transaction.atomic(durable=True):
        advance_counter(device)
        locked = StationMinutes.objects.select_for_update().get(pk=minutes.pk)
        if locked.is_signed:
            raise DomainError("این صورتجلسه پیش‌تر امضا شده است.", code="minutes_signed", details=None)
        locked.signature = base64.b64encode(signature).decode("ascii")
        locked.signed_by = Device.objects.get(pk=device.pk)
        locked.signed_at = device.at
        locked.save(update_fields=["signature", "signed_by", "signed_at"])
        record(actor=DEVICES, event=PollingEvent.MINUTES_SIGNED, obj=locked, object_label=device.device_id,
               after={"digest": locked.digest})  # fmt: skip
    return locked


@action()
def confirm_minutes(*, actor: Actor, minutes: StationMinutes, now: dt.datetime | None = None) -> MinutesConfirmation:
    """A station official confirms the signed minutes (each official once)."""
    station = minutes.station
    ensure(actor, RUN_STATION, target_of(station.unit))
    if not station.officials.filter(pk=actor.own_id).exists():
        raise DomainError("فقط اعضای همین شعبه صورتجلسه را تأیید می‌کنند.", code="not_station_official", details=None)
    if not minutes.is_signed:
        raise DomainError("صورتجلسه هنوز با کلید دستگاه امضا نشده است.", code="minutes_unsigned", details=None)
    with transaction.atomic(durable=True):
        if MinutesConfirmation.objects.filter(minutes=minutes, official_id=actor.own_id).exists():
            raise DomainError("شما این صورتجلسه را پیش‌تر تأیید کرده‌اید.", code="already_confirmed", details=None)
        confirmation = MinutesConfirmation.objects.create(
            minutes=minutes, official_id=actor.own_id, confirmed_at=now or timezone.now()
        )
        record(actor=actor, event=PollingEvent.MINUTES_CONFIRMED, obj=minutes, unit=station.unit)
    return confirmation
