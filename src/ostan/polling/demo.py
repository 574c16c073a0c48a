"""A small election day on top of the elections demo: the demo city council (plurality), three polling
stations, an authentication and a voting device per station, and a synthetic roll of the city.

Idempotent: what exists is left alone. Device keys derive from the printed seeds with
:func:`ostan.polling.simulator.seed_key`, so a Python simulator (or a drill) can sign as these devices.
The browser pages make their own non-extractable keys instead: open /polling/checkin/ or
/polling/kiosk/, read the public key shown, and register it for a station (``register_device``).
"""

from __future__ import annotations

from django.utils import timezone

from ostan.access.models import holding
from ostan.accounts.models import User
from ostan.core.access import Role
from ostan.core.polling.devices import device_keys
from ostan.elections.demo import DEMO_SYSTEM, create_demo_elections
from ostan.elections.models import Constituency, ConstituencyKind, ElectionRound
from ostan.polling import actions
from ostan.polling.models import Device, DeviceKind, RollVoter, Station
from ostan.polling.simulator import seed_key

STATIONS = 3
ROLL_SIZE = 3_000
ROLL_SEED = 1405


def _city(round_number: int) -> Constituency | None:
    return (
        Constituency.objects.filter(election_round__number=round_number, kind=ConstituencyKind.CITY_COUNCIL)
        .select_related("unit", "election_round")
        .order_by("pk")
        .first()
    )


def _station(election_round: ElectionRound, city: Constituency, number: int) -> Station:
    code = f"D{election_round.number}-{number:03d}"
    station = Station.objects.filter(election_round=election_round, code=code).first()
    if station is None:
        station = actions.create_station(
            actor=DEMO_SYSTEM, election_round=election_round, code=code,
            address=f"{city.unit.name}، حوزهٔ رأی‌گیری {number}", unit=city.unit, constituencies=[city],
        )  # fmt: skip
    for post in holding(Role.STATION_OFFICIAL, timezone.now()).filter(unit__isnull=False).select_related("unit"):
        person = User.objects.get(pk=post.person_id)
        if city.unit.is_within(post.unit) and not station.officials.filter(pk=person.pk).exists():  # type: ignore[arg-type]
            actions.add_official(actor=DEMO_SYSTEM, station=station, official=person)
    return station


def _devices(station: Station) -> list[str]:
    lines = []
    for kind in (DeviceKind.AUTHENTICATION, DeviceKind.VOTING):
        device_id = f"{station.code}-{kind}"
        seed = f"demo|{device_id}"
        if not Device.objects.filter(device_id=device_id).exists():
            public = device_keys(seed_key(seed)).public_key.hex()
            actions.register_device(
                actor=DEMO_SYSTEM, station=station, device_id=device_id, kind=kind, public_key=public
            )
        lines.append(f"  دستگاه {device_id} (بذر کلید نمایشی «{seed}»)")
    return lines


def create_demo_polling(*, round_number: int = 7) -> list[str]:
    """Create (or finish) the election-day demo and describe it, one line per fact."""
    create_demo_elections()
    city = _city(round_number)
    if city is None:
        return ["شورای شهری در دادهٔ نمایشی انتخابات نیست؛ روز رأی‌گیری نمایشی ساخته نشد."]
    election_round = city.election_round
    lines = [f"روز رأی‌گیری نمایشی: {city} ({election_round.name})"]
    for number in range(1, STATIONS + 1):
        station = _station(election_round, city, number)
        lines.append(f"شعبه {station.code}: {station.address}")
        lines += _devices(station)
    if not RollVoter.objects.filter(election_round=election_round, constituency=city).exists():
        actions.generate_roll(
            actor=DEMO_SYSTEM, election_round=election_round, unit=city.unit, size=ROLL_SIZE, seed=ROLL_SEED
        )
    voters = RollVoter.objects.filter(election_round=election_round, constituency=city)
    sample = voters.order_by("national_code").values_list("national_code", flat=True)[:3]
    lines.append(f"فهرست رأی‌دهندگان: {voters.count()} نفر؛ نمونه کد ملی: {'، '.join(sample)}")
    lines.append("تأیید هویت نمایشی: چهار رقم آخر کد ملی.")
    return lines
