"""The sliding-window lockout: five failures lock for fifteen minutes, time is an argument."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ostan.core import ratelimit as rl

T0 = dt.datetime(2026, 11, 22, 8, 0, tzinfo=dt.UTC)
LOGIN = rl.Policy(limit=5, window=dt.timedelta(minutes=15), lockout=dt.timedelta(minutes=15))


def hits(n: int, start: dt.datetime = T0, step: dt.timedelta = dt.timedelta(seconds=10)) -> rl.Counter:
    counter = rl.EMPTY
    for i in range(n):
        counter = rl.hit(counter, start + i * step, LOGIN)
    return counter


def test_four_failures_do_not_lock() -> None:
    counter = hits(4)
    assert not rl.is_locked(counter, T0 + dt.timedelta(minutes=1))
    assert rl.remaining(counter, T0 + dt.timedelta(minutes=1), LOGIN) == 1


def test_fifth_failure_locks_for_the_lockout() -> None:
    counter = hits(5)
    fifth_at = T0 + dt.timedelta(seconds=40)
    assert counter.locked_until == fifth_at + LOGIN.lockout
    assert rl.is_locked(counter, fifth_at + dt.timedelta(minutes=14, seconds=59))
    assert rl.retry_after(counter, fifth_at + dt.timedelta(minutes=5)) == dt.timedelta(minutes=10)
    assert not rl.is_locked(counter, fifth_at + LOGIN.lockout)


def test_refused_attempts_do_not_extend_the_lockout() -> None:
    counter = hits(5)
    later = rl.hit(counter, T0 + dt.timedelta(minutes=10), LOGIN)
    assert later == counter


def test_after_the_lockout_the_counter_starts_afresh() -> None:
    counter = hits(5)
    after = T0 + dt.timedelta(minutes=16)
    assert rl.current(counter, after, LOGIN) == rl.EMPTY
    assert rl.hit(counter, after, LOGIN).count == 1


def test_failures_spread_over_more_than_a_window_never_lock() -> None:
    counter = hits(20, step=dt.timedelta(minutes=4))
    assert counter.locked_until is None


def test_policy_rejects_nonsense() -> None:
    with pytest.raises(ValueError, match="positive"):
        rl.Policy(limit=0, window=dt.timedelta(minutes=1), lockout=dt.timedelta(minutes=1))


@given(
    steps=st.lists(st.integers(min_value=0, max_value=600), min_size=1, max_size=30),
    limit=st.integers(min_value=1, max_value=6),
)
def test_never_more_than_limit_accepted_in_any_window(steps: list[int], limit: int) -> None:
    """However attempts are spaced, no window of the policy's length accepts more than ``limit``."""
    policy = rl.Policy(limit=limit, window=dt.timedelta(minutes=5), lockout=dt.timedelta(minutes=5))
    counter, now, accepted = rl.EMPTY, T0, []
    for seconds in steps:
        now += dt.timedelta(seconds=seconds)
        if not rl.is_locked(rl.current(counter, now, policy), now):
            accepted.append(now)
        counter = rl.hit(counter, now, policy)
    for i, start in enumerate(accepted):
        in_window = [t for t in accepted[i:] if t < start + policy.window]
        assert len(in_window) <= limit


@given(n=st.integers(min_value=0, max_value=12))
def test_remaining_plus_count_is_the_limit_until_locked(n: int) -> None:
    counter = hits(n, step=dt.timedelta(seconds=1))
    now = T0 + dt.timedelta(seconds=n)
    assert rl.remaining(counter, now, LOGIN) == max(LOGIN.limit - n, 0)
