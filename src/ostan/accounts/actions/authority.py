"""Who may change which account: the rules every account action checks before it writes.

An actor manages an account when the account lies in their scope and holds a role the actor may hand
out (``roles.may_assign``: not above their own, on their own line of command); they give a role only at
units in their scope; nobody changes their own account; the last active system administrator stays.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from ostan.accounts import roles
from ostan.accounts.errors import InvalidAccount, LastAdministrator, OwnAccount, RoleNotAssignable
from ostan.accounts.models import Role, User
from ostan.accounts.scope import OutOfScope, ensure_can_act, is_national
from ostan.accounts.selectors import accounts_q
from ostan.auditlog.actions import record, snapshot
from ostan.core.errors import DomainError, NotFound, PermissionRefused
from ostan.territory.models import Unit

# What an audit entry shows of an account: never the password hash.
AUDITED_FIELDS = (
    "username",
    "first_name",
    "role",
    "unit",
    "mobile",
    "is_active",
    "is_staff",
    "must_change_password",
)


def ensure_active_actor(actor: User) -> None:
    if not (actor.is_authenticated and actor.is_active):
        raise PermissionRefused("برای این کار باید وارد سامانه شده باشید.")


def ensure_may_assign(actor: User, role: str, unit: Unit | None) -> None:
    """Refuse unless ``actor`` may give ``role`` at ``unit``; the unit rule is checked here, not in save()."""
    if role not in roles.STAFF_ROLES:
        raise InvalidAccount(
            "این نقش برای حساب کارکنان معتبر نیست؛ شهروندان با کد ملی و پیامک وارد می‌شوند.", details={"field": "role"}
        )
    if unit is None and roles.requires_unit(role):
        raise InvalidAccount("برای این نقش باید واحد محل خدمت را تعیین کنید.", details={"field": "unit"})
    ensure_active_actor(actor)
    if not roles.may_assign(actor.role, role, actor_is_superuser=actor.is_superuser):
        raise RoleNotAssignable("نقش شما اجازه واگذاری این نقش را نمی‌دهد.", details={"field": "role"})
    if unit is not None:
        try:
            ensure_can_act(actor, unit)
        except OutOfScope as exc:
            raise OutOfScope(exc.message, details={"field": "unit"}) from None
    elif not is_national(actor):
        raise OutOfScope("فقط مدیر سامانه می‌تواند حساب بدون واحد بسازد.")


def ensure_may_manage(actor: User, account: User) -> None:
    """The account must already lie in the actor's scope, and hold a role the actor may hand out."""
    ensure_active_actor(actor)
    if account.pk == actor.pk:
        raise OwnAccount("نقش، واحد، گذرواژه یا وضعیت حساب خودتان را از اینجا نمی‌توانید تغییر دهید.")
    if account.role == Role.CITIZEN and not is_national(actor):
        raise PermissionRefused("حساب شهروندان را فقط مدیر سامانه تغییر می‌دهد.")
    if account.role != Role.CITIZEN:
        ensure_may_assign(actor, account.role, account.unit)


def may_manage(actor: User, account: User) -> bool:
    """:func:`ensure_may_manage` as a yes or no, for pages deciding which buttons to offer."""
    try:
        ensure_may_manage(actor, account)
    except DomainError:
        return False
    return True


def locked_account(actor: User, account_id: int) -> User:
    """The account, row-locked for the rest of the transaction. Accounts outside the actor's scope are
    reported as missing: an official learns nothing about accounts elsewhere, not even their unit."""
    account = (
        User.objects.select_for_update(of=("self",))
        .select_related("unit")
        .filter(accounts_q(actor), pk=account_id)
        .first()
    )
    if account is None:
        raise NotFound("چنین حسابی در حوزهٔ مسئولیت شما یافت نشد.")
    return account


def _active_administrators() -> QuerySet[User]:
    return User.objects.filter(role=Role.SYSTEM_ADMINISTRATOR, is_active=True)


def ensure_not_last_administrator(account: User) -> None:
    """Refuse to switch off or demote the last active system administrator. The administrators' rows are
    locked first, so two administrators switching each other off at once cannot both succeed."""
    if account.role != Role.SYSTEM_ADMINISTRATOR or not account.is_active:
        return
    others = list(_active_administrators().select_for_update().order_by("pk").exclude(pk=account.pk))
    if not others:
        raise LastAdministrator("این حساب آخرین مدیر فعال سامانه است؛ نخست مدیر دیگری تعیین کنید.")


def record_change(*, actor: User, event: str, account: User, before: dict[str, Any], unit: Unit | None) -> None:
    """The action's one audit entry: the account's audited fields before and after."""
    after = snapshot(account, AUDITED_FIELDS)
    record(actor=actor, event=event, obj=account, unit=unit, before=before, after=after)
