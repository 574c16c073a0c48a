"""Cached figures stay right by a generation number: every write of indicators bumps it, and cached
dashboards and roll-ups are keyed by it, so a change is seen at once and nothing needs purging.

Measured reason (docs/performance.md): a province's dashboard adds up about 340,000 values (50
indicators × 3,400 units × two months), up to seconds on a busy 2-core machine; read back it takes
milliseconds. The number (nanoseconds since the epoch, so never reused) is bumped inside the writing
transaction and again after it commits, so a figure computed from the old rows while the write was in
flight is not kept under the new number.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.core.cache import cache
from django.db import transaction

KEY = "indicators:generation"
TIMEOUT_S = 24 * 3600  # a cached figure lives a day at most, whatever happens to the number


def current() -> int:
    found = cache.get(KEY)
    if found is None:  # never set, or evicted: start from the clock, so no earlier number comes back
        cache.add(KEY, time.time_ns(), timeout=None)
        found = cache.get(KEY) or time.time_ns()
    return int(found)


def _bump() -> None:
    # Not cache.incr: backends re-set the key with their default timeout, and a counter that expires
    # would start again and hand out numbers whose figures are still cached.
    cache.set(KEY, max(current() + 1, time.time_ns()), timeout=None)


def bump() -> None:
    """Call inside an action's transaction."""
    _bump()
    transaction.on_commit(_bump)


def cached[T](key: str, compute: Callable[[], T]) -> T:
    """``compute()``, kept under ``key`` for the current generation."""
    full = f"indicators:{current()}:{key}"
    found = cache.get(full)
    if found is None:
        found = compute()
        cache.set(full, found, timeout=TIMEOUT_S)
    return found  # type: ignore[no-any-return]
