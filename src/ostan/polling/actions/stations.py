"""Setting up polling stations: code, address, the constituencies they serve and their officials."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from ostan.accounts.models import Role
from ostan.auditlog.actions import record
from ostan.core.text import normalize
from ostan.elections.models import Constituency, ElectionRound
from ostan.polling.errors import InvalidStation
from ostan.polling.models import Station
from ostan.polling.officials import ensure_election_official
from ostan.territory.models import Unit

if TYPE_CHECKING:
    from ostan.accounts.models import User

STATION_CODE = re.compile(r"[A-Za-z0-9._-]{1,64}")


def _check(unit: Unit, constituencies: Sequence[Constituency], officials: Sequence[User]) -> None:
    if not constituencies:
        raise InvalidStation("شعبه دست‌کم یک حوزهٔ انتخابیه را پوشش می‌دهد.")
    for c in constituencies:
        if not (unit.is_within(c.unit) or c.unit.is_within(unit)):
            raise InvalidStation(f"حوزهٔ «{c.name}» با واحد شعبه هم‌پوشانی ندارد.")
    for person in officials:
        if person.role != Role.STATION_OFFICIAL or person.unit is None or not unit.is_within(person.unit):
            raise InvalidStation(f"«{person.get_username()}» عضو شعبه در این واحد نیست.")


def create_station(
    *,
    actor: User | None,
    election_round: ElectionRound,
    code: str,
    address: str,
    unit: Unit,
    constituencies: Sequence[Constituency],
    officials: Sequence[User] = (),
) -> Station:
    ensure_election_official(actor, unit)
    code, address = normalize(code), normalize(address)
    if not STATION_CODE.fullmatch(code):
        raise InvalidStation("کد شعبه فقط حرف و رقم لاتین، نقطه، خط تیره و زیرخط دارد.")
    if any(c.election_round_id != election_round.pk for c in constituencies):
        raise InvalidStation("حوزه‌های شعبه باید از همین دوره باشند.")
    _check(unit, constituencies, officials)
    with transaction.atomic(durable=True):
        if Station.objects.filter(election_round=election_round, code=code).exists():
            raise InvalidStation(f"شعبهٔ {code} پیش‌تر تعریف شده است.", code="station_exists")
        station = Station.objects.create(
            election_round=election_round, code=code, address=address, unit=unit, opened_at=timezone.now()
        )
        station.constituencies.set(constituencies)
        station.officials.set(officials)
        record(
            actor=actor, event="polling.station_created", obj=station, unit=unit,
            after={"code": code, "address": address, "constituencies": [c.pk for c in constituencies],
                   "officials": [o.pk for o in officials]},
        )  # fmt: skip
    return station


def add_official(*, actor: User | None, station: Station, official: User) -> Station:
    ensure_election_official(actor, station.unit)
    _check(station.unit, list(station.constituencies.all()), [official])
    with transaction.atomic(durable=True):
        station.officials.add(official)
        record(actor=actor, event="polling.station_official_added", obj=station, unit=station.unit,
               after={"official": official.pk})  # fmt: skip
    return station
