"""The supervisory board's random re-check: which stations are re-aggregated before announcement.

The sample is drawn from a seed fixed and published after every station's minutes are on the
bulletin (for example the chain's latest hash at that moment), so nobody could know the sample while
they could still change minutes, and anyone recomputes it: for each station code, the key is
``SHA-256(SEED + "|" + CODE)`` in hex; stations are sorted by key (then code) and the first ``k`` are
re-checked. In a shell: ``printf '%s' "$SEED|$CODE" | sha256sum``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from ostan.core.polling.errors import SeedRequired
from ostan.core.polling.minutes import COUNT_FIELDS, Minutes


def recheck_key(seed: str, station_code: str) -> str:
    return hashlib.sha256(f"{seed}|{station_code}".encode()).hexdigest()


def recheck_order(station_codes: Iterable[str], seed: str) -> tuple[tuple[str, str], ...]:
    """Every station with its key, in sample order (what observers publish next to the sample)."""
    if not seed:
        raise SeedRequired("بذر بازشماری منتشر نشده است؛ نمونه بدون بذر منتشرشده برگزیده نمی‌شود.")
    keyed = ((recheck_key(seed, code), code) for code in set(station_codes))
    return tuple((code, key) for key, code in sorted(keyed))


def select_for_recheck(station_codes: Iterable[str], seed: str, k: int) -> tuple[str, ...]:
    """The ``k`` stations to re-check (all of them when there are fewer), in sample order."""
    if k < 0:
        raise ValueError("k must not be negative")
    return tuple(code for code, _ in recheck_order(station_codes, seed)[:k])


@dataclass(frozen=True)
class Discrepancy:
    field: str  # a count field, or "votes_per_candidate.CODE" / "votes_per_list.CODE"
    reported: int
    rechecked: int


def compare_minutes(reported: Minutes, rechecked: Minutes) -> tuple[Discrepancy, ...]:
    """Where a station's reported minutes and the board's re-check disagree (empty: they agree)."""
    found = [
        Discrepancy(name, getattr(reported, name), getattr(rechecked, name))
        for name in COUNT_FIELDS
        if getattr(reported, name) != getattr(rechecked, name)
    ]
    for prefix, left, right in (
        ("votes_per_candidate", reported.votes_per_candidate, rechecked.votes_per_candidate),
        ("votes_per_list", reported.votes_per_list, rechecked.votes_per_list),
    ):
        for code in sorted(set(left) | set(right)):
            if left.get(code, 0) != right.get(code, 0):
                found.append(Discrepancy(f"{prefix}.{code}", left.get(code, 0), right.get(code, 0)))
    return tuple(found)
