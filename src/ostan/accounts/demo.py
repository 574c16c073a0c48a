"""Demo accounts: one per role, bound to sensible units, with a fixed, printed password.

For demonstrations only. The password is public (it is in this file and printed by ``load_demo``);
never run this against a database that real people use. Running it twice changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from ostan.accounts import actions
from ostan.accounts.models import Role, User
from ostan.auditlog.actions import record, snapshot
from ostan.core.errors import NotFound
from ostan.territory.models import PATH_SEPARATOR, Unit, UnitKind

DEMO_PASSWORD = "ostan-demo-1405"  # noqa: S105 — public by design, see the module docstring
DEMO_CITIZEN_NATIONAL_CODE = "0499370899"
DEMO_CITIZEN_MOBILE = "09120000000"
CITIZEN_SIGN_IN = "با کد ملی و پیامک"


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    role_label: str
    unit_name: str


def _unit(code: str) -> Unit:
    unit = Unit.objects.filter(code=code).first()
    if unit is None:
        raise NotFound(f"واحدی با کد «{code}» یافت نشد؛ ابتدا تقسیمات کشوری را بارگذاری کنید.")
    return unit


def _first_city_in(county: Unit) -> Unit:
    city = Unit.objects.filter(path__startswith=county.path + PATH_SEPARATOR, kind=UnitKind.CITY).order_by("path")
    return city.first() or county


def _bootstrap_admin(username: str) -> User:
    """The first administrator has no one above to create it: the system does, and says so in the log."""
    existing = User.objects.filter(username=username).first()
    if existing is not None:
        return existing
    with transaction.atomic(durable=True):
        admin = User.objects.create_user(
            username=username,
            password=DEMO_PASSWORD,
            first_name="مدیر سامانه (نمایشی)",
            role=Role.SYSTEM_ADMINISTRATOR,
            is_staff=True,
            is_superuser=True,
        )
        record(actor=None, event="accounts.create", obj=admin, after=snapshot(admin, actions.AUDITED_FIELDS))
    return admin


def _demo_citizen() -> User:
    existing = User.objects.filter(username=DEMO_CITIZEN_NATIONAL_CODE).first()
    if existing is not None:
        return existing
    with transaction.atomic(durable=True):
        citizen = User(
            username=DEMO_CITIZEN_NATIONAL_CODE,
            national_code=DEMO_CITIZEN_NATIONAL_CODE,
            mobile=DEMO_CITIZEN_MOBILE,
            first_name="شهروند نمایشی",
            role=Role.CITIZEN,
        )
        citizen.set_unusable_password()
        citizen.save()
        record(actor=None, event="accounts.create", obj=citizen, after=snapshot(citizen, actions.AUDITED_FIELDS))
    return citizen


def create_demo_accounts(*, province_code: str, county_code: str, other_county_code: str) -> list[DemoAccount]:
    """Create (or find) the demo accounts and return them for printing."""
    country, province = _unit("IR"), _unit(province_code)
    county, other_county = _unit(county_code), _unit(other_county_code)
    city = _first_city_in(county)
    plan: list[tuple[str, str, str, Unit]] = [
        ("demo_country", "مسئول ستاد انتخابات کشور (نمایشی)", Role.COUNTRY_ELECTION_OFFICIAL, country),
        ("demo_province", "مسئول انتخابات استان (نمایشی)", Role.PROVINCE_ELECTION_OFFICIAL, province),
        ("demo_county", "مسئول انتخابات شهرستان (نمایشی)", Role.COUNTY_ELECTION_OFFICIAL, county),
        ("demo_county_other", "مسئول انتخابات شهرستان دیگر (نمایشی)", Role.COUNTY_ELECTION_OFFICIAL, other_county),
        ("demo_constituency", "مسئول انتخابات حوزه (نمایشی)", Role.CONSTITUENCY_ELECTION_OFFICIAL, city),
        ("demo_station", "عضو شعبه (نمایشی)", Role.STATION_OFFICIAL, city),
        ("demo_governorate", "کارشناس استانداری (نمایشی)", Role.GOVERNOR_OFFICE_STAFF, province),
        ("demo_desk", "کارشناس میز خدمت (نمایشی)", Role.SERVICE_DESK_CLERK, county),
        ("demo_agency", "کارشناس دستگاه (نمایشی)", Role.AGENCY_OFFICER, county),
        ("demo_institution", "نماینده نهاد (نمایشی)", Role.INSTITUTION_REPRESENTATIVE, city),
        ("demo_observer", "ناظر (نمایشی)", Role.OBSERVER, province),
    ]
    admin = _bootstrap_admin("demo_admin")
    accounts = [DemoAccount(admin.username, DEMO_PASSWORD, Role.SYSTEM_ADMINISTRATOR.label, "سراسر کشور")]
    for username, full_name, role, unit in plan:
        user = User.objects.select_related("unit").filter(username=username).first()
        if user is None:
            user = actions.create_staff_account(
                actor=admin,
                username=username,
                full_name=full_name,
                role=role,
                unit=unit,
                password=DEMO_PASSWORD,
                must_change_password=False,  # the demo's password is printed for every visitor to use
            )
        accounts.append(
            DemoAccount(username, DEMO_PASSWORD, user.get_role_display(), user.unit.name if user.unit else "")
        )
    citizen = _demo_citizen()
    accounts.append(DemoAccount(citizen.username, CITIZEN_SIGN_IN, citizen.get_role_display(), ""))
    return accounts
