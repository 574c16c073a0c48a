"""What a list shows: rows whose unit (and organisation, or owner) the actor's reach for a capability covers.

The policy (``ostan.core.access``) decides about one target; these filters say the same of many rows
at once, so a selector's list and an action's check never disagree.
"""

from __future__ import annotations

from django.db.models import Q

from ostan.core.access import Actor, Capability, Reach
from ostan.territory.scope import EVERYTHING, NOTHING, path_q, subtree_q


def reach_q(
    actor: Actor,
    capability: Capability,
    *,
    unit_path: str = "unit__path",
    organisation_path: str | None = None,
    owner: str | None = None,
) -> Q:
    """The rows ``actor`` may use ``capability`` on. Field arguments name the row's unit path, its
    organisation's path and its owner's id (needed only by capabilities with those reaches)."""
    if actor.is_system:
        return EVERYTHING
    reach = capability.reach_for(actor.role)
    if reach in (Reach.ANYONE, Reach.SIGNED_IN, Reach.ROLE):
        return EVERYTHING
    if reach is Reach.UNIT:
        return subtree_q(actor, unit_path)
    if reach is Reach.ORGANISATION:
        if organisation_path is None:
            raise ValueError(f"{capability.name} is scoped by organisation: name the rows' organisation path")
        return _organisation_q(actor, unit_path, organisation_path)
    if reach is Reach.OFFICE:
        if organisation_path is None:
            raise ValueError(f"{capability.name} is scoped by office: name the rows' organisation path")
        if actor.is_national:
            return EVERYTHING
        if actor.organisation_path is None:
            return NOTHING
        return subtree_q(actor, unit_path) & Q(**{organisation_path: actor.organisation_path})
    if reach is Reach.OWN:
        if owner is None or actor.person_id is None:
            return NOTHING
        return Q(**{owner: actor.person_id})
    return NOTHING


def _organisation_q(actor: Actor, unit_path: str, organisation_path: str) -> Q:
    if actor.is_national:
        return EVERYTHING
    own = actor.organisation_path
    if own is None:
        return NOTHING
    return subtree_q(actor, unit_path) & path_q(own, organisation_path)
