"""Staff sign-in with username and password, behind per-username and per-address lockouts.

Only state changes reach the audit log: a successful sign-in and the start of a lockout, never each
failed guess (the lockout counters hold those).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth import authenticate, login
from django.contrib.auth.backends import ModelBackend
from django.db import transaction

from ostan.accounts import lockouts, roles
from ostan.auditlog.actions import record
from ostan.core.errors import DomainError
from ostan.core.text import normalize

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpRequest

    from ostan.accounts.models import User


class LoginRefused(DomainError):
    code = "invalid_credentials"
    status = 401


def may_sign_in(user: AbstractBaseUser) -> bool:
    """Active, and a staff role other than system administrator is bound to a unit (superusers aside)."""
    if not user.is_active:
        return False
    role = getattr(user, "role", "")
    return bool(getattr(user, "is_superuser", False)) or not (roles.requires_unit(role) and user.unit is None)  # type: ignore[attr-defined]


class ScopedModelBackend(ModelBackend):
    """Django's ModelBackend, refusing staff accounts that have lost their unit."""

    def user_can_authenticate(self, user: User | AnonymousUser | None) -> bool:
        return user is not None and user.is_authenticated and may_sign_in(user)


def client_address(request: HttpRequest) -> str:
    # REMOTE_ADDR only: X-Forwarded-For is set by the client unless a trusted proxy rewrites it, and a
    # lockout keyed on a header the attacker writes would lock nobody out.
    return str(request.META.get("REMOTE_ADDR") or "unknown")


def username_key(username: str) -> str:
    return normalize(username or "").casefold()


def sign_in_staff(*, request: HttpRequest, username: str, password: str) -> User:
    """Check the password, log the session in and audit it; refuse while locked out."""
    at, address, key = lockouts.now(), client_address(request), username_key(username)
    lockouts.LOGIN_BY_USERNAME.ensure_open(key, at)
    lockouts.LOGIN_BY_ADDRESS.ensure_open(address, at)
    user = authenticate(request, username=normalize(username or ""), password=password or "")
    if user is None or not may_sign_in(user):
        locked_user = lockouts.LOGIN_BY_USERNAME.hit(key, at)
        locked_address = lockouts.LOGIN_BY_ADDRESS.hit(address, at)
        if locked_user or locked_address:
            until = lockouts.LOGIN_BY_USERNAME.load(key).locked_until if locked_user else None
            record_lockout(
                username=key, address=address, by_username=locked_user, by_address=locked_address, until=until
            )
        raise LoginRefused("نام کاربری یا گذرواژه درست نیست.")
    lockouts.LOGIN_BY_USERNAME.reset(key)
    login(request, user)
    record_sign_in(actor=user, method="password", address=address)
    return user


def log_in(request: HttpRequest, user: User) -> None:
    """Start a session for a user who proved who they are some other way (a one-time code)."""
    login(request, user, backend=settings.AUTHENTICATION_BACKENDS[0])


def record_sign_in(*, actor: User, method: str, address: str) -> None:
    with transaction.atomic(durable=True):
        record(
            actor=actor,
            event="accounts.login",
            obj=actor,
            unit=actor.unit,
            after={"method": method, "address": address},
        )


def record_lockout(
    *, username: str, address: str, by_username: bool, by_address: bool, until: dt.datetime | None = None
) -> None:
    """The start of a lockout, written by the system (nobody is signed in). When the username names an
    account, the entry sits in that account's unit so its own officials see it, and a lockout of the
    username (``until``) is marked on the account for the staff pages."""
    from ostan.accounts.models import User

    account = User.objects.select_related("unit").filter(username__iexact=username).first()
    with transaction.atomic(durable=True):
        if account is not None and by_username and until is not None:
            User.objects.filter(pk=account.pk).update(login_locked_until=until)
        record(
            actor=None,
            event="accounts.lockout",
            obj=account,
            unit=account.unit if account else None,
            object_type="accounts.user",
            object_label=username[:300],
            after={"username": username, "address": address, "by_username": by_username, "by_address": by_address},
        )
