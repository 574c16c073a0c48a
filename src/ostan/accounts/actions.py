"""Every change to an account: who may make it, its validation, and its one audit entry.

Passwords and one-time codes never appear in an entry's ``before`` or ``after``.
"""

from __future__ import annotations

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from ostan.accounts import roles
from ostan.accounts.models import Role, User
from ostan.accounts.scope import OutOfScope, ensure_can_act, is_national
from ostan.auditlog.actions import record, snapshot
from ostan.core.errors import DomainError, NotFound, PermissionRefused
from ostan.core.phone import normalize_mobile
from ostan.core.text import normalize
from ostan.territory.models import Unit

# What an audit entry shows of an account: never the password hash.
AUDITED_FIELDS = ("username", "first_name", "role", "unit", "mobile", "is_active", "is_staff")
USERNAME_MAX_LENGTH = 150


class InvalidAccount(DomainError):
    code = "invalid_account"


def _ensure_may_assign(actor: User, role: str, unit: Unit | None) -> None:
    """Refuse unless ``actor`` may give ``role`` at ``unit``; the unit rule is checked here, not in save()."""
    if role not in roles.STAFF_ROLES:
        raise InvalidAccount("این نقش برای حساب کارکنان معتبر نیست؛ شهروندان با کد ملی و پیامک وارد می‌شوند.")
    if unit is None and roles.requires_unit(role):
        raise InvalidAccount("برای این نقش باید واحد محل خدمت را تعیین کنید.", details={"field": "unit"})
    if not (actor.is_authenticated and actor.is_active):
        raise PermissionRefused("برای این کار باید وارد سامانه شده باشید.")
    if not roles.may_assign(actor.role, role, actor_is_superuser=actor.is_superuser):
        raise PermissionRefused("نقش شما اجازه واگذاری این نقش را نمی‌دهد.")
    if unit is not None:
        ensure_can_act(actor, unit)
    elif not is_national(actor):
        raise OutOfScope("فقط مدیر سامانه می‌تواند حساب بدون واحد بسازد.")


def _ensure_may_manage(actor: User, account: User) -> None:
    """The account must already lie in the actor's scope, and hold a role the actor may hand out."""
    if account.pk == actor.pk:
        raise PermissionRefused("نقش، واحد یا وضعیت حساب خودتان را نمی‌توانید تغییر دهید.")
    if account.role == Role.CITIZEN and not is_national(actor):
        raise PermissionRefused("حساب شهروندان را فقط مدیر سامانه تغییر می‌دهد.")
    if account.role != Role.CITIZEN:
        _ensure_may_assign(actor, account.role, account.unit)


def _clean_username(raw: str) -> str:
    username = normalize(raw or "")
    if not username:
        raise InvalidAccount("نام کاربری را وارد کنید.", details={"field": "username"})
    if len(username) > USERNAME_MAX_LENGTH or any(c.isspace() for c in username):
        raise InvalidAccount("نام کاربری باید بدون فاصله و حداکثر ۱۵۰ نویسه باشد.", details={"field": "username"})
    if User.objects.filter(username__iexact=username).exists():
        raise InvalidAccount("این نام کاربری پیش‌تر ثبت شده است.", details={"field": "username"})
    return username


# Django's own validator messages are not all translated; these are shown instead, by error code.
PASSWORD_ERRORS = {
    "password_too_short": "گذرواژه کوتاه است؛ دست‌کم ۱۰ نویسه لازم است.",
    "password_too_common": "این گذرواژه بسیار رایج است؛ گذرواژهٔ دیگری برگزینید.",
    "password_too_similar": "گذرواژه به نام کاربری یا مشخصات حساب بسیار شبیه است.",
    "password_entirely_numeric": "گذرواژه نباید فقط از رقم تشکیل شده باشد.",
}


def _clean_password(password: str, user: User) -> None:
    try:
        validate_password(password, user)
    except ValidationError as exc:
        texts = [PASSWORD_ERRORS.get(e.code or "", "این گذرواژه پذیرفته نیست.") for e in exc.error_list]
        raise InvalidAccount(" ".join(dict.fromkeys(texts)), details={"field": "password"}) from exc


def create_staff_account(
    *, actor: User, username: str, full_name: str, role: str, unit: Unit | None, password: str, mobile: str = ""
) -> User:
    """A new staff account at ``unit`` (and below), made by a system administrator or an official
    whose scope holds ``unit`` and whose role is not below ``role``."""
    _ensure_may_assign(actor, role, unit)
    name = normalize(full_name or "")
    if not name:
        raise InvalidAccount("نام و نام خانوادگی را وارد کنید.", details={"field": "full_name"})
    user = User(
        username=_clean_username(username),
        first_name=name[:150],
        role=role,
        unit=unit,
        mobile=normalize_mobile(mobile) if (mobile or "").strip() else "",
        is_staff=True,
    )
    _clean_password(password, user)
    user.set_password(password)
    with transaction.atomic(durable=True):
        user.save()
        record(actor=actor, event="accounts.create", obj=user, unit=unit, after=snapshot(user, AUDITED_FIELDS))
    return user


def deactivate_account(*, actor: User, account_id: int) -> User:
    """Switch an account off. Accounts are never deleted: the audit log points at them."""
    with transaction.atomic(durable=True):
        account = _locked(account_id)
        _ensure_may_manage(actor, account)
        if not account.is_active:
            raise InvalidAccount("این حساب پیش‌تر غیرفعال شده است.")
        before = snapshot(account, AUDITED_FIELDS)
        account.is_active = False
        account.save(update_fields=["is_active"])
        after = snapshot(account, AUDITED_FIELDS)
        record(actor=actor, event="accounts.deactivate", obj=account, unit=account.unit, before=before, after=after)
    return account


def ensure_may_change(*, actor: User, account: User, role: str, unit: Unit | None) -> None:
    """The checks of :func:`change_role_or_unit` without the change, for forms that validate first."""
    _ensure_may_assign(actor, role, unit)
    _ensure_may_manage(actor, account)


def change_role_or_unit(*, actor: User, account_id: int, role: str, unit: Unit | None) -> User:
    """Move an account to another role or unit; both the old and the new place must be in the actor's scope."""
    _ensure_may_assign(actor, role, unit)
    with transaction.atomic(durable=True):
        account = _locked(account_id)
        _ensure_may_manage(actor, account)
        if account.role == role and account.unit_id == (unit.pk if unit else None):
            raise InvalidAccount("نقش و واحد تازه با نقش و واحد کنونی یکی است.")
        before, before_unit = snapshot(account, AUDITED_FIELDS), account.unit
        account.role, account.unit, account.is_staff = role, unit, True
        account.save(update_fields=["role", "unit", "is_staff"])
        after = snapshot(account, AUDITED_FIELDS)
        record(
            actor=actor, event="accounts.change_role", obj=account, unit=unit or before_unit, before=before, after=after
        )
    return account


def _locked(account_id: int) -> User:
    account = User.objects.select_for_update(of=("self",)).select_related("unit").filter(pk=account_id).first()
    if account is None:
        raise NotFound("چنین حسابی یافت نشد.")
    return account
