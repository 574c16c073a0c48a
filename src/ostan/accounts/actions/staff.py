"""Staff accounts: creating one, moving it to another role or unit, switching it off and on again.

Accounts are never deleted: the audit log points at them.
"""

from __future__ import annotations

import re
import unicodedata

from django.db import IntegrityError, transaction

from ostan.accounts.actions.authority import (
    AUDITED_FIELDS,
    ensure_may_assign,
    ensure_may_manage,
    ensure_not_last_administrator,
    locked_account,
    record_change,
)
from ostan.accounts.actions.credentials import clean_password
from ostan.accounts.errors import AccountStateConflict, InvalidAccount
from ostan.accounts.models import Role, User
from ostan.auditlog.actions import record, snapshot
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


def create_staff_account(
    *,
    actor: User,
    username: str,
    full_name: str,
    role: str,
    unit: Unit | None,
    password: str,
    mobile: str = "",
    must_change_password: bool = True,
) -> User:
    """A new staff account at ``unit`` (and below), made by a system administrator or an official whose
    scope holds ``unit`` and whose role is not below ``role``. The password is a temporary one that the
    new holder replaces at first sign-in; only loaders of fixed demo data pass ``must_change_password=False``."""
    ensure_may_assign(actor, role, unit)
    user = User(
        username=_clean_username(username),
        first_name=_clean_full_name(full_name),
        role=role,
        unit=unit,
        mobile=_clean_mobile(mobile),
        is_staff=True,
        must_change_password=must_change_password,
    )
    clean_password(password, user)
    user.set_password(password)
    try:
        with transaction.atomic(durable=True):
            user.save()
            record(actor=actor, event="accounts.create", obj=user, unit=unit, after=snapshot(user, AUDITED_FIELDS))
    except IntegrityError:  # the same username saved by someone else since the check above
        raise _taken() from None
    return user


def ensure_may_change(*, actor: User, account: User, role: str, unit: Unit | None) -> None:
    """The checks of :func:`change_role_or_unit` without the change, for forms that validate first."""
    ensure_may_assign(actor, role, unit)
    ensure_may_manage(actor, account)


def change_role_or_unit(*, actor: User, account_id: int, role: str, unit: Unit | None) -> User:
    """Move an account to another role or unit; both the old and the new place must be in the actor's scope."""
    ensure_may_assign(actor, role, unit)
    with transaction.atomic(durable=True):
        account = locked_account(actor, account_id)
        ensure_may_manage(actor, account)
        if account.role == role and account.unit_id == (unit.pk if unit else None):
            raise AccountStateConflict("نقش و واحد تازه با نقش و واحد کنونی یکی است.", code="no_change")
        if role != Role.SYSTEM_ADMINISTRATOR:
            ensure_not_last_administrator(account)
        before, before_unit = snapshot(account, AUDITED_FIELDS), account.unit
        account.role, account.unit, account.is_staff = role, unit, True
        account.save(update_fields=["role", "unit", "is_staff"])
        record_change(
            actor=actor, event="accounts.change_role", account=account, before=before, unit=unit or before_unit
        )
    return account


def deactivate_account(*, actor: User, account_id: int) -> User:
    """Switch an account off: it can no longer sign in, and its open sessions end at their next request."""
    with transaction.atomic(durable=True):
        account = locked_account(actor, account_id)
        ensure_may_manage(actor, account)
        if not account.is_active:
            raise AccountStateConflict("این حساب پیش‌تر غیرفعال شده است.", code="already_inactive")
        ensure_not_last_administrator(account)
        before = snapshot(account, AUDITED_FIELDS)
        account.is_active = False
        account.save(update_fields=["is_active"])
        record_change(actor=actor, event="accounts.deactivate", account=account, before=before, unit=account.unit)
    return account


def reactivate_account(*, actor: User, account_id: int) -> User:
    """Switch a deactivated account on again, with the role and unit it had (both checked anew)."""
    with transaction.atomic(durable=True):
        account = locked_account(actor, account_id)
        ensure_may_manage(actor, account)
        if account.is_active:
            raise AccountStateConflict("این حساب هم‌اکنون فعال است.", code="already_active")
        before = snapshot(account, AUDITED_FIELDS)
        account.is_active = True
        account.save(update_fields=["is_active"])
        record_change(actor=actor, event="accounts.reactivate", account=account, before=before, unit=account.unit)
    return account
