"""Iranian mobile numbers in one form, 09xxxxxxxxx, whatever digits or prefix people type."""

from __future__ import annotations

import re

from ostan.core.errors import DomainError
from ostan.core.text import normalize_digits

_SEPARATORS = re.compile(r"[\s\-().\u200c\u200e\u200f]")
# Mobile numbers are 9 and nine more digits after the trunk prefix 0 or country code 98.
_NATIONAL = re.compile(r"9\d{9}")


class InvalidMobile(DomainError):
    code = "invalid_mobile"


def normalize_mobile(raw: str) -> str:
    """«۰۹۱۲ ۳۴۵ ۶۷۸۹», «+98 912 345 6789», «00989123456789» or «9123456789» → «09123456789»."""
    text = _SEPARATORS.sub("", normalize_digits(raw or ""))
    if not text:
        raise InvalidMobile("شماره تلفن همراه را وارد کنید.")
    for prefix in ("+98", "0098", "98", "0"):
        if text.startswith(prefix) and _NATIONAL.fullmatch(text[len(prefix) :]):
            return "0" + text[len(prefix) :]
    if _NATIONAL.fullmatch(text):
        return "0" + text
    if not text.lstrip("+").isdigit():
        raise InvalidMobile("شماره تلفن همراه باید فقط از رقم تشکیل شده باشد.")
    raise InvalidMobile("شماره تلفن همراه باید به شکل ۰۹۱۲۳۴۵۶۷۸۹ و یازده رقم باشد.")


def mask(mobile: str) -> str:
    """«09123456789» → «0912***6789»: enough to recognise one's own number, not to read someone else's."""
    return mobile[:4] + "***" + mobile[-4:] if len(mobile) >= 8 else "***"
