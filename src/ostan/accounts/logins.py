"""Staff sign-in with username and password, behind per-username and per-address lockouts.

Only state changes reach the audit log: a successful sign-in and the start of a lockout, never each
failed guess (the lockout counters hold those).
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth import authenticate, login
from django.contrib.auth.backends import ModelBackend
from django.db import transaction

from ostan.access.actors import actor_for, current_posts, forget_actor
from ostan.accounts import lockouts
from ostan.accounts.authority import post_unit
from ostan.accounts.errors import LoginRefused, PostNotHeld
from ostan.accounts.events import AccountsEvent
from ostan.accounts.models import User
from ostan.auditlog.actions import record
from ostan.core import clients
from ostan.core.access import Actor
from ostan.core.text import normalize

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpRequest


LOCKOUT_SYSTEM = Actor.system("قفل خودکار ورود پس از تلاش‌های ناموفق")


def may_sign_in(user: AbstractBaseUser) -> bool:
    """Active, and a staff account holds a current post (superusers aside: they start the platform)."""
    if not user.is_active:
        return False
    if getattr(user, "is_superuser", False) or not getattr(user, "is_staff", False):
        return True
    return bool(current_posts(user))


class ScopedModelBackend(ModelBackend):
    """Django's ModelBackend, refusing staff accounts whose every post has ended."""

    def user_can_authenticate(self, user: User | AnonymousUser | None) -> bool:
        return user is not None and user.is_authenticated and may_sign_in(user)


@cache
def _proxies(configured: str) -> tuple[clients.Network, ...]:
    return clients.parse_networks(configured)


def client_address(request: HttpRequest) -> str:
    """The address lockouts key on: REMOTE_ADDR, or the configured forwarding header when REMOTE_ADDR is
    one of settings.OSTAN_TRUSTED_PROXIES (the header is the client's to write otherwise; see ostan.core.clients)."""
    header = "HTTP_" + str(settings.OSTAN_CLIENT_ADDRESS_HEADER).upper().replace("-", "_")
    return clients.client_address(
        request.META.get("REMOTE_ADDR"), request.META.get(header), _proxies(str(settings.OSTAN_TRUSTED_PROXIES))
    )


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
    forget_actor(request)
    record_sign_in(account=user, method="password", address=address)
    return user


def log_in(request: HttpRequest, user: User) -> None:
    """Start a session for a user who proved who they are some other way (a one-time code)."""
    login(request, user, backend=settings.AUTHENTICATION_BACKENDS[0])
    forget_actor(request)


def record_sign_in(*, account: User, method: str, address: str) -> None:
    """The sign-in's entry, as the person in the post they start in (the earliest, until they choose)."""
    with transaction.atomic(durable=True):
        record(
            actor=actor_for(account),
            event=AccountsEvent.SIGNED_IN,
            obj=account,
            unit=post_unit(account),
            after={"method": method, "address": address},
        )


def record_lockout(
    *, username: str, address: str, by_username: bool, by_address: bool, until: dt.datetime | None = None
) -> None:
    """The start of a lockout, written by the system (nobody is signed in). When the username names an
    account, the entry sits in that account's unit so its own officials see it, and a lockout of the
    username (``until``) is marked on the account for the staff pages."""
    account = User.objects.filter(username__iexact=username).first()
    with transaction.atomic(durable=True):
        if account is not None and by_username and until is not None:
            User.objects.filter(pk=account.pk).update(login_locked_until=until)
        record(
            actor=LOCKOUT_SYSTEM,
            event=AccountsEvent.SIGN_IN_LOCKED,
            obj=account,
            unit=post_unit(account) if account else None,
            object_type="accounts.user",
            object_label=username[:300],
            after={"username": username, "address": address, "by_username": by_username, "by_address": by_address},
        )


def record_post_chosen(*, actor: Actor, post_id: int) -> Actor:
    """The person now acts in ``post_id``, one of their current posts: the entry records the new post."""
    account = User.objects.get(pk=actor.own_id)
    chosen = actor_for(account, post_id=post_id)
    if chosen.post is None or chosen.post.id != post_id:
        raise PostNotHeld("این سمت از آنِ شما نیست یا پایان یافته است.")
    with transaction.atomic(durable=True):
        record(
            actor=chosen,
            event=AccountsEvent.POST_CHOSEN,
            obj=account,
            unit_path=chosen.unit_path,
            after={"post": post_id, "from_post": actor.post.id if actor.post else None},
        )
    return chosen
