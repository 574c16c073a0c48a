"""Staff accounts and their posts: creating an account with its first post, adding and ending posts,
moving it to another role or unit, switching it off and on again.

Accounts and posts are never deleted: the audit log points at them. A post is never edited either: a
change of role or unit ends it and opens another.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from django.db import IntegrityError, transaction
from django.utils import timezone

from ostan.access.models import Organisation, Post
from ostan.accounts.authority import (
    account_facts,
    ensure_may_assign,
    ensure_may_manage,
    ensure_not_last_administrator,
    locked_account,
    post_unit,
    posts_held,
    record_change,
)
from ostan.accounts.errors import AccountStateConflict, InvalidAccount
from ostan.accounts.events import AccountsEvent
from ostan.accounts.models import User
from ostan.accounts.passwords import clean_password
from ostan.auditlog.actions import action, record
from ostan.core.access import Actor, Role
from ostan.core.phone import InvalidMobile, normalize_mobile
from ostan.core.text import normalize
from ostan.territory.models import Unit

USERNAME_MAX_LENGTH = 150
FULL_NAME_MAX_LENGTH = 150
# Django's own username rule (UnicodeUsernameValidator): letters of any script, digits and . @ + - _.
USERNAME_PATTERN = re.compile(r"[\w.@+-]+")


def _taken() -> InvalidAccount:
    return InvalidAccount("این نام کاربری پیش‌تر ثبت شده است.", details={"field": "username"})


def _clean_username(raw: str) -> str:
    username = normalize(raw or "")
    if not username:
        raise InvalidAccount("نام کاربری را وارد کنید.", details={"field": "username"})
    if len(username) > USERNAME_MAX_LENGTH or not USERNAME_PATTERN.fullmatch(username):
        raise InvalidAccount(
            "نام کاربری باید بدون فاصله، حداکثر ۱۵۰ نویسه و فقط از حرف، رقم و نشانه‌های . @ + - _ باشد.",
            details={"field": "username"},
        )
    if User.objects.filter(username__iexact=username).exists():
        raise _taken()
    return username


def _clean_full_name(raw: str) -> str:
    name = normalize(raw or "")
    if not name:
        raise InvalidAccount("نام و نام خانوادگی را وارد کنید.", details={"field": "full_name"})
    if len(name) > FULL_NAME_MAX_LENGTH or any(unicodedata.category(c) == "Cc" for c in name):
        raise InvalidAccount("نام و نام خانوادگی حداکثر ۱۵۰ نویسهٔ خواناست.", details={"field": "full_name"})
    return name


def _clean_mobile(raw: str) -> str:
    if not (raw or "").strip():
        return ""
    try:
        return normalize_mobile(raw)
    except InvalidMobile as exc:
        raise InvalidMobile(exc.message, details={"field": "mobile"}) from None


@action()
def create_staff_account(
    *,
    actor: Actor,
    username: str,
    full_name: str,
    role: str,
    unit: Unit | None,
    password: str,
    organisation: Organisation | None = None,
    mobile: str = "",
    must_change_password: bool = True,
) -> User:
    """A new staff account with its first post (``role`` at ``unit``, for ``organisation``), made by a
    system administrator or an official whose territory holds ``unit`` and whose role is not below
    ``role``. The password is a temporary one that the new holder replaces at first sign-in; only loaders
    of fixed demo data pass ``must_change_password=False``."""
    ensure_may_assign(actor, role, unit, organisation)
    user = User(
        username=_clean_username(username),
        first_name=_clean_full_name(full_name),
        mobile=_clean_mobile(mobile),
        is_staff=True,
        must_change_password=must_change_password,
    )
    clean_password(password, user)
    user.set_password(password)
    try:
        with transaction.atomic(durable=True):
            user.save()
            Post.objects.create(
                person=user, role=role, unit=unit, organisation=organisation, starts_at=user.date_joined
            )
            record(actor=actor, event=AccountsEvent.ACCOUNT_CREATED, obj=user, unit=unit, after=account_facts(user))
    except IntegrityError:  # the same username saved by someone else since the check above
        raise _taken() from None
    return user


@action()
def change_role_or_unit(
    *, actor: Actor, account_id: int, role: str, unit: Unit | None, organisation: Organisation | None = None
) -> User:
    """Move an account holding one post to another role or unit: the post ends now and a new one opens.
    Both the old and the new place must be in the actor's territory. An account with several posts is
    changed post by post (:func:`add_post`, :func:`end_post`)."""
    ensure_may_assign(actor, role, unit, organisation)
    with transaction.atomic(durable=True):
        account = locked_account(actor, account_id)
        ensure_may_manage(actor, account)
        posts = posts_held(account)
        if len(posts) > 1:
            raise AccountStateConflict(
                "این حساب چند سمت دارد؛ سمت‌ها را یکی‌یکی بیفزایید یا پایان دهید.", code="several_posts"
            )
        current = posts[0] if posts else None
        organisation_id = organisation.pk if organisation else None
        if current is not None and (current.role, current.unit_id, current.organisation_id) == (
            role, unit.pk if unit else None, organisation_id,
        ):  # fmt: skip
            raise AccountStateConflict("نقش و واحد تازه با نقش و واحد کنونی یکی است.", code="no_change")
        if role != Role.SYSTEM_ADMINISTRATOR:
            ensure_not_last_administrator(account, losing=current)
        before, before_unit = account_facts(account), current.unit if current else None
        at = timezone.now()
        if current is not None:
            current.ends_at = at
            current.save(update_fields=["ends_at"])
        Post.objects.create(person=account, role=role, unit=unit, organisation=organisation, starts_at=at)
        if not account.is_staff:
            account.is_staff = True
            account.save(update_fields=["is_staff"])
        record_change(
            actor=actor, event=AccountsEvent.POST_REPLACED, account=account, before=before, unit=unit or before_unit
        )
    return account


@action()
def add_post(
    *,
    actor: Actor,
    account_id: int,
    role: str,
    unit: Unit | None,
    organisation: Organisation | None = None,
    starts_at: dt.datetime | None = None,
    ends_at: dt.datetime | None = None,
) -> Post:
    """Give an account one more post (a county officer who also sits on the province's desk)."""
    ensure_may_assign(actor, role, unit, organisation)
    starts_at = starts_at or timezone.now()
    if ends_at is not None and ends_at <= starts_at:
        raise InvalidAccount("پایان سمت باید پس از آغاز آن باشد.", details={"field": "ends_at"})
    with transaction.atomic(durable=True):
        account = locked_account(actor, account_id)
        ensure_may_manage(actor, account)
        before = account_facts(account)
        for post in posts_held(account):
            if (post.role, post.unit_id, post.organisation_id) == (
                role,
                unit.pk if unit else None,
                organisation and organisation.pk,
            ):
                raise AccountStateConflict("این حساب همین سمت را هم‌اکنون دارد.", code="no_change")
        post = Post.objects.create(
            person=account, role=role, unit=unit, organisation=organisation, starts_at=starts_at, ends_at=ends_at
        )
        record_change(actor=actor, event=AccountsEvent.POST_ADDED, account=account, before=before, unit=unit)
    return post


@action()
def end_post(*, actor: Actor, post_id: int) -> Post:
    """End one of an account's current posts now; the account keeps its others."""
    with transaction.atomic(durable=True):
        post = Post.objects.select_related("unit", "organisation").filter(pk=post_id).first()
        if post is None:
            raise InvalidAccount("چنین سمتی یافت نشد.", code="not_found")
        account = locked_account(actor, post.person_id)
        ensure_may_manage(actor, account)
        at = timezone.now()
        if not post.is_current(at):
            raise AccountStateConflict("این سمت پیش‌تر پایان یافته است.", code="post_ended")
        ensure_not_last_administrator(account, losing=post)
        before = account_facts(account, at)
        post.ends_at = at
        post.save(update_fields=["ends_at"])
        record_change(actor=actor, event=AccountsEvent.POST_ENDED, account=account, before=before, unit=post.unit)
    return post


@action()
def deactivate_account(*, actor: Actor, account_id: int) -> User:
    """Switch an account off: it can no longer sign in, and its open sessions end at their next request."""
    with transaction.atomic(durable=True):
        account = locked_account(actor, account_id)
        ensure_may_manage(actor, account)
        if not account.is_active:
            raise AccountStateConflict("این حساب پیش‌تر غیرفعال شده است.", code="already_inactive")
        ensure_not_last_administrator(account)
        before = account_facts(account)
        account.is_active = False
        account.save(update_fields=["is_active"])
        record_change(
            actor=actor,
            event=AccountsEvent.ACCOUNT_DEACTIVATED,
            account=account,
            before=before,
            unit=post_unit(account),
        )
    return account


@action()
def reactivate_account(*, actor: Actor, account_id: int) -> User:
    """Switch a deactivated account on again, with the posts it had (each checked anew)."""
    with transaction.atomic(durable=True):
        account = locked_account(actor, account_id)
        ensure_may_manage(actor, account)
        if account.is_active:
            raise AccountStateConflict("این حساب هم‌اکنون فعال است.", code="already_active")
        before = account_facts(account)
        account.is_active = True
        account.save(update_fields=["is_active"])
        record_change(
            actor=actor,
            event=AccountsEvent.ACCOUNT_REACTIVATED,
            account=account,
            before=before,
            unit=post_unit(account),
        )
    return account
