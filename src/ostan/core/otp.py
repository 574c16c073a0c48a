"""One-time sign-in codes sent by SMS: generation, keyed hashing, expiry and the attempt limit.

Codes are never stored: only ``HMAC-SHA256(key, subject ‖ code)``, so a copy of the table (or a log of
it) does not let anyone sign in, and a digest for one person is useless for another. Randomness and the
clock are arguments.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from collections.abc import Callable
from dataclasses import dataclass, replace

from ostan.core.errors import DomainError
from ostan.core.text import only_digits

CODE_LENGTH = 6
# A code sent by SMS is short-lived: long enough to read and type, too short to be worth stealing.
LIFETIME = dt.timedelta(minutes=2)
# Six digits and five tries give an attacker a 1 in 200,000 chance per code.
MAX_ATTEMPTS = 5


class OtpError(DomainError):
    status = 400


class OtpExpired(OtpError):
    code = "otp_expired"


class OtpWrong(OtpError):
    code = "otp_wrong"


class OtpExhausted(OtpError):
    code = "too_many_attempts"
    status = 429


@dataclass(frozen=True)
class Challenge:
    """What is kept about a code that was sent: its digest, when it dies and how often it was tried."""

    digest: str
    issued_at: dt.datetime
    expires_at: dt.datetime
    attempts: int = 0
    is_used: bool = False


def generate_code(randbelow: Callable[[int], int], length: int = CODE_LENGTH) -> str:
    """``length`` decimal digits; ``randbelow(n)`` is the caller's uniform source in ``[0, n)``."""
    return "".join(str(randbelow(10)) for _ in range(length))


def digest(code: str, *, key: bytes, subject: str) -> str:
    """The stored form of ``code`` for ``subject`` (e.g. the national code it was sent for)."""
    message = f"{subject}:{code}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def issue(code: str, *, key: bytes, subject: str, now: dt.datetime, lifetime: dt.timedelta = LIFETIME) -> Challenge:
    return Challenge(digest=digest(code, key=key, subject=subject), issued_at=now, expires_at=now + lifetime)


def is_expired(challenge: Challenge, now: dt.datetime) -> bool:
    return now >= challenge.expires_at


def check(
    challenge: Challenge, typed: str, *, key: bytes, subject: str, now: dt.datetime, max_attempts: int = MAX_ATTEMPTS
) -> tuple[Challenge, OtpError | None]:
    """Try ``typed`` against ``challenge``; the updated challenge and the refusal, if any.

    Every try that reaches the comparison counts, right or wrong, so a used-up code stays used up. The
    comparison is constant-time. The caller stores the returned challenge before acting on the result.
    """
    if challenge.is_used or challenge.attempts >= max_attempts:
        return challenge, OtpExhausted("تعداد تلاش‌ها برای این کد تمام شده است؛ کد تازه‌ای درخواست کنید.")
    if is_expired(challenge, now):
        return challenge, OtpExpired("این کد منقضی شده است؛ کد تازه‌ای درخواست کنید.")
    tried = replace(challenge, attempts=challenge.attempts + 1)
    cleaned = only_digits(typed) or ""
    expected = challenge.digest.encode()
    actual = digest(cleaned, key=key, subject=subject).encode()
    if len(cleaned) != CODE_LENGTH or not hmac.compare_digest(expected, actual):
        return tried, OtpWrong("کد واردشده درست نیست.")
    return replace(tried, is_used=True), None
