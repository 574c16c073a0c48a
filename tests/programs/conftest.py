"""A small programmes world: a province with two counties and a district, the county office (فرمانداری)
of the first, a فرماندار, a بخشدار, the governor's office, the information council, an officer of the
county office who answers critiques in the desk's inbox, a citizen, and a private evidence store."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytest_django.fixtures import Settings

from ostan.access.models import Organisation
from ostan.accounts.models import User
from ostan.core.access import Actor, Role
from ostan.core.jalali import TEHRAN
from ostan.programs import actions
from ostan.programs.entries import IndicatorEntry, MilestoneEntry, ProjectEntry
from ostan.programs.models import KeyProject
from ostan.territory.models import Unit
from tests.actors import as_actor, make_person
from tests.elections.world import World, make_world

NATIONAL_CODE = "0499370899"
NOW = dt.datetime(2026, 6, 1, 10, 0, tzinfo=TEHRAN)


@dataclass
class Programs:
    world: World
    district: Unit
    county_office: Organisation
    governorate: Organisation
    governor: User  # فرماندار of county_a
    district_governor: User  # بخشدار of county_a's district
    other_governor: User  # فرماندار of county_b
    office: User  # the governor's office (province)
    council: User  # the provincial information council
    answerer: User  # agency officer of the county office: answers critiques in the desk's inbox
    citizen: User

    def actor(self, person: User) -> Actor:
        return as_actor(person)

    def project(self, person: User | None = None, unit: Unit | None = None, **changes: object) -> KeyProject:
        fields: dict[str, object] = {
            "unit_code": (unit or self.world.county_a).code, "title": "ساماندهی پسماند شهری", "challenge": "waste",
            "goals": "کاهش پسماند رهاشده", "starts_on": dt.date(2026, 1, 1), "ends_on": dt.date(2026, 12, 31),
            "milestones": (MilestoneEntry("خرید خودرو", dt.date(2026, 3, 1)),
                           MilestoneEntry("ایستگاه", dt.date(2026, 9, 1))),
            "indicators": (IndicatorEntry("پسماند رهاشده", 100, 20, "تن"),),
        }  # fmt: skip
        fields.update(changes)
        entry = ProjectEntry(**fields)  # type: ignore[arg-type]
        return actions.create_project(actor=as_actor(person or self.governor), entry=entry, at=NOW)


def _organisation(code: str, kind: str, name: str, seat: Unit, units: list[Unit]) -> Organisation:
    organisation = Organisation(code=code, kind=kind, name=name, search_key=name, seat=seat)
    organisation.place(None)
    organisation.save()
    organisation.units.set(units)
    return organisation


@pytest.fixture
def programs(db: None, settings: Settings, tmp_path: Path) -> Programs:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.OSTAN_EVIDENCE_ROOT = tmp_path / "evidence"
    return make_programs()


def make_programs() -> Programs:
    w = make_world()
    district = w.city_a.parent
    assert district is not None
    county_office = _organisation("CO-0001", "county_office", "فرمانداری اراک", w.county_a, [w.county_a])
    governorate = _organisation("GOV-00", "governorate", "استانداری مرکزی", w.province, [w.province])
    return Programs(
        world=w, district=district, county_office=county_office, governorate=governorate,
        governor=make_person("farmandar", Role.GOVERNOR, w.county_a, organisation=county_office),
        district_governor=make_person("bakhshdar", Role.GOVERNOR, district),
        other_governor=make_person("farmandar2", Role.GOVERNOR, w.county_b),
        office=make_person("ostandari", Role.GOVERNOR_OFFICE_STAFF, w.province, organisation=governorate),
        council=make_person("council", Role.INFORMATION_COUNCIL, w.province),
        answerer=make_person("pasokh", Role.AGENCY_OFFICER, w.county_a, organisation=county_office),
        citizen=make_person(NATIONAL_CODE, Role.CITIZEN, None, national_code=NATIONAL_CODE, mobile="09121234567"),
    )  # fmt: skip
