"""A realistic registry of organisations for the demo province: the governorate and its inspection office,
a county office (فرمانداری) per county and a district office per district of the demo county, the
provincial directorates of the main agencies with a branch per county, every municipality of two
counties, and the institutions of the demo county's first city.

For demonstrations only; running it twice changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from ostan.access.events import AccessEvent
from ostan.access.kinds import OrganisationKind as K
from ostan.access.models import Organisation
from ostan.auditlog.actions import record
from ostan.core.access import Actor
from ostan.core.text import search_key
from ostan.territory.models import PATH_SEPARATOR, Unit, UnitKind

DEMO_SYSTEM = Actor.system("بارگذاری دادهٔ نمایشی")
# Provincial directorates whose county branches serve each county: (code suffix, kind, provincial name,
# branch name pattern).
DIRECTORATES = (
    ("WATER", K.WATER_WASTEWATER, "شرکت آب و فاضلاب استان {p}", "امور آب و فاضلاب شهرستان {c}"),
    ("POWER", K.ELECTRICITY, "شرکت توزیع نیروی برق استان {p}", "امور برق شهرستان {c}"),
    ("GAS", K.GAS, "شرکت گاز استان {p}", "ادارهٔ گاز شهرستان {c}"),
    ("EDU", K.EDUCATION, "ادارهٔ کل آموزش و پرورش استان {p}", "ادارهٔ آموزش و پرورش شهرستان {c}"),
    ("HEALTH", K.HEALTH, "دانشگاه علوم پزشکی استان {p}", "شبکهٔ بهداشت و درمان شهرستان {c}"),
    ("WELFARE", K.WELFARE, "ادارهٔ کل بهزیستی استان {p}", "ادارهٔ بهزیستی شهرستان {c}"),
    ("ROADS", K.ROADS, "ادارهٔ کل راه و شهرسازی استان {p}", "ادارهٔ راه و شهرسازی شهرستان {c}"),
    ("AGRI", K.AGRICULTURE, "سازمان جهاد کشاورزی استان {p}", "مدیریت جهاد کشاورزی شهرستان {c}"),
    ("RELIEF", K.RELIEF_COMMITTEE, "کمیتهٔ امداد امام خمینی استان {p}", "کمیتهٔ امداد شهرستان {c}"),
    ("REDCRESCENT", K.RED_CRESCENT, "جمعیت هلال احمر استان {p}", "جمعیت هلال احمر شهرستان {c}"),
)
# Institutions of a neighbourhood-centred network in the demo county's first city.
INSTITUTIONS = (
    ("MOSQUE-1", K.MOSQUE, "مسجد جامع امام حسن"),
    ("MOSQUE-2", K.MOSQUE, "مسجد الرضا"),
    ("BASIJ-1", K.BASIJ_BASE, "پایگاه مقاومت بسیج شهید همت"),
    ("SCHOOL-1", K.SCHOOL, "دبستان شهید باهنر"),
    ("JIHADI-1", K.JIHADI_GROUP, "گروه جهادی شهید کاظمی"),
    ("CHARITY-1", K.CHARITY, "مؤسسهٔ خیریهٔ نیکوکاران محله"),
)


@dataclass(frozen=True)
class DemoOrganisations:
    governorate: Organisation
    inspection: Organisation
    county_office: Organisation
    water_branch: Organisation
    municipality: Organisation
    mosque: Organisation
    red_crescent_branch: Organisation
    count: int


def _unit(code: str) -> Unit:
    return Unit.objects.get(code=code)


def _org(
    code: str, kind: str, name: str, seat: Unit, parent: Organisation | None, units: list[Unit], phone: str = ""
) -> Organisation:
    found = Organisation.objects.filter(code=code).first()
    if found is not None:
        return found
    organisation = Organisation(code=code, kind=kind, name=name, search_key=search_key(name), seat=seat, phone=phone)
    organisation.place(parent)
    organisation.save()
    organisation.units.set(units)
    return organisation


def _children(unit: Unit, kind: str) -> list[Unit]:
    return list(Unit.objects.filter(parent=unit, kind=kind).order_by("code"))


def _cities(county: Unit) -> list[Unit]:
    within = Unit.objects.filter(path__startswith=county.path + PATH_SEPARATOR, kind=UnitKind.CITY)
    return list(within.order_by("code"))


def create_demo_organisations(*, province_code: str, county_code: str, other_county_code: str) -> DemoOrganisations:
    """Create (or find) the demo registry. Written as the system, in one transaction, with one entry."""
    province, county = _unit(province_code), _unit(county_code)
    counties = _children(province, UnitKind.COUNTY)
    p = province.name
    with transaction.atomic(durable=True):
        before = Organisation.objects.count()
        gov = _org(f"GOV-{province.code}", K.GOVERNORATE, f"استانداری {p}", province, None, [province], "021-6000")
        inspection = _org(
            f"GOV-{province.code}-INSPECTION", K.INSPECTION_OFFICE,
            f"دفتر بازرسی، مدیریت عملکرد و امور حقوقی استانداری {p}", province, gov, [province],
        )  # fmt: skip
        offices = {c.code: _org(f"CO-{c.code}", K.COUNTY_OFFICE, f"فرمانداری {c.name}", c, gov, [c]) for c in counties}
        for district in _children(county, UnitKind.DISTRICT):
            name = f"بخشداری {district.name} ({county.name})"
            _org(f"DO-{district.code}", K.DISTRICT_OFFICE, name, district, offices[county.code], [district])
        branches: dict[str, dict[str, Organisation]] = {}
        for suffix, kind, provincial, branch in DIRECTORATES:
            top = _org(f"{suffix}-{province.code}", kind, provincial.format(p=p), province, None, [province])
            branches[suffix] = {
                c.code: _org(f"{suffix}-{c.code}", kind, branch.format(c=c.name), c, top, [c]) for c in counties
            }
        municipalities = [
            _org(f"MUN-{city.code}", K.MUNICIPALITY, f"شهرداری {city.name}", city, None, [city])
            for code in (county_code, other_county_code)
            for city in _cities(_unit(code))
        ]
        first_city = _cities(county)[0] if _cities(county) else county
        institutions = [
            _org(f"{code}-{first_city.code}", kind, name, first_city, None, [first_city])
            for code, kind, name in INSTITUTIONS
        ]
        created = Organisation.objects.count() - before
        if created:
            record(
                actor=DEMO_SYSTEM,
                event=AccessEvent.ORGANISATIONS_IMPORTED,
                object_type="access.organisation",
                object_label="سازمان‌های نمایشی",
                unit=province,
                after={"created": created},
            )
    return DemoOrganisations(
        governorate=gov,
        inspection=inspection,
        county_office=offices[county.code],
        water_branch=branches["WATER"][county.code],
        municipality=municipalities[0],
        mosque=institutions[0],
        red_crescent_branch=branches["REDCRESCENT"][county.code],
        count=Organisation.objects.count(),
    )
