"""Territorial scope: an official sees and acts on their own unit and everything under it.

Every selector filters with :func:`scope_q` (or :func:`visible_units`), and every action calls
:func:`ensure_can_act` before it writes. Templates never decide who may see what.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet

from ostan.accounts.models import Role
from ostan.core.errors import PermissionRefused
from ostan.territory.models import PATH_SEPARATOR, Unit

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from ostan.accounts.models import User

# Roles that may read inside their unit but never change anything.
READ_ONLY_ROLES = frozenset({Role.OBSERVER})


class OutOfScope(PermissionRefused):
    code = "out_of_scope"


def is_national(user: User | AnonymousUser) -> bool:
    """Superusers and system administrators work on the whole country."""
    return bool(user.is_authenticated and (user.is_superuser or getattr(user, "role", "") == Role.SYSTEM_ADMINISTRATOR))


def scope_q(user: User | AnonymousUser, path_field: str = "path") -> Q:
    """A filter that keeps rows whose unit path lies in the user's scope.

    ``path_field`` names the path of the row's unit, e.g. ``"unit__path"`` or ``"constituency__unit__path"``.
    Users with no unit (citizens, anonymous visitors) get a filter that matches nothing.
    """
    if is_national(user):
        return Q()
    unit = getattr(user, "unit", None) if user.is_authenticated else None
    if unit is None:
        return Q(pk__in=[])
    return Q(**{path_field: unit.path}) | Q(**{f"{path_field}__startswith": unit.path + PATH_SEPARATOR})


def visible_units(user: User | AnonymousUser) -> QuerySet[Unit]:
    return Unit.objects.filter(scope_q(user))


def can_read(user: User | AnonymousUser, unit: Unit) -> bool:
    if is_national(user):
        return True
    own = getattr(user, "unit", None) if user.is_authenticated else None
    return own is not None and unit.is_within(own)


def can_act(user: User | AnonymousUser, unit: Unit) -> bool:
    return can_read(user, unit) and getattr(user, "role", "") not in READ_ONLY_ROLES


def ensure_can_read(user: User | AnonymousUser, unit: Unit) -> None:
    if not can_read(user, unit):
        raise OutOfScope(f"«{unit.name}» خارج از حوزه مسئولیت شماست.")


def ensure_can_act(user: User | AnonymousUser, unit: Unit, *, roles: frozenset[str] | None = None) -> None:
    """Raise :class:`OutOfScope` unless ``user`` may change things in ``unit`` (and holds one of ``roles``)."""
    ensure_can_read(user, unit)
    if getattr(user, "role", "") in READ_ONLY_ROLES:
        raise OutOfScope("نقش شما فقط اجازه مشاهده می‌دهد.")
    if roles is not None and not is_national(user) and getattr(user, "role", "") not in roles:
        raise OutOfScope("نقش شما اجازه این کار را نمی‌دهد.")
