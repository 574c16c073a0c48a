"""Who may run an election: election officials of the right territorial level and system administrators."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ostan.accounts.models import Role
from ostan.accounts.scope import OutOfScope, ensure_can_act, is_national

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from ostan.accounts.models import User
    from ostan.territory.models import Unit

ELECTION_ROLES = frozenset(
    {
        Role.CONSTITUENCY_ELECTION_OFFICIAL,
        Role.COUNTY_ELECTION_OFFICIAL,
        Role.PROVINCE_ELECTION_OFFICIAL,
        Role.COUNTRY_ELECTION_OFFICIAL,
        Role.SYSTEM_ADMINISTRATOR,
    }
)
# Rounds are national: only the country's election headquarters configures them.
ROUND_ROLES = frozenset({Role.COUNTRY_ELECTION_OFFICIAL, Role.SYSTEM_ADMINISTRATOR})


def ensure_election_official(actor: User | AnonymousUser | None, unit: Unit) -> None:
    """Refuse unless ``actor`` is an election official whose unit contains ``unit``.

    ``None`` is the system itself (demo and data loaders), which acts everywhere.
    """
    if actor is None:
        return
    ensure_can_act(actor, unit, roles=ELECTION_ROLES)


def ensure_round_official(actor: User | AnonymousUser | None) -> None:
    if actor is None or is_national(actor):
        return
    if not actor.is_authenticated or getattr(actor, "role", "") not in ROUND_ROLES:
        raise OutOfScope("تعریف دوره انتخابات فقط در اختیار ستاد انتخابات کشور است.")


def can_manage(user: User | AnonymousUser, unit: Unit) -> bool:
    try:
        ensure_election_official(user, unit)
    except OutOfScope:
        return False
    return True


def is_election_official(user: User | AnonymousUser) -> bool:
    """Whether pages should offer ``user`` the set-up forms at all (each action still checks the unit)."""
    if is_national(user):
        return True
    return bool(user.is_authenticated and getattr(user, "role", "") in ELECTION_ROLES and getattr(user, "unit", None))


def can_configure_rounds(user: User | AnonymousUser) -> bool:
    try:
        ensure_round_official(user)
    except OutOfScope:
        return False
    return user.is_authenticated
