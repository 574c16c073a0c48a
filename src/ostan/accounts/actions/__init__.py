"""Every change to an account: its validation, one transaction and one audit entry (who may make which
change is in ``ostan.accounts.authority``). Passwords and one-time codes never appear in an entry."""

from ostan.accounts.actions.credentials import change_own_password, clear_lockout, set_temporary_password
from ostan.accounts.actions.staff import (
    add_post,
    change_role_or_unit,
    create_staff_account,
    deactivate_account,
    end_post,
    reactivate_account,
)

__all__ = [
    "add_post",
    "change_own_password",
    "change_role_or_unit",
    "clear_lockout",
    "create_staff_account",
    "deactivate_account",
    "end_post",
    "reactivate_account",
    "set_temporary_password",
]
