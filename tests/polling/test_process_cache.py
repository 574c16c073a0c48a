"""Per-process caches of registrations and stations: fresh entries are served, stale ones are not,
and entries loaded together do not all expire together."""

from __future__ import annotations

import pytest

from ostan.polling.edge import caches as process_cache
from ostan.polling.edge.caches import SPREAD, ProcessCache


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    c = Clock()
    monkeypatch.setattr(f"{process_cache.__name__}.time.monotonic", c)
    return c


def test_an_entry_is_served_until_it_expires_and_never_after(clock: Clock) -> None:
    cache: ProcessCache[str, int] = ProcessCache(100.0)
    assert cache.get("a") is None
    assert cache.put("a", 1) == 1
    clock.now += 100.0 * (1 - SPREAD) - 0.001
    assert cache.get("a") == 1
    clock.now += 100.0 * SPREAD + 0.002
    assert cache.get("a") is None


def test_entries_loaded_at_once_expire_spread_over_a_quarter_of_their_life(clock: Clock) -> None:
    cache: ProcessCache[int, int] = ProcessCache(100.0)
    for key in range(400):
        cache.put(key, key)
    alive = []
    for step in range(75, 101, 5):
        clock.now = 1000.0 + step
        alive.append(sum(cache.get(key) is not None for key in range(400)))
    assert alive[0] == 400
    assert alive[-1] == 0
    assert 180 < alive[2] < 300  # 40% of the way through the spread, about 60% are still alive


def test_forget_and_clear(clock: Clock) -> None:
    cache: ProcessCache[str, int] = ProcessCache(100.0)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.forget("a")
    cache.forget("missing")
    assert (cache.get("a"), cache.get("b")) == (None, 2)
    cache.clear()
    assert cache.get("b") is None
