"""Test data for accounts and the audit log: a small territory tree and people placed in it.

Units are rows of the territory app written directly (test set-up, like a fixture file); accounts
other than the first administrator are made through the real actions.
"""

from __future__ import annotations

from dataclasses import dataclass

from ostan.accounts import actions
from ostan.accounts.models import User
from ostan.core.access import Role
from ostan.core.text import search_key
from ostan.territory.models import PATH_SEPARATOR, Unit, UnitKind
from tests.actors import as_actor, make_person

PASSWORD = "Pardis-Sahar-1405"


def make_unit(code: str, kind: str, name: str, parent: Unit | None = None) -> Unit:
    path = f"{parent.path}{PATH_SEPARATOR}{code}" if parent else code
    return Unit.objects.create(
        code=code,
        kind=kind,
        name=name,
        search_key=search_key(name),
        parent=parent,
        path=path,
        depth=(parent.depth + 1) if parent else 0,
    )


@dataclass(frozen=True)
class Tree:
    country: Unit
    province: Unit
    county_a: Unit
    county_b: Unit
    city_a: Unit


def make_tree() -> Tree:
    country = make_unit("IR", UnitKind.COUNTRY, "ایران")
    province = make_unit("IR-07", UnitKind.PROVINCE, "فارس", country)
    county_a = make_unit("IR-07-01", UnitKind.COUNTY, "شیراز", province)
    county_b = make_unit("IR-07-02", UnitKind.COUNTY, "مرودشت", province)
    city_a = make_unit("IR-07-01-C1", UnitKind.CITY, "شیراز", county_a)
    return Tree(country, province, county_a, county_b, city_a)


def make_admin(username: str = "root") -> User:
    """The first system administrator: someone has to exist before any action has an actor."""
    return make_person(username, Role.SYSTEM_ADMINISTRATOR, None, password=PASSWORD, first_name="مدیر سامانه")


def make_staff(actor: User, username: str, role: str, unit: Unit | None, full_name: str = "") -> User:
    return actions.create_staff_account(
        actor=as_actor(actor),
        username=username,
        full_name=full_name or f"کارمند {username}",
        role=role,
        unit=unit,
        password=PASSWORD,
        must_change_password=False,
    )
