"""Passwords and sign-in lockouts: a temporary password set by an official, the holder replacing it, and
an official reopening sign-in for an account locked after repeated failures.

Passwords are checked with Django's validators (settings.AUTH_PASSWORD_VALIDATORS) and never appear in
an audit entry, an error message or a log line.
"""

from __future__ import annotations

from django.db import transaction
from django.views.decorators.debug import sensitive_variables

from ostan.accounts import lockouts, logins
from ostan.accounts.authority import (
    account_facts,
    ensure_active_actor,
    ensure_may_manage,
    locked_account,
    post_unit,
    record_change,
)
from ostan.accounts.errors import AccountStateConflict, InvalidAccount, WrongPassword
from ostan.accounts.events import AccountsEvent
from ostan.accounts.models import User
from ostan.accounts.passwords import clean_password
from ostan.auditlog.actions import action, record
from ostan.core.access import Actor


@action()
@sensitive_variables("password")
def set_temporary_password(*, actor: Actor, account_id: int, password: str) -> User:
    """Give an account a password chosen by an official (someone who forgot theirs, a new device). The
    holder must replace it at the next sign-in, and sessions opened with the old one end."""
    with transaction.atomic(durable=True):
        account = locked_account(actor, account_id)
        ensure_may_manage(actor, account)
        clean_password(password, account)
        before = account_facts(account)
        account.set_password(password)
        account.must_change_password = True
        account.save(update_fields=["password", "must_change_password"])
        record_change(
            actor=actor,
            event=AccountsEvent.TEMPORARY_PASSWORD_SET,
            account=account,
            before=before,
            unit=post_unit(account),
        )
    return account


@action()
@sensitive_variables("current_password", "new_password")
def change_own_password(*, actor: Actor, current_password: str, new_password: str) -> User:
    """The holder replaces their password (a temporary one, or any time they wish)."""
    ensure_active_actor(actor)
    holder = User.objects.get(pk=actor.own_id)
    if not holder.has_usable_password():
        raise InvalidAccount("این حساب با گذرواژه وارد نمی‌شود.", details={"field": "current_password"})
    if not holder.check_password(current_password or ""):
        raise WrongPassword("گذرواژهٔ کنونی درست نیست.", details={"field": "current_password"})
    if new_password == current_password:
        raise InvalidAccount("گذرواژهٔ تازه باید با گذرواژهٔ کنونی فرق کند.", details={"field": "new_password"})
    clean_password(new_password, holder, field="new_password")
    with transaction.atomic(durable=True):
        account = User.objects.select_for_update(of=("self",)).get(pk=actor.own_id)
        before = account_facts(account)
        account.set_password(new_password)
        account.must_change_password = False
        account.save(update_fields=["password", "must_change_password"])
        record_change(
            actor=actor, event=AccountsEvent.PASSWORD_CHANGED, account=account, before=before, unit=post_unit(account)
        )
    return account


@action()
def clear_lockout(*, actor: Actor, account_id: int) -> User:
    """Reopen sign-in for an account locked after repeated failed passwords, before the lockout ends by
    itself. Only the account's own counter is cleared; a lockout of a client address stays."""
    with transaction.atomic(durable=True):
        account = locked_account(actor, account_id)
        ensure_may_manage(actor, account)
        key, at = logins.username_key(account.username), lockouts.now()
        until = account.login_locked_until
        is_marked = until is not None and until > at
        if not (is_marked or lockouts.LOGIN_BY_USERNAME.is_locked(key, at)):
            raise AccountStateConflict("ورود این حساب بسته نیست.", code="not_locked")
        # The counters live in the database cache, on this same connection: the reset commits or rolls
        # back together with the entry.
        lockouts.LOGIN_BY_USERNAME.reset(key)
        account.login_locked_until = None
        account.save(update_fields=["login_locked_until"])
        before = {"login_locked_until": until.isoformat() if is_marked and until else None}
        record(
            actor=actor,
            event=AccountsEvent.LOCKOUT_CLEARED,
            obj=account,
            unit=post_unit(account),
            before=before,
            after={"login_locked_until": None},
        )
    return account
