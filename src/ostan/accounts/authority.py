"""Who may change which account: the rules every account action checks before it writes.

An actor manages an account when every current post of it is one the actor could hand out: a role not
above their own, on their own line of command (``roles.may_assign``), at a unit in their territory.
Nobody changes their own account; the last active system administrator stays.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from ostan.access.models import Organisation, Post, current_q
from ostan.accounts.errors import InvalidAccount, LastAdministrator, OwnAccount, RoleNotAssignable
from ostan.accounts.events import AccountsEvent
from ostan.accounts.models import User
from ostan.accounts.permissions import MANAGE_ACCOUNTS
from ostan.auditlog.actions import record, snapshot
from ostan.core.access import Actor, OutOfScope, Role, decide
from ostan.core.access import roles as role_rules
from ostan.core.errors import DomainError, NotFound, PermissionRefused
from ostan.territory.models import Unit
from ostan.territory.scope import EVERYTHING, subtree_q, target_of

# What an audit entry shows of an account: never the password hash. Its posts are added as a list.
AUDITED_FIELDS = ("username", "first_name", "mobile", "is_active", "is_staff", "must_change_password")


def posts_held(account: User, at: dt.datetime | None = None) -> list[Post]:
    at = at or timezone.now()
    posts = Post.objects.filter(current_q(at), person=account).select_related("unit", "organisation")
    return list(posts.order_by("starts_at", "pk"))


def post_facts(post: Post) -> dict[str, Any]:
    return {
        "id": post.pk,
        "role": post.role,
        "unit": post.unit_id,
        "organisation": post.organisation_id,
        "starts_at": post.starts_at,
        "ends_at": post.ends_at,
    }


def account_facts(account: User, at: dt.datetime | None = None) -> dict[str, Any]:
    """An account's audited fields and its current posts, for an entry's ``before`` or ``after``."""
    return {**snapshot(account, AUDITED_FIELDS), "posts": [post_facts(p) for p in posts_held(account, at)]}


def ensure_active_actor(actor: Actor) -> None:
    if not actor.is_person:
        raise PermissionRefused("برای این کار باید وارد سامانه شده باشید.")


def ensure_may_assign(
    actor: Actor, role: str, unit: Unit | None, organisation: Organisation | None = None, *, is_new: bool = True
) -> None:
    """Refuse unless ``actor`` may give a post of ``role`` at ``unit`` (for ``organisation``)."""
    if role not in role_rules.STAFF_ROLES:
        raise InvalidAccount(
            "این نقش برای حساب کارکنان معتبر نیست؛ شهروندان با کد ملی و پیامک وارد می‌شوند.", details={"field": "role"}
        )
    if unit is None and role_rules.requires_unit(role):
        raise InvalidAccount("برای این نقش باید واحد محل خدمت را تعیین کنید.", details={"field": "unit"})
    if is_new and organisation is None and role_rules.requires_organisation(role):
        raise InvalidAccount("برای این نقش باید دستگاه یا نهاد را تعیین کنید.", details={"field": "organisation"})
    if is_new and organisation is not None and not organisation.is_active:
        raise InvalidAccount("این سازمان غیرفعال است.", details={"field": "organisation"})
    if actor.is_system:  # loaders and the platform's own jobs: recorded as the system, with their reason
        return
    ensure_active_actor(actor)
    if actor.role is None or not role_rules.may_assign(actor.role, role):
        raise RoleNotAssignable("نقش شما اجازه واگذاری این نقش را نمی‌دهد.", details={"field": "role"})
    if unit is not None:
        decision = decide(actor, MANAGE_ACCOUNTS, target_of(unit))
        if not decision.allowed:
            raise OutOfScope(decision.message, details={"field": "unit"})
    elif not actor.is_national:
        raise OutOfScope("فقط مدیر سامانه می‌تواند حساب بدون واحد بسازد.")


def ensure_may_manage(actor: Actor, account: User) -> None:
    """Every current post of the account must be one the actor may hand out."""
    if actor.is_system:
        return
    ensure_active_actor(actor)
    if account.pk == actor.person_id:
        raise OwnAccount("نقش، واحد، گذرواژه یا وضعیت حساب خودتان را از اینجا نمی‌توانید تغییر دهید.")
    if not account.is_staff:
        if not actor.is_national:
            raise PermissionRefused("حساب شهروندان را فقط مدیر سامانه تغییر می‌دهد.")
        return
    posts = posts_held(account)
    if not posts:  # every post ended: judged by the last one, so its unit can give it a post again
        last = Post.objects.filter(person=account).select_related("unit", "organisation").order_by("-starts_at").first()
        if last is None:
            if not actor.is_national:
                raise OutOfScope("این حساب سمتی ندارد؛ فقط مدیر سامانه آن را تغییر می‌دهد.")
            return
        posts = [last]
    for post in posts:
        ensure_may_assign(actor, post.role, post.unit, post.organisation, is_new=False)


def ensure_may_change(
    *, actor: Actor, account: User, role: str, unit: Unit | None, organisation: Organisation | None = None
) -> None:
    """The checks of :func:`change_role_or_unit` without the change, for forms that validate first."""
    ensure_may_assign(actor, role, unit, organisation)
    ensure_may_manage(actor, account)


def may_manage(actor: Actor, account: User) -> bool:
    """:func:`ensure_may_manage` as a yes or no, for pages deciding which buttons to offer."""
    try:
        ensure_may_manage(actor, account)
    except DomainError:
        return False
    return True


def accounts_q(actor: Actor, at: dt.datetime | None = None) -> Q:
    """The accounts ``actor`` may see: everything for national actors, else those with a current post in
    the actor's unit subtree, and those without one that last served there (citizens hold no post and so
    never appear)."""
    if actor.is_national:
        return EVERYTHING
    if actor.unit_path is None:
        return Q(pk__in=[])
    at = at or timezone.now()
    in_scope = Post.objects.filter(subtree_q(actor, "unit__path"))
    held_here = in_scope.filter(current_q(at)).values("person_id")
    held_anywhere = Post.objects.filter(current_q(at)).values("person_id")
    # An account whose posts have all ended stays with the unit it served, so it can be given a post again.
    return Q(pk__in=held_here) | (Q(pk__in=in_scope.values("person_id")) & ~Q(pk__in=held_anywhere))


def locked_account(actor: Actor, account_id: int) -> User:
    """The account, row-locked for the rest of the transaction. Accounts outside the actor's scope are
    reported as missing: an official learns nothing about accounts elsewhere, not even their unit."""
    account = User.objects.select_for_update(of=("self",)).filter(accounts_q(actor), pk=account_id).first()
    if account is None:
        raise NotFound("چنین حسابی در حوزهٔ مسئولیت شما یافت نشد.")
    return account


def _active_administrators(at: dt.datetime) -> QuerySet[User]:
    held = Post.objects.filter(current_q(at), role=Role.SYSTEM_ADMINISTRATOR).values("person_id")
    return User.objects.filter(is_active=True, pk__in=held)


def ensure_not_last_administrator(account: User, *, losing: Post | None = None) -> None:
    """Refuse to switch off or demote the last active system administrator (``losing``: the one post that
    goes). The administrators' rows are locked first, so two administrators switching each other off at
    once cannot both succeed."""
    at = timezone.now()
    if not account.is_active:
        return
    held = [p for p in posts_held(account, at) if p.role == Role.SYSTEM_ADMINISTRATOR]
    if not held or (losing is not None and any(p.pk != losing.pk for p in held)):
        return
    others = list(_active_administrators(at).select_for_update().order_by("pk").exclude(pk=account.pk))
    if not others:
        raise LastAdministrator("این حساب آخرین مدیر فعال سامانه است؛ نخست مدیر دیگری تعیین کنید.")


def post_unit(account: User) -> Unit | None:
    """The unit an account's entries are filed under: that of its earliest current post."""
    posts = posts_held(account)
    return posts[0].unit if posts else None


def record_change(
    *, actor: Actor, event: AccountsEvent, account: User, before: dict[str, Any], unit: Unit | None
) -> None:
    """The action's one audit entry: the account's audited fields and posts, before and after."""
    record(actor=actor, event=event, obj=account, unit=unit, before=before, after=account_facts(account))
