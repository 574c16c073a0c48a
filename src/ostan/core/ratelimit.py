"""Counting attempts in a sliding window and locking out once a limit is reached.

A sliding log (the moments of the last few attempts) rather than a fixed window: a fixed window lets
twice the limit through around its boundary, and limits here are small, so the log stays short.

The core holds no state and reads no clock: a :class:`Counter` goes in with ``now`` and a new one comes
out. Where counters live (the cache, a table) and where ``now`` comes from are the caller's business.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Policy:
    """At most ``limit`` attempts in ``window``; reaching it refuses everything for ``lockout``."""

    limit: int
    window: dt.timedelta
    lockout: dt.timedelta

    def __post_init__(self) -> None:
        if self.limit < 1 or self.window <= dt.timedelta(0) or self.lockout <= dt.timedelta(0):
            raise ValueError("a rate-limit policy needs a positive limit, window and lockout")


@dataclass(frozen=True)
class Counter:
    attempts_at: tuple[dt.datetime, ...] = ()
    locked_until: dt.datetime | None = None

    @property
    def count(self) -> int:
        return len(self.attempts_at)


EMPTY = Counter()


def is_locked(counter: Counter, now: dt.datetime) -> bool:
    return counter.locked_until is not None and now < counter.locked_until


def retry_after(counter: Counter, now: dt.datetime) -> dt.timedelta:
    """How long until attempts are accepted again; zero when they are accepted now."""
    if counter.locked_until is None or now >= counter.locked_until:
        return dt.timedelta(0)
    return counter.locked_until - now


def current(counter: Counter, now: dt.datetime, policy: Policy) -> Counter:
    """The counter as it stands at ``now``: attempts older than the window drop out, and a finished
    lockout wipes the slate."""
    if is_locked(counter, now):
        return counter
    if counter.locked_until is not None:
        return EMPTY
    recent = tuple(t for t in counter.attempts_at if t > now - policy.window)
    return counter if recent == counter.attempts_at else Counter(attempts_at=recent)


def hit(counter: Counter, now: dt.datetime, policy: Policy) -> Counter:
    """Count one attempt at ``now``. The attempt that reaches the limit starts the lockout.

    Hitting a locked counter leaves it as it is: a lockout is not extended by the refused attempts,
    so a person who waits the stated time is let back in.
    """
    state = current(counter, now, policy)
    if is_locked(state, now):
        return state
    attempts_at = (*state.attempts_at, now)[-policy.limit :]
    locked_until = now + policy.lockout if len(attempts_at) >= policy.limit else None
    return Counter(attempts_at=attempts_at, locked_until=locked_until)


def remaining(counter: Counter, now: dt.datetime, policy: Policy) -> int:
    """Attempts still allowed in the window (zero while locked)."""
    state = current(counter, now, policy)
    if is_locked(state, now):
        return 0
    return max(policy.limit - state.count, 0)
