"""A small desk world: a county with a city, the water company's county branch and the city's municipality,
a citizen, a desk clerk, an officer of each agency and one of an agency elsewhere, and the catalogue."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from pytest_django.fixtures import Settings

from ostan.access.models import Organisation
from ostan.accounts.models import User
from ostan.core.access import Actor, Role
from ostan.servicedesk import actions
from ostan.servicedesk.actions import Filing, ServiceEntry
from ostan.servicedesk.models import ServiceRequest
from ostan.territory.models import Unit
from tests.actors import SYSTEM, as_actor, make_person
from tests.elections.world import World, make_world

NATIONAL_CODE = "0499370899"


@dataclass
class Desk:
    world: World
    water: Organisation
    municipality: Organisation
    power: Organisation
    citizen: User
    other_citizen: User
    clerk: User
    water_officer: User
    city_officer: User
    power_officer: User
    far_officer: User  # the water company's branch of another county
    inspector: User

    def actor(self, person: User) -> Actor:
        return as_actor(person)

    def file(self, service: str = "water-outage", unit: Unit | None = None, **kw: object) -> ServiceRequest:
        unit = unit or self.world.city_a
        filing = Filing(service, "complaint", unit.code, "آب محله از دیروز قطع است.")
        return actions.file_request(actor=as_actor(self.citizen), filing=filing, **kw)  # type: ignore[arg-type]


def _organisation(code: str, kind: str, name: str, seat: Unit) -> Organisation:
    organisation = Organisation(code=code, kind=kind, name=name, search_key=name, seat=seat)
    organisation.place(None)
    organisation.save()
    organisation.units.set([seat])
    return organisation


@pytest.fixture
def desk(db: None, settings: Settings) -> Desk:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return make_desk()


def make_desk() -> Desk:
    w = make_world()
    water = _organisation("WATER-0001", "water_wastewater", "آبفای اراک", w.county_a)
    municipality = _organisation("MUN-ARAK", "municipality", "شهرداری اراک", w.city_a)
    power = _organisation("POWER-0001", "electricity", "برق اراک", w.county_a)
    far_county = w.county_b
    far_water = _organisation("WATER-FAR", "water_wastewater", "آبفای دیگر", far_county)
    inspection = _organisation("INSP", "inspection_office", "بازرسی", w.province)
    for entry in (
        ServiceEntry("water-outage", "قطعی آب", ("complaint", "request"), "water_wastewater", working_days=3),
        ServiceEntry("street-repair", "ترمیم معابر", ("complaint",), "municipality", working_days=10),
        ServiceEntry("ideas", "ایده‌ها", ("idea",)),
    ):
        actions.save_service(actor=SYSTEM, entry=entry)
    citizen = make_person(NATIONAL_CODE, Role.CITIZEN, None, national_code=NATIONAL_CODE, mobile="09121234567")
    return Desk(
        world=w, water=water, municipality=municipality, power=power, citizen=citizen,
        other_citizen=make_person("0012345679", Role.CITIZEN, None),
        clerk=make_person("clerk", Role.SERVICE_DESK_CLERK, w.county_a),
        water_officer=make_person("water", Role.AGENCY_OFFICER, w.county_a, organisation=water),
        city_officer=make_person("city", Role.AGENCY_OFFICER, w.city_a, organisation=municipality),
        power_officer=make_person("power", Role.AGENCY_OFFICER, w.county_a, organisation=power),
        far_officer=make_person("far", Role.AGENCY_OFFICER, far_county, organisation=far_water),
        inspector=make_person("inspector", Role.INSPECTION_OFFICER, w.province, organisation=inspection),
    )  # fmt: skip


@pytest.fixture(autouse=True)
def desk_files(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Attached files go to a directory of each test's own."""
    where = tmp_path_factory.mktemp("desk-files")
    settings.OSTAN_DESK_FILES_DIR = where
    return where
