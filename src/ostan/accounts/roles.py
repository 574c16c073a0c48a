"""Who may hand out which role. Two lines of command, each ranked; a role hands out roles of its own
line that are not above it, and only system administrators hand out anything else."""

from __future__ import annotations

from typing import NamedTuple

from ostan.accounts.models import Role


class Rank(NamedTuple):
    line: str
    level: int


ELECTION_LINE = "election"
ADMINISTRATION_LINE = "administration"

# The election line follows the chain that runs council elections: country headquarters → province →
# county → constituency → polling station (Council Elections Law, Arts. 31–35). Observers sit at the
# bottom: they read and never act.
RANKS: dict[str, Rank] = {
    Role.COUNTRY_ELECTION_OFFICIAL: Rank(ELECTION_LINE, 5),
    Role.PROVINCE_ELECTION_OFFICIAL: Rank(ELECTION_LINE, 4),
    Role.COUNTY_ELECTION_OFFICIAL: Rank(ELECTION_LINE, 3),
    Role.CONSTITUENCY_ELECTION_OFFICIAL: Rank(ELECTION_LINE, 2),
    Role.STATION_OFFICIAL: Rank(ELECTION_LINE, 1),
    Role.OBSERVER: Rank(ELECTION_LINE, 1),
    Role.GOVERNOR_OFFICE_STAFF: Rank(ADMINISTRATION_LINE, 2),
    Role.SERVICE_DESK_CLERK: Rank(ADMINISTRATION_LINE, 1),
    Role.AGENCY_OFFICER: Rank(ADMINISTRATION_LINE, 1),
    Role.INSTITUTION_REPRESENTATIVE: Rank(ADMINISTRATION_LINE, 1),
}
# Roles below this level use their accounts but do not hand out new ones.
ACCOUNT_MANAGER_MIN_LEVEL = 2
# Only these roles may be held without a territorial unit.
UNITLESS_ROLES = frozenset({Role.SYSTEM_ADMINISTRATOR, Role.CITIZEN})
STAFF_ROLES = frozenset(Role) - {Role.CITIZEN}


def is_national_role(role: str) -> bool:
    return role == Role.SYSTEM_ADMINISTRATOR


def requires_unit(role: str) -> bool:
    return role not in UNITLESS_ROLES


def manages_accounts(role: str) -> bool:
    rank = RANKS.get(role)
    return is_national_role(role) or (rank is not None and rank.level >= ACCOUNT_MANAGER_MIN_LEVEL)


def may_assign(actor_role: str, target_role: str, *, actor_is_superuser: bool = False) -> bool:
    """May someone holding ``actor_role`` give ``target_role`` to an account (inside their own scope)?"""
    if target_role not in STAFF_ROLES:
        return False
    if actor_is_superuser or is_national_role(actor_role):
        return True
    mine, theirs = RANKS.get(actor_role), RANKS.get(target_role)
    if mine is None or theirs is None or not manages_accounts(actor_role):
        return False
    return mine.line == theirs.line and theirs.level <= mine.level


def assignable_roles(actor_role: str, *, actor_is_superuser: bool = False) -> list[Role]:
    """The roles ``actor_role`` may hand out, in the order Role lists them (for forms' choices)."""
    return [role for role in Role if may_assign(actor_role, role, actor_is_superuser=actor_is_superuser)]
