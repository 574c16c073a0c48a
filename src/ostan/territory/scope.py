"""Territorial scope as the database sees it: an actor's unit subtree as a filter, a unit as a policy target.

Every selector filters with :func:`subtree_q` (or, where a capability decides, ``ostan.access.scope``), and
every action checks its capability against :func:`target_of` the unit it changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q

from ostan.core.access import PATH_SEPARATOR, Actor, Target

if TYPE_CHECKING:
    from ostan.territory.models import Unit

NOTHING = Q(pk__in=[])
# "Every row" as a real condition, not an empty Q(): Q(a) | Q() is Q(a) in Django, so a national reader's
# empty filter OR-ed with "published" would have kept only the published rows.
EVERYTHING = Q(pk__isnull=False)


def path_q(path: str, path_field: str = "path") -> Q:
    """Rows whose unit is ``path`` or lies under it."""
    return Q(**{path_field: path}) | Q(**{f"{path_field}__startswith": path + PATH_SEPARATOR})


def subtree_q(actor: Actor, path_field: str = "path") -> Q:
    """Rows whose unit lies in the actor's territory: everything for national actors, nothing for actors
    without a unit (citizens, visitors). ``path_field`` names the row's unit path, e.g. ``"unit__path"``."""
    if actor.is_national:
        return EVERYTHING
    own = actor.unit_path
    return NOTHING if own is None else path_q(own, path_field)


def target_of(unit: Unit) -> Target:
    return Target(unit_path=unit.path, unit_name=unit.name)
