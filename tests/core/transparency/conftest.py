"""Shared builders for the transparency tests: logs in memory, keys from fixed seeds, and the RFC's
recursive definitions written out as the specification states them (the oracle for stored proofs)."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence

from hypothesis import strategies as st

from ostan.core.transparency import (
    EMPTY_FRONTIER,
    CompactRange,
    MemoryNodeStore,
    extend,
    leaf_hash,
    merkle_tree_hash,
)
from ostan.core.transparency.merkle import split_point

LOG_ID = "ostan/round-7"
LOG_SEED = hashlib.sha256(b"ostan-test-log-key").digest()
WITNESS_SEEDS = [hashlib.sha256(f"ostan-test-witness-{i}".encode()).digest() for i in range(3)]
T0 = dt.datetime(2025, 6, 13, 8, 0, tzinfo=dt.UTC)

entry = st.binary(max_size=12)
entry_lists = st.lists(entry, max_size=70)


def build(entries: Sequence[bytes], *, batch: int = 0) -> tuple[MemoryNodeStore, CompactRange]:
    """A log of ``entries`` appended one by one, or ``batch`` at a time."""
    store, frontier = MemoryNodeStore(), EMPTY_FRONTIER
    step = batch or 1
    for i in range(0, len(entries), step):
        frontier = extend(store, frontier, entries[i : i + step])
    return store, frontier


def spec_path(index: int, entries: Sequence[bytes]) -> list[bytes]:
    """PATH(m, D[n]) of RFC 9162 §2.1.3.1, by its recursion."""
    n = len(entries)
    if n == 1:
        return []
    k = split_point(n)
    if index < k:
        return [*spec_path(index, entries[:k]), merkle_tree_hash(entries[k:])]
    return [*spec_path(index - k, entries[k:]), merkle_tree_hash(entries[:k])]


def spec_proof(m: int, entries: Sequence[bytes]) -> list[bytes]:
    """PROOF(m, D[n]) of RFC 9162 §2.1.4.1 (0 < m ≤ n), by its recursion."""
    return _spec_subproof(m, entries, True)


def _spec_subproof(m: int, entries: Sequence[bytes], is_whole: bool) -> list[bytes]:
    n = len(entries)
    if m == n:
        return [] if is_whole else [merkle_tree_hash(entries)]
    k = split_point(n)
    if m <= k:
        return [*_spec_subproof(m, entries[:k], is_whole), merkle_tree_hash(entries[k:])]
    return [*_spec_subproof(m - k, entries[k:], False), merkle_tree_hash(entries[:k])]


def flip(data: bytes, bit: int = 0) -> bytes:
    """``data`` with one bit changed."""
    changed = bytearray(data)
    changed[bit // 8 % len(changed)] ^= 1 << (bit % 8)
    return bytes(changed)


def leaves_of(entries: Sequence[bytes]) -> list[bytes]:
    return [leaf_hash(e) for e in entries]
