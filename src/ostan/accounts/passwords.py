"""Password rules: Django's validators (settings.AUTH_PASSWORD_VALIDATORS) with Persian messages.

Passwords never appear in an audit entry, an error message or a log line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.views.decorators.debug import sensitive_variables

from ostan.accounts.errors import InvalidAccount

if TYPE_CHECKING:
    from ostan.accounts.models import User

# Long enough for any passphrase; longer input only makes the hasher work for nothing.
PASSWORD_MAX_LENGTH = 128

# Django's own validator messages are not all translated; these are shown instead, by error code.
PASSWORD_ERRORS = {
    "password_too_short": "گذرواژه کوتاه است؛ دست‌کم ۱۰ نویسه لازم است.",
    "password_too_common": "این گذرواژه بسیار رایج است؛ گذرواژهٔ دیگری برگزینید.",
    "password_too_similar": "گذرواژه به نام کاربری یا مشخصات حساب بسیار شبیه است.",
    "password_entirely_numeric": "گذرواژه نباید فقط از رقم تشکیل شده باشد.",
}


@sensitive_variables("password")
def clean_password(password: str, user: User, *, field: str = "password") -> None:
    if len(password or "") > PASSWORD_MAX_LENGTH:
        raise InvalidAccount("گذرواژه حداکثر ۱۲۸ نویسه است.", details={"field": field})
    try:
        validate_password(password or "", user)
    except ValidationError as exc:
        texts = [PASSWORD_ERRORS.get(e.code or "", "این گذرواژه پذیرفته نیست.") for e in exc.error_list]
        raise InvalidAccount(" ".join(dict.fromkeys(texts)), details={"field": field}) from exc
