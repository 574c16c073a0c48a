"""The roles a post can carry, their Persian names, and who may hand out which.

Two lines of command, each ranked. A role hands out roles of its own line that are not above it, and only
system administrators hand out anything else. Observers sit at the bottom of the election line: they read
and never act.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple


class Role(StrEnum):
    CITIZEN = "citizen"
    SERVICE_DESK_CLERK = "service_desk_clerk"
    AGENCY_OFFICER = "agency_officer"
    INSTITUTION_REPRESENTATIVE = "institution_representative"
    COUNCIL_SECRETARY = "council_secretary"
    INSPECTION_OFFICER = "inspection_officer"
    STATION_OFFICIAL = "station_official"
    CONSTITUENCY_ELECTION_OFFICIAL = "constituency_election_official"
    COUNTY_ELECTION_OFFICIAL = "county_election_official"
    PROVINCE_ELECTION_OFFICIAL = "province_election_official"
    COUNTRY_ELECTION_OFFICIAL = "country_election_official"
    GOVERNOR_OFFICE_STAFF = "governor_office_staff"
    GOVERNOR = "governor"
    INFORMATION_COUNCIL = "information_council"
    OBSERVER = "observer"
    SYSTEM_ADMINISTRATOR = "system_administrator"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS: dict[Role, str] = {
    Role.CITIZEN: "شهروند",
    Role.SERVICE_DESK_CLERK: "کارشناس میز خدمت",
    Role.AGENCY_OFFICER: "کارشناس دستگاه اجرایی",
    Role.INSTITUTION_REPRESENTATIVE: "نماینده نهاد",
    Role.COUNCIL_SECRETARY: "دبیر شورای پیشرفت محله",
    Role.INSPECTION_OFFICER: "کارشناس دفتر بازرسی",
    Role.STATION_OFFICIAL: "عضو شعبه اخذ رأی",
    Role.CONSTITUENCY_ELECTION_OFFICIAL: "مسئول انتخابات حوزه",
    Role.COUNTY_ELECTION_OFFICIAL: "مسئول انتخابات شهرستان",
    Role.PROVINCE_ELECTION_OFFICIAL: "مسئول انتخابات استان",
    Role.COUNTRY_ELECTION_OFFICIAL: "مسئول ستاد انتخابات کشور",
    Role.GOVERNOR_OFFICE_STAFF: "کارشناس دفتر استاندار/فرماندار",
    Role.GOVERNOR: "استاندار / فرماندار / بخشدار",
    Role.INFORMATION_COUNCIL: "دبیرخانهٔ شورای اطلاع‌رسانی استان",
    Role.OBSERVER: "ناظر",
    Role.SYSTEM_ADMINISTRATOR: "مدیر سامانه",
}


class Rank(NamedTuple):
    line: str
    level: int


ELECTION_LINE = "election"
ADMINISTRATION_LINE = "administration"

# The election line follows the chain that runs council elections: country headquarters → province →
# county → constituency → polling station (Council Elections Law, Arts. 31–35). The administration line
# follows the governorate's offices: the governor (استاندار، فرماندار، بخشدار) above the office's staff,
# who are above the desk, the agencies' officers and the institutions' representatives.
RANKS: dict[Role, Rank] = {
    Role.COUNTRY_ELECTION_OFFICIAL: Rank(ELECTION_LINE, 5),
    Role.PROVINCE_ELECTION_OFFICIAL: Rank(ELECTION_LINE, 4),
    Role.COUNTY_ELECTION_OFFICIAL: Rank(ELECTION_LINE, 3),
    Role.CONSTITUENCY_ELECTION_OFFICIAL: Rank(ELECTION_LINE, 2),
    Role.STATION_OFFICIAL: Rank(ELECTION_LINE, 1),
    Role.OBSERVER: Rank(ELECTION_LINE, 1),
    Role.GOVERNOR: Rank(ADMINISTRATION_LINE, 3),
    Role.GOVERNOR_OFFICE_STAFF: Rank(ADMINISTRATION_LINE, 2),
    # The provincial information council's secretariat explains the government's achievements (governance.md §3).
    Role.INFORMATION_COUNCIL: Rank(ADMINISTRATION_LINE, 1),
    Role.INSPECTION_OFFICER: Rank(ADMINISTRATION_LINE, 1),
    Role.SERVICE_DESK_CLERK: Rank(ADMINISTRATION_LINE, 1),
    Role.AGENCY_OFFICER: Rank(ADMINISTRATION_LINE, 1),
    Role.INSTITUTION_REPRESENTATIVE: Rank(ADMINISTRATION_LINE, 1),
    Role.COUNCIL_SECRETARY: Rank(ADMINISTRATION_LINE, 1),
}
# Roles below this level use their accounts but do not hand out new ones.
ACCOUNT_MANAGER_MIN_LEVEL = 2
NATIONAL_ROLES = frozenset({Role.SYSTEM_ADMINISTRATOR})
# Only these roles may be held without a territorial unit.
UNITLESS_ROLES = frozenset({Role.SYSTEM_ADMINISTRATOR, Role.CITIZEN})
STAFF_ROLES = frozenset(Role) - {Role.CITIZEN}
# Roles that may read inside their unit but never change anything.
READ_ONLY_ROLES = frozenset({Role.OBSERVER})
# Posts of these roles work for an organisation (an agency, an institution, an office) and act only for it.
ORGANISATION_ROLES = frozenset(
    {Role.AGENCY_OFFICER, Role.INSTITUTION_REPRESENTATIVE, Role.INSPECTION_OFFICER, Role.SERVICE_DESK_CLERK}
)
# Of those, a post must name its organisation: an officer answers for one agency, a representative for one
# institution. (A desk clerk may sit at a desk that belongs to no single office.)
ORGANISATION_REQUIRED_ROLES = frozenset({Role.AGENCY_OFFICER, Role.INSTITUTION_REPRESENTATIVE, Role.INSPECTION_OFFICER})


def is_national_role(role: str) -> bool:
    return role in NATIONAL_ROLES


def requires_unit(role: str) -> bool:
    return role not in UNITLESS_ROLES


def requires_organisation(role: str) -> bool:
    return role in ORGANISATION_REQUIRED_ROLES


def manages_accounts(role: str) -> bool:
    rank = RANKS.get(Role(role)) if role in Role._value2member_map_ else None
    return is_national_role(role) or (rank is not None and rank.level >= ACCOUNT_MANAGER_MIN_LEVEL)


def may_assign(actor_role: str, target_role: str) -> bool:
    """May someone holding ``actor_role`` give ``target_role`` to a post (inside their own scope)?"""
    if target_role not in STAFF_ROLES:
        return False
    if is_national_role(actor_role):
        return True
    mine = RANKS.get(Role(actor_role)) if actor_role in Role._value2member_map_ else None
    theirs = RANKS.get(Role(target_role))
    if mine is None or theirs is None or not manages_accounts(actor_role):
        return False
    return mine.line == theirs.line and theirs.level <= mine.level


def assignable_roles(actor_role: str) -> list[Role]:
    """The roles ``actor_role`` may hand out, in the order Role lists them (for forms' choices)."""
    return [role for role in Role if may_assign(actor_role, role)]
