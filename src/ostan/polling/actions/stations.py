"""Setting up polling stations: code, address, the constituencies they serve and their officials."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from ostan.access.models import holding
from ostan.accounts.models import User
from ostan.auditlog.actions import action, record
from ostan.core.access import Actor, Role, ensure
from ostan.core.text import normalize
from ostan.elections.models import Constituency, ElectionRound
from ostan.polling.errors import InvalidStation
from ostan.polling.events import PollingEvent
from ostan.polling.models import Station
from ostan.polling.permissions import SET_UP_STATIONS
from ostan.territory.models import Unit
from ostan.territory.scope import target_of

STATION_CODE = re.compile(r"[A-Za-z0-9._-]{1,64}")


def _check(unit: Unit, constituencies: Sequence[Constituency], officials: Sequence[User]) -> None:
    if not constituencies:
        raise InvalidStation("شعبه دست‌کم یک حوزهٔ انتخابیه را پوشش می‌دهد.")
    for c in constituencies:
        if not (unit.is_within(c.unit) or c.unit.is_within(unit)):
            raise InvalidStation(f"حوزهٔ «{c.name}» با واحد شعبه هم‌پوشانی ندارد.")
    posts = holding(Role.STATION_OFFICIAL, timezone.now()).filter(person__in=officials).select_related("unit")
    eligible = {post.person_id for post in posts if post.unit is not None and unit.is_within(post.unit)}
    for person in officials:
        if person.pk not in eligible:
            raise InvalidStation(f"«{person.get_username()}» عضو شعبه در این واحد نیست.")


@action()
def create_station(
    *,
    actor: Actor,
    election_round: ElectionRound,
    code: str,
    address: str,
    unit: Unit,
    constituencies: Sequence[Constituency],
    officials: Sequence[User] = (),
    latitude: Decimal | None = None,
    longitude: Decimal | None = None,
) -> Station:
    ensure(actor, SET_UP_STATIONS, target_of(unit))
    code, address = normalize(code), normalize(address)
    _check_place(latitude, longitude)
    if not STATION_CODE.fullmatch(code):
        raise InvalidStation("کد شعبه فقط حرف و رقم لاتین، نقطه، خط تیره و زیرخط دارد.")
    if any(c.election_round_id != election_round.pk for c in constituencies):
        raise InvalidStation("حوزه‌های شعبه باید از همین دوره باشند.")
    _check(unit, constituencies, officials)
    with transaction.atomic(durable=True):
        if Station.objects.filter(election_round=election_round, code=code).exists():
            raise InvalidStation(f"شعبهٔ {code} پیش‌تر تعریف شده است.", code="station_exists")
        station = Station.objects.create(
            election_round=election_round, code=code, address=address, unit=unit, opened_at=timezone.now(),
            latitude=latitude, longitude=longitude,
        )  # fmt: skip
        station.constituencies.set(constituencies)
        station.officials.set(officials)
        record(
            actor=actor, event=PollingEvent.STATION_CREATED, obj=station, unit=unit,
            after={"code": code, "address": address, "constituencies": [c.pk for c in constituencies],
                   "officials": [o.pk for o in officials], "latitude": latitude, "longitude": longitude},
        )  # fmt: skip
    return station


# Iran lies within 25–40° N and 44–64° E; a position outside that box is a typing mistake (swapped fields).
LATITUDES, LONGITUDES = (Decimal(24), Decimal(41)), (Decimal(43), Decimal(64))


def _check_place(latitude: Decimal | None, longitude: Decimal | None) -> None:
    if (latitude is None) != (longitude is None):
        raise InvalidStation("برای جای شعبه روی نقشه هم عرض و هم طول جغرافیایی لازم است.", code="station_place_invalid")
    if latitude is None or longitude is None:
        return
    if not (LATITUDES[0] <= latitude <= LATITUDES[1] and LONGITUDES[0] <= longitude <= LONGITUDES[1]):
        raise InvalidStation(
            "جای شعبه در ایران نیست؛ عرض جغرافیایی میان ۲۴ و ۴۱ و طول میان ۴۳ و ۶۴ درجه است.",
            code="station_place_invalid",
        )


@action()
def add_official(*, actor: Actor, station: Station, official: User) -> Station:
    ensure(actor, SET_UP_STATIONS, target_of(station.unit))
    _check(station.unit, list(station.constituencies.all()), [official])
    with transaction.atomic(durable=True):
        station.officials.add(official)
        record(actor=actor, event=PollingEvent.STATION_OFFICIAL_ADDED, obj=station, unit=station.unit,
               after={"official": official.pk})  # fmt: skip
    return station
