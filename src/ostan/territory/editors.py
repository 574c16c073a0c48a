"""Who may change the territory tree: editor roles, inside their own unit (national roles everywhere)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ostan.accounts.models import Role
from ostan.accounts.scope import can_act, is_national

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from ostan.accounts.models import User
    from ostan.territory.models import Unit

# Governors' offices and election officials need neighbourhoods and populations for council elections.
TERRITORY_EDITOR_ROLES = frozenset(
    {
        Role.GOVERNOR_OFFICE_STAFF,
        Role.CONSTITUENCY_ELECTION_OFFICIAL,
        Role.COUNTY_ELECTION_OFFICIAL,
        Role.PROVINCE_ELECTION_OFFICIAL,
        Role.COUNTRY_ELECTION_OFFICIAL,
    }
)


def can_edit(user: User | AnonymousUser, unit: Unit) -> bool:
    """Whether pages should offer ``user`` the forms that change ``unit`` (actions check again)."""
    if not can_act(user, unit):
        return False
    return is_national(user) or getattr(user, "role", "") in TERRITORY_EDITOR_ROLES
