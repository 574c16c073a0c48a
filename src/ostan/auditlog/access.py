"""Who may open the audit log at all: staff and superusers; each then sees only their own scope."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser

from ostan.accounts.models import User
from ostan.core.errors import PermissionRefused


def may_read_log(user: User | AnonymousUser) -> bool:
    return bool(user.is_authenticated and user.is_active and (user.is_superuser or user.is_staff_role))


def ensure_may_read_log(user: User | AnonymousUser) -> User:
    if not may_read_log(user):
        raise PermissionRefused("دفتر رویدادها فقط برای کارکنان است.")
    assert isinstance(user, User)
    return user
