"""Who may act on a station: its unit's station officials, and election officials above it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ostan.accounts.models import Role
from ostan.accounts.scope import ensure_can_act
from ostan.elections.officials import ELECTION_ROLES

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from ostan.accounts.models import User
    from ostan.territory.models import Unit

STATION_ROLES = frozenset({Role.STATION_OFFICIAL, *ELECTION_ROLES})


def ensure_station_official(actor: User | AnonymousUser | None, unit: Unit) -> None:
    """Refuse unless ``actor`` is a station or election official in scope (None: the system itself)."""
    if actor is None:
        return
    ensure_can_act(actor, unit, roles=STATION_ROLES)


def ensure_election_official(actor: User | AnonymousUser | None, unit: Unit) -> None:
    """Setting up stations, devices and the roll: election officials only, not station members."""
    if actor is None:
        return
    ensure_can_act(actor, unit, roles=ELECTION_ROLES)
