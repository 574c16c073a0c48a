"""A governorate and its offices: the province's governorate (political directorate), the county office of
county A with two district offices under it, and the county office of county B; one person at each, with
a mobile number for reminders; and a stakeholder kept by county A's office."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from django.utils import timezone
from pytest_django.fixtures import Settings

from ostan.access.models import Organisation
from ostan.accounts.models import User
from ostan.core.access import Actor, Role
from ostan.participation import actions
from ostan.participation.entries import CircularEntry
from ostan.participation.models import Circular
from ostan.territory.models import Unit, UnitKind
from tests.actors import as_actor, make_person
from tests.elections.world import World, make_unit, make_world


@dataclass
class Offices:
    world: World
    district_a1: Unit
    district_a2: Unit
    governorate: Organisation
    county_a: Organisation
    county_b: Organisation
    district_1: Organisation
    district_2: Organisation
    directorate: User  # the governorate's political directorate
    county_governor: User
    county_b_governor: User
    district_1_governor: User
    district_2_governor: User

    def actor(self, person: User) -> Actor:
        return as_actor(person)

    def send(self, *recipients: Organisation, hours: int = 48, **kw: object) -> Circular:
        entry = CircularEntry(
            title="گزارش آمادگی زمستانی", body="وضعیت آمادگی راه‌های روستایی را تا مهلت گزارش کنید.",
            priority="urgent", deadline_at=timezone.now() + dt.timedelta(hours=hours),
            recipient_codes=tuple(o.code for o in recipients), **kw,  # type: ignore[arg-type]
        )  # fmt: skip
        return actions.send_circular(actor=as_actor(self.directorate), entry=entry)


def _office(code: str, kind: str, name: str, seat: Unit, parent: Organisation | None) -> Organisation:
    found = Organisation(code=code, kind=kind, name=name, search_key=name, seat=seat)
    found.place(parent)
    found.save()
    found.units.set([seat])
    return found


def make_offices() -> Offices:
    w = make_world()
    district_a1 = Unit.objects.get(code="000102")
    district_a2 = make_unit("000103", UnitKind.DISTRICT, "شازند", w.county_a)
    gov = _office("GOV-00", "governorate", "استانداری مرکزی", w.province, None)
    county_a = _office("CO-0001", "county_office", "فرمانداری اراک", w.county_a, gov)
    county_b = _office("CO-0002", "county_office", "فرمانداری آشتیان", w.county_b, gov)
    d1 = _office("DO-000102", "district_office", "بخشداری مرکزی اراک", district_a1, county_a)
    d2 = _office("DO-000103", "district_office", "بخشداری شازند", district_a2, county_a)
    people = [
        make_person("directorate", Role.GOVERNOR_OFFICE_STAFF, w.province, organisation=gov, mobile="09120000001"),
        make_person("county_governor", Role.GOVERNOR, w.county_a, organisation=county_a, mobile="09120000002"),
        make_person("county_b_governor", Role.GOVERNOR, w.county_b, organisation=county_b, mobile="09120000003"),
        make_person("district_1", Role.GOVERNOR, district_a1, organisation=d1, mobile="09120000004"),
        make_person("district_2", Role.GOVERNOR, district_a2, organisation=d2, mobile="09120000005"),
    ]
    return Offices(w, district_a1, district_a2, gov, county_a, county_b, d1, d2, *people)


@pytest.fixture
def offices(db: None, settings: Settings) -> Offices:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.OSTAN_BULLETIN_KEY = "22" * 32
    return make_offices()
