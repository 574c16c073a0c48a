"""An election day the demo's officials can run from the pages, start to finish: a city council of its
own in the demo round (not yet counted, so polls are open), three polling stations, an authentication
and a voting device per station, a synthetic roll of the city, and the accounts that run the day: the
stations' head (supervisor) and a member, the constituency's official and the county's official.

Idempotent: what exists is left alone. Device keys derive from the printed seeds with
:func:`ostan.polling.simulator.seed_key`, so a Python simulator (or a drill) can sign as these devices.
The browser pages make their own non-extractable keys instead: open /polling/checkin/ or
/polling/kiosk/, read the public key shown, and register it for a station (``register_device``).
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from django.utils import timezone

from ostan.access.models import holding
from ostan.accounts import actions as accounts
from ostan.accounts.demo import DEMO_CITIZEN_NATIONAL_CODE, DEMO_PASSWORD
from ostan.accounts.models import User
from ostan.core.access import Role
from ostan.core.charts.locator import inside_point, unproject
from ostan.core.polling.devices import device_keys
from ostan.core.text import normalize
from ostan.elections import actions as elections
from ostan.elections.demo import DEMO_PROVINCE, DEMO_SYSTEM, create_demo_elections
from ostan.elections.models import Constituency, ConstituencyKind, ElectionRound, RoundStatus
from ostan.polling import actions
from ostan.polling.models import Device, DeviceKind, RollVoter, Station
from ostan.polling.simulator import seed_key
from ostan.territory.maps import county_outline
from ostan.territory.models import Unit, UnitKind

STATIONS = 3
ROLL_SIZE = 3_000
ROLL_SEED = 14051  # not the seed an earlier demo used for another city: a seed makes one roll
DAY_SUFFIX = " " + normalize("(روز رأی‌گیری نمایشی)")  # as the constituency stores its name
LARGEST_CITY = 500_000  # a plurality council (larger cities count proportionally from the 8th round)
CANDIDATES = [("نرگس", "امینی"), ("حمید", "کیانی"), ("مریم", "فاضلی"), ("رضا", "داوری"), ("سارا", "نادری"),
              ("مهدی", "سبحانی"), ("لیلا", "پاکزاد"), ("امیر", "شهابی"), ("زهرا", "نصیری"), ("علی", "رستمی"),
              ("فاطمه", "کریمی"), ("حسن", "یزدانی")]  # fmt: skip


def _candidates_csv() -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("code", "national_code", "first_name", "last_name", "is_veteran", "education"))
    for i, (first, last) in enumerate(CANDIDATES):
        writer.writerow((str(101 + i), "", first, last, "خیر", "کارشناسی"))
    return out.getvalue().encode()


def _day_constituency(election_round: ElectionRound) -> Constituency | None:
    """The day's council: a city of the demo province (else anywhere) no constituency of the round holds."""
    found = Constituency.objects.filter(election_round=election_round, name__endswith=DAY_SUFFIX).first()
    if found is not None:
        return found
    taken = Constituency.objects.filter(election_round=election_round).values_list("unit_id", flat=True)
    cities = Unit.objects.filter(kind=UnitKind.CITY, population__gt=0, population__lte=LARGEST_CITY).exclude(
        pk__in=taken
    )
    unit = (cities.filter(path__contains=f"/{DEMO_PROVINCE}/") or cities).order_by("code").first()
    if unit is None:
        return None
    c = elections.create_constituency(
        actor=DEMO_SYSTEM, election_round=election_round, unit=unit, kind=ConstituencyKind.CITY_COUNCIL,
        name=unit.name + DAY_SUFFIX,
    )  # fmt: skip
    elections.import_candidates(actor=DEMO_SYSTEM, constituency=c, file_name="candidates.csv", data=_candidates_csv())
    return c


def _county_of(unit: Unit) -> Unit:
    parts = unit.path.split("/")
    counties = Unit.objects.filter(path__in=["/".join(parts[: i + 1]) for i in range(len(parts))], kind=UnitKind.COUNTY)
    return counties.first() or unit


def _people(city: Constituency) -> list[tuple[User, str]]:
    """The day's accounts (made once), each with what they can do."""
    county = _county_of(city.unit)
    plan = [
        ("demo_day_head", "رئیس شعبه (نمایشی)", Role.STATION_OFFICIAL, city.unit,
         "رئیس شعبه: باطل‌کردن رمز خراب یا گم‌شده و صدور کد تازه، بستن شعبه (با تأیید)، امضای صورتجلسه با"
         " دستگاه شعبه، تأیید صورتجلسه"),
        ("demo_day_member", "عضو شعبه (نمایشی)", Role.STATION_OFFICIAL, city.unit,
         "عضو شعبه: پذیرش رأی‌دهندگان (کد کوتاه نُه‌رقمی و QR برای دستگاه رأی‌گیری)، باطل‌کردن رمز گم‌شده،"
         " تأیید صورتجلسه"),
        ("demo_day_constituency", "مسئول انتخابات حوزه (نمایشی)", Role.CONSTITUENCY_ELECTION_OFFICIAL, city.unit,
         "مسئول حوزه: دیدن روند روز، انتشار شعبه‌ها، تجمیع و اعلام نتیجهٔ حوزه"),
        ("demo_day_county", "مسئول انتخابات شهرستان (نمایشی)", Role.COUNTY_ELECTION_OFFICIAL, county,
         "مسئول شهرستان: همان کارهای مسئول حوزه برای همهٔ حوزه‌های شهرستان"),
    ]  # fmt: skip
    people = []
    for username, full_name, role, unit, can in plan:
        user = User.objects.filter(username=username).first() or accounts.create_staff_account(
            actor=DEMO_SYSTEM, username=username, full_name=full_name, role=role, unit=unit,
            password=DEMO_PASSWORD, must_change_password=False,
        )  # fmt: skip
        people.append((user, can))
    return people


def _place(unit: Unit, number: int) -> tuple[Decimal | None, Decimal | None]:
    """A demo position inside the city's county outline, stations a few hundred metres apart."""
    county = county_outline(unit.path)
    spot = inside_point(county.d) if county else None
    if spot is None:
        return None, None
    longitude, latitude = unproject(*spot)
    step = Decimal("0.004") * (number - 1)
    return Decimal(f"{latitude:.5f}") + step, Decimal(f"{longitude:.5f}") + step


def _station(election_round: ElectionRound, city: Constituency, number: int) -> Station:
    code = f"R{election_round.number}-{number:03d}"
    station = Station.objects.filter(election_round=election_round, code=code).first()
    if station is None:
        latitude, longitude = _place(city.unit, number)
        station = actions.create_station(
            actor=DEMO_SYSTEM, election_round=election_round, code=code,
            address=f"{city.unit.name}، حوزهٔ رأی‌گیری {number}", unit=city.unit, constituencies=[city],
            latitude=latitude, longitude=longitude,
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


def _enrol_demo_citizen(election_round: ElectionRound, city: Constituency) -> None:
    """The demo citizen is on the day's roll, so their page («رأی من») shows a constituency and its stations."""
    if RollVoter.objects.filter(election_round=election_round, national_code=DEMO_CITIZEN_NATIONAL_CODE).exists():
        return
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("national_code", "first_name", "last_name", "birth_date", "gender", "residence_unit_path"))
    writer.writerow((DEMO_CITIZEN_NATIONAL_CODE, "شهروند", "نمایشی", "1370/01/01", "زن", city.unit.path))
    actions.import_roll(
        actor=DEMO_SYSTEM, election_round=election_round, unit=city.unit, file_name="demo-citizen.csv",
        data=out.getvalue().encode(),
    )  # fmt: skip


def create_demo_polling() -> list[str]:
    """Create (or finish) the election-day demo and describe it, one line per fact."""
    create_demo_elections()
    election_round = ElectionRound.objects.order_by("-number").first()
    city = _day_constituency(election_round) if election_round is not None else None
    if election_round is None or city is None:
        return ["شهری بی‌حوزه در دادهٔ نمایشی نیست؛ روز رأی‌گیری نمایشی ساخته نشد."]
    lines = [f"روز رأی‌گیری نمایشی: {city} ({election_round.name}) — روند روز: /results/day/"]
    people = _people(city)
    for number in range(1, STATIONS + 1):
        station = _station(election_round, city, number)
        lines.append(f"شعبه {station.code}: {station.address}")
        lines += _devices(station)
    if not RollVoter.objects.filter(election_round=election_round, constituency=city).exists():
        actions.generate_roll(
            actor=DEMO_SYSTEM, election_round=election_round, unit=city.unit, size=ROLL_SIZE, seed=ROLL_SEED
        )
    _enrol_demo_citizen(election_round, city)
    if election_round.status in (RoundStatus.DRAFT, RoundStatus.CANDIDATES):  # polls are open: candidates are public
        elections.set_round_status(actor=DEMO_SYSTEM, election_round=election_round, status=RoundStatus.VOTING)
    voters = RollVoter.objects.filter(election_round=election_round, constituency=city)
    sample = voters.order_by("national_code").values_list("national_code", flat=True)[:3]
    lines.append(f"فهرست رأی‌دهندگان: {voters.count()} نفر؛ نمونه کد ملی: {'، '.join(sample)}")
    lines.append("تأیید هویت نمایشی: چهار رقم آخر کد ملی.")
    lines.append(f"شهروند نمایشی ({DEMO_CITIZEN_NATIONAL_CODE}) در فهرست این حوزه است: /polling/mine/")
    lines.append(f"راهنمای رأی‌دهندهٔ این حوزه: /polling/guide/{city.pk}/")
    lines.append(f"کسانی که این روز را پیش می‌برند (گذرواژه {DEMO_PASSWORD}):")
    lines += [f"  {user.username}: {can}" for user, can in people]
    return lines
