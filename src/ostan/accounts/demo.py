"""Demo accounts: one per role, each with a post at a sensible unit (and organisation), one person with two
posts to show switching between them, and a fixed, printed password.

For demonstrations only. The password is public (it is in this file and printed by ``load_demo``);
never run this against a database that real people use. Running it twice changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from ostan.access.actors import actor_for
from ostan.access.demo import DEMO_SYSTEM, DemoOrganisations
from ostan.access.models import Organisation, Post
from ostan.accounts import actions
from ostan.accounts.authority import account_facts, posts_held
from ostan.accounts.events import AccountsEvent
from ostan.accounts.models import User
from ostan.auditlog.actions import record
from ostan.core.access import Role
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
            is_staff=True,
            is_superuser=True,
        )
        Post.objects.create(person=admin, role=Role.SYSTEM_ADMINISTRATOR, starts_at=admin.date_joined)
        record(actor=DEMO_SYSTEM, event=AccountsEvent.ACCOUNT_CREATED, obj=admin, after=account_facts(admin))
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
        )
        citizen.set_unusable_password()
        citizen.save()
        record(actor=DEMO_SYSTEM, event=AccountsEvent.ACCOUNT_CREATED, obj=citizen, after=account_facts(citizen))
    return citizen


Plan = list[tuple[str, str, Role, Unit, Organisation | None]]


def _plan(province: Unit, county: Unit, other: Unit, city: Unit, orgs: DemoOrganisations) -> Plan:
    country = _unit("IR") if Unit.objects.filter(code="IR").exists() else province
    return [
        ("demo_country", "مسئول ستاد انتخابات کشور (نمایشی)", Role.COUNTRY_ELECTION_OFFICIAL, country, None),
        ("demo_province", "مسئول انتخابات استان (نمایشی)", Role.PROVINCE_ELECTION_OFFICIAL, province, None),
        ("demo_county", "مسئول انتخابات شهرستان (نمایشی)", Role.COUNTY_ELECTION_OFFICIAL, county, None),
        ("demo_county_other", "مسئول انتخابات شهرستان دیگر (نمایشی)", Role.COUNTY_ELECTION_OFFICIAL, other, None),
        ("demo_constituency", "مسئول انتخابات حوزه (نمایشی)", Role.CONSTITUENCY_ELECTION_OFFICIAL, city, None),
        ("demo_station", "عضو شعبه (نمایشی)", Role.STATION_OFFICIAL, city, None),
        ("demo_governor", "فرماندار (نمایشی)", Role.GOVERNOR, county, orgs.county_office),
        ("demo_governorate", "کارشناس استانداری (نمایشی)", Role.GOVERNOR_OFFICE_STAFF, province, orgs.governorate),
        ("demo_inspection", "کارشناس بازرسی استانداری (نمایشی)", Role.INSPECTION_OFFICER, province, orgs.inspection),
        ("demo_desk", "کارشناس میز خدمت (نمایشی)", Role.SERVICE_DESK_CLERK, county, orgs.county_office),
        ("demo_agency", "کارشناس آب و فاضلاب (نمایشی)", Role.AGENCY_OFFICER, county, orgs.water_branch),
        ("demo_agency_city", "کارشناس شهرداری (نمایشی)", Role.AGENCY_OFFICER, city, orgs.municipality),
        ("demo_institution", "نمایندهٔ مسجد (نمایشی)", Role.INSTITUTION_REPRESENTATIVE, city, orgs.mosque),
        (
            "demo_redcrescent",
            "نمایندهٔ هلال احمر (نمایشی)",
            Role.INSTITUTION_REPRESENTATIVE,
            city,
            orgs.red_crescent_branch,
        ),
        ("demo_secretary", "دبیر شورای پیشرفت محله (نمایشی)", Role.COUNCIL_SECRETARY, city, None),
        ("demo_council", "دبیرخانهٔ شورای اطلاع‌رسانی استان (نمایشی)", Role.INFORMATION_COUNCIL, province, None),
        ("demo_observer", "ناظر (نمایشی)", Role.OBSERVER, province, None),
    ]


def _ensure(
    admin_actor: object, username: str, full_name: str, role: Role, unit: Unit, org: Organisation | None
) -> User:
    user = User.objects.filter(username=username).first()
    if user is None:
        user = actions.create_staff_account(
            actor=admin_actor,  # type: ignore[arg-type]
            username=username,
            full_name=full_name,
            role=role,
            unit=unit,
            organisation=org,
            password=DEMO_PASSWORD,
            must_change_password=False,  # the demo's password is printed for every visitor to use
        )
    return user


def _describe(user: User) -> DemoAccount:
    posts = posts_held(user)
    roles = " + ".join(p.get_role_display() for p in posts)
    units = " + ".join(p.unit.name if p.unit else "سراسر کشور" for p in posts)
    return DemoAccount(user.username, DEMO_PASSWORD, roles, units)


def create_demo_accounts(
    *, province_code: str, county_code: str, other_county_code: str, organisations: DemoOrganisations
) -> list[DemoAccount]:
    """Create (or find) the demo accounts and return them for printing."""
    province, county, other = _unit(province_code), _unit(county_code), _unit(other_county_code)
    city = _first_city_in(county)
    admin = _bootstrap_admin("demo_admin")
    admin_actor = actor_for(admin)
    accounts = [DemoAccount(admin.username, DEMO_PASSWORD, Role.SYSTEM_ADMINISTRATOR.label, "سراسر کشور")]
    for username, full_name, role, unit, org in _plan(province, county, other, city, organisations):
        accounts.append(_describe(_ensure(admin_actor, username, full_name, role, unit, org)))
    # Two بخشدار at their district offices under the demo county's office (circulars reach them).
    districts = Organisation.objects.filter(parent=organisations.county_office, kind="district_office")
    for i, office in enumerate(districts.select_related("seat").order_by("code")[:2], start=1):
        username = "demo_district" if i == 1 else f"demo_district_{i}"
        full_name = f"بخشدار {office.seat.name} (نمایشی)"
        accounts.append(_describe(_ensure(admin_actor, username, full_name, Role.GOVERNOR, office.seat, office)))
    # One person in two posts: the province's election official who also sits at the county's desk.
    two = _ensure(
        admin_actor, "demo_two_posts", "کارشناس دوسمتی (نمایشی)", Role.PROVINCE_ELECTION_OFFICIAL, province, None
    )
    if len(posts_held(two)) < 2:
        actions.add_post(
            actor=admin_actor, account_id=two.pk, role=Role.SERVICE_DESK_CLERK, unit=county,
            organisation=organisations.county_office,
        )  # fmt: skip
    accounts.append(_describe(two))
    citizen = _demo_citizen()
    accounts.append(DemoAccount(citizen.username, CITIZEN_SIGN_IN, Role.CITIZEN.label, ""))
    return accounts
