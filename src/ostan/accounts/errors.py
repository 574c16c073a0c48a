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


class TooManyAttempts(DomainError):
    code = "too_many_attempts"
    status = 429


class LoginRefused(DomainError):
    code = "invalid_credentials"
    status = 401


class CitizenSignInRefused(DomainError):
    status = 403


class PostNotHeld(DomainError):
    code = "post_not_held"
    status = 403


# Codes given where an action raises (``DomainError(message, code=...)``) rather than by a class above.
CODES = {
    "account_inactive": "این حساب غیرفعال شده است.",
    "already_active": "حساب هم‌اکنون فعال است.",
    "already_inactive": "حساب پیش‌تر غیرفعال شده است.",
    "mobile_mismatch": "شمارهٔ همراه با شمارهٔ ثبت‌شده برای این کد ملی یکی نیست.",
    "no_change": "تغییر خواسته‌شده با وضع کنونی یکی است.",
    "not_locked": "ورود این حساب بسته نیست.",
    "post_ended": "این سمت پیش‌تر پایان یافته است.",
    "several_posts": "حساب چند سمت دارد: سمت‌ها یکی‌یکی تغییر می‌کنند.",
    "staff_account": "این کد ملی از آنِ حساب کارکنان است: ورود از صفحهٔ کارکنان.",
}
