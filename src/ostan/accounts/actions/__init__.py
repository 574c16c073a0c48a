"""Every change to an account: who may make it, its validation, one transaction and one audit entry.

Passwords and one-time codes never appear in an entry's ``before`` or ``after``.
"""

from ostan.accounts.actions.authority import AUDITED_FIELDS, ensure_may_manage, may_manage
from ostan.accounts.actions.credentials import (
    PASSWORD_ERRORS,
    change_own_password,
    clear_lockout,
    set_temporary_password,
)
from ostan.accounts.actions.staff import (
    change_role_or_unit,
    create_staff_account,
    deactivate_account,
    ensure_may_change,
    reactivate_account,
)
from ostan.accounts.errors import InvalidAccount

__all__ = [
    "AUDITED_FIELDS",
    "PASSWORD_ERRORS",
    "InvalidAccount",
    "change_own_password",
    "change_role_or_unit",
    "clear_lockout",
    "create_staff_account",
    "deactivate_account",
    "ensure_may_change",
    "ensure_may_manage",
    "may_manage",
    "reactivate_account",
    "set_temporary_password",
]
