"""The access matrix's world: a small territory, organisations, and one person per role at a home unit
fit for the role, each able to act through a signed-in client.

Every target is placed relative to a role's home: in scope (the city under every home), in a sibling unit
(the same level, elsewhere), in the parent unit, or in scope but of another organisation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from django.test import Client

from ostan.access.models import Organisation
from ostan.accounts.models import User
from ostan.core.access import Role
from ostan.territory.models import Unit, UnitKind
from tests.actors import make_person
from tests.elections.world import World, make_unit, make_world


class Where(StrEnum):
    IN_SCOPE = "in_scope"
    SIBLING = "sibling"
    PARENT = "parent"
    OTHER_ORGANISATION = "other_organisation"


@dataclass
class Places:
    world: World
    city_beside: Unit  # another city in the same district as world.city_a
    district: Unit  # world.city_a's district
    organisations: dict[str, Organisation]
    own_organisation: dict[Role, Organisation | None] = field(default_factory=dict)
    people: dict[Role, User] = field(default_factory=dict)
    clients: dict[Role | None, Client] = field(default_factory=dict)

    def client(self, role: Role | None, *, fresh: bool = False) -> Client:
        if not fresh:
            return self.clients[role]
        client = Client()
        if role is not None:
            client.force_login(self.people[role])
        return client

    def home(self, role: Role) -> Unit | None:
        w = self.world
        homes = {
            Role.COUNTRY_ELECTION_OFFICIAL: w.country,
            Role.PROVINCE_ELECTION_OFFICIAL: w.province,
            Role.GOVERNOR_OFFICE_STAFF: w.province,
            Role.INFORMATION_COUNCIL: w.province,
            Role.INSPECTION_OFFICER: w.province,
            Role.CONSTITUENCY_ELECTION_OFFICIAL: w.city_a,
            Role.STATION_OFFICIAL: w.city_a,
            Role.INSTITUTION_REPRESENTATIVE: w.city_a,
            Role.COUNCIL_SECRETARY: w.city_a,
        }
        if role in (Role.SYSTEM_ADMINISTRATOR, Role.CITIZEN):
            return None
        return homes.get(role, w.county_a)

    def unit_for(self, role: Role | None, where: Where) -> Unit | None:
        """Where a target goes for an actor of ``role``: None when the place does not exist for it."""
        w = self.world
        if where in (Where.IN_SCOPE, Where.OTHER_ORGANISATION) or role is None:
            return w.city_a
        home = self.home(role)
        if home is None:
            return None
        if where is Where.SIBLING:
            siblings = {
                w.country.pk: None,
                w.province.pk: w.tehran,
                w.county_a.pk: w.city_b,
                w.city_a.pk: self.city_beside,
            }
            return siblings.get(home.pk)
        return home.parent

    def organisation_for(self, role: Role | None, where: Where) -> Organisation | None:
        if where is Where.OTHER_ORGANISATION:
            return self.organisations["other"]
        own = self.own_organisation.get(role) if role is not None else None
        return own or self.organisations["water"]


ORGANISATION_OF_ROLE = {
    Role.AGENCY_OFFICER: "water",
    Role.INSTITUTION_REPRESENTATIVE: "mosque",
    Role.INSPECTION_OFFICER: "inspection",
    Role.GOVERNOR: "county_office",
}


def _organisation(code: str, kind: str, name: str, seat: Unit, parent: Organisation | None = None) -> Organisation:
    organisation = Organisation(code=code, kind=kind, name=name, search_key=name, seat=seat)
    organisation.place(parent)
    organisation.save()
    organisation.units.set([seat])
    return organisation


def make_places() -> Places:
    world = make_world()
    district = world.city_a.parent
    assert district is not None
    assert district.parent is not None
    beside = make_unit("0001021102", UnitKind.CITY, "سنجان", district, population=20_000)
    for city in (world.city_b, world.tehran, world.village_a):  # every settlement a target may lie in has seats
        if city.population is None:
            Unit.objects.filter(pk=city.pk).update(population=20_000 if city.kind == UnitKind.CITY else 900)
            city.refresh_from_db()
    governorate = _organisation("GOV-00", "governorate", "استانداری مرکزی", world.province)
    organisations = {
        "governorate": governorate,
        "inspection": _organisation(
            "GOV-00-INSP", "inspection_office", "بازرسی استانداری", world.province, governorate
        ),
        "county_office": _organisation("CO-0001", "county_office", "فرمانداری اراک", world.county_a, governorate),
        "water": _organisation("WATER-0001", "water_wastewater", "آبفای اراک", world.county_a),
        "mosque": _organisation("MOSQUE-1", "mosque", "مسجد جامع", world.city_a),
        "other": _organisation("POWER-0001", "electricity", "برق اراک", world.county_a),
    }
    places = Places(world, beside, district, organisations)
    for role in Role:
        organisation = organisations.get(ORGANISATION_OF_ROLE.get(role, ""))
        person = make_person(f"matrix_{role.value}", role, places.home(role), organisation=organisation)
        places.people[role] = person
        client = Client()
        client.force_login(person)
        places.clients[role] = client
        places.own_organisation[role] = organisation
    places.clients[None] = Client()
    return places
