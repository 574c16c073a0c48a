"""Attempt counters kept in Django's cache, over the pure sliding-window core.

``now`` is the one clock seam: tests replace it to move time instead of sleeping. Counters are read and
written without a lock, so two simultaneous attempts may both slip through before the count catches
up; the limit is a brake on guessing, not a ledger, and one extra guess in a race does not matter.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from dataclasses import dataclass

from django.core.cache import cache
from django.utils import timezone

from ostan.accounts.errors import TooManyAttempts
from ostan.core import ratelimit
from ostan.core.text import to_persian_digits

LOGIN_POLICY = ratelimit.Policy(limit=5, window=dt.timedelta(minutes=15), lockout=dt.timedelta(minutes=15))
OTP_REQUEST_POLICY = ratelimit.Policy(limit=3, window=dt.timedelta(minutes=10), lockout=dt.timedelta(minutes=10))
# One address may serve a family or an office behind one NAT: allow more than one person's worth.
OTP_REQUEST_IP_POLICY = ratelimit.Policy(limit=10, window=dt.timedelta(minutes=10), lockout=dt.timedelta(minutes=10))


def now() -> dt.datetime:
    return timezone.now()


def refusal(wait: dt.timedelta) -> TooManyAttempts:
    minutes = max(1, math.ceil(wait.total_seconds() / 60))
    return TooManyAttempts(
        f"به دلیل تلاش‌های پیاپی، این کار تا {to_persian_digits(minutes)} دقیقه دیگر ممکن نیست.",
        details={"retry_after_seconds": math.ceil(wait.total_seconds())},
    )


def _encode(counter: ratelimit.Counter) -> dict[str, object]:
    return {
        "attempts_at": [t.isoformat() for t in counter.attempts_at],
        "locked_until": counter.locked_until.isoformat() if counter.locked_until else None,
    }


def _decode(raw: object) -> ratelimit.Counter:
    if not isinstance(raw, dict):
        return ratelimit.EMPTY
    locked = raw.get("locked_until")
    return ratelimit.Counter(
        attempts_at=tuple(dt.datetime.fromisoformat(t) for t in raw.get("attempts_at", [])),
        locked_until=dt.datetime.fromisoformat(locked) if locked else None,
    )


@dataclass(frozen=True)
class Limiter:
    """One family of counters, e.g. failed logins per username."""

    name: str
    policy: ratelimit.Policy

    def _key(self, subject: str) -> str:
        # Hashed: usernames and addresses may hold characters a cache key must not.
        return f"ostan:attempts:{self.name}:{hashlib.sha256(subject.encode()).hexdigest()}"

    def load(self, subject: str) -> ratelimit.Counter:
        return _decode(cache.get(self._key(subject)))

    def ensure_open(self, subject: str, at: dt.datetime) -> None:
        counter = self.load(subject)
        if ratelimit.is_locked(counter, at):
            raise refusal(ratelimit.retry_after(counter, at))

    def is_locked(self, subject: str, at: dt.datetime) -> bool:
        return ratelimit.is_locked(self.load(subject), at)

    def hit(self, subject: str, at: dt.datetime) -> bool:
        """Count one attempt; True when this very attempt started a lockout."""
        before = self.load(subject)
        after = ratelimit.hit(before, at, self.policy)
        timeout = max(self.policy.window, self.policy.lockout).total_seconds()
        cache.set(self._key(subject), _encode(after), timeout=math.ceil(timeout))
        return ratelimit.is_locked(after, at) and not ratelimit.is_locked(before, at)

    def reset(self, subject: str) -> None:
        cache.delete(self._key(subject))


LOGIN_BY_USERNAME = Limiter("login-user", LOGIN_POLICY)
LOGIN_BY_ADDRESS = Limiter("login-ip", LOGIN_POLICY)
OTP_BY_NATIONAL_CODE = Limiter("otp-code", OTP_REQUEST_POLICY)
OTP_BY_ADDRESS = Limiter("otp-ip", OTP_REQUEST_IP_POLICY)
