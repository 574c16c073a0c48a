"""Facts that do not change once registered, kept per process so the election-day hot path reads no
database for them: a device's registration, a station's unit and constituencies.

An entry lives at most ``seconds``, each a random part of it less, so the entries loaded together
when the stations open in the morning are not all read again in the same second later on. What can
change while cached is still checked where it matters: a device's deactivation by the counter
update, a station's opening and closing by every lookup. A change made in this process forgets its
entry at once (:meth:`ProcessCache.forget`)."""

from __future__ import annotations

import random
import time

SPREAD = 0.25  # an entry lives between (1 - SPREAD) * seconds and seconds


class ProcessCache[K, V]:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._entries: dict[K, tuple[float, V]] = {}

    def get(self, key: K) -> V | None:
        """The value if this process holds it and it is still fresh (no database access)."""
        hit = self._entries.get(key)
        if hit is not None and time.monotonic() < hit[0]:
            return hit[1]
        return None

    def put(self, key: K, value: V) -> V:
        expires = time.monotonic() + self.seconds * (1.0 - SPREAD * random.random())
        self._entries[key] = (expires, value)
        return value

    def forget(self, key: K) -> None:
        self._entries.pop(key, None)

    def clear(self) -> None:
        self._entries.clear()
