"""Why an account change was refused: each refusal has a stable code for API clients and a Persian message."""

from __future__ import annotations

from ostan.core.errors import DomainError, PermissionRefused


class InvalidAccount(DomainError):
    """A field of the account is wrong; ``details["field"]`` names it."""

    code = "invalid_account"


class RoleNotAssignable(PermissionRefused):
    """The actor's role may not hand out this role (above their own, or on another line of command)."""

    code = "role_not_assignable"


class OwnAccount(PermissionRefused):
    """Nobody changes the role, unit or state of their own account: someone else has to."""

    code = "own_account"


class LastAdministrator(DomainError):
    """The country would be left without an active system administrator."""

    code = "last_administrator"
    status = 409


class AccountStateConflict(DomainError):
    """The account is already in the state asked for (``already_active``, ``already_inactive``, ...)."""

    code = "state_conflict"
    status = 409


class WrongPassword(DomainError):
    code = "wrong_password"


class PasswordChangeRequired(PermissionRefused):
    """A temporary password is still in use: nothing else opens until it is replaced."""

    code = "password_change_required"
