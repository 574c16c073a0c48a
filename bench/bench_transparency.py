"""Transparency log benchmarks: a 3,000,000-entry Merkle tree in memory, its proofs and a witness round.

Run: .venv/bin/python bench/bench_transparency.py [--leaves N]

Goals (election day, a head every few minutes): an inclusion proof served in p95 < 20 ms and checked
offline in p95 < 5 ms; a consistency proof and a whole witness round (the log computes the root, signs
the head and the proof; the witness checks both and co-signs; a reader checks the cosignature) < 1 s.
Entries are generated here, deterministically; the store is the core's in-memory one, so the served
figures are the core's share: the app adds one batched read of at most 2⌈log₂ n⌉ node rows.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import resource
import statistics
import time
from collections.abc import Callable

from ostan.core.transparency import (
    EMPTY_FRONTIER,
    MemoryNodeStore,
    TreeHead,
    WitnessState,
    consistency_proof,
    extend,
    frontier_at,
    inclusion_proof,
    leaf_hash,
    public_key,
    root_at,
    sign_tree_head,
    verify_consistency,
    verify_cosignature,
    verify_inclusion,
    witness_step,
)

SEED = 1405
LEAVES = 3_000_000  # a province's ballots and records: the size the brief asks for
BATCH = 200  # entries per append, as publication.board appends them (APPEND_BATCH)
ENTRY_BYTES = 100  # a bulletin entry's leaf input: its canonical header, not its payload
SAMPLES = 2_000
HEADS_PER_DAY = 14 * 60 // 5  # a head every five minutes over a fourteen-hour polling day
LOG_ID = "ostan/bench"
LOG_SEED = hashlib.sha256(b"ostan-bench-log").digest()
WITNESS_SEED = hashlib.sha256(b"ostan-bench-witness").digest()
T0 = dt.datetime(2025, 6, 13, 8, 0, tzinfo=dt.UTC)


def entries(count: int, start: int = 0) -> list[bytes]:
    return [(b"entry %d " % i).ljust(ENTRY_BYTES, b".") for i in range(start, start + count)]


def percentiles(times: list[float]) -> str:
    ordered = sorted(times)
    p50 = statistics.median(ordered)
    p95 = ordered[int(len(ordered) * 0.95)]
    return f"p50 {p50 * 1e3:.3f} ms, p95 {p95 * 1e3:.3f} ms, max {ordered[-1] * 1e3:.3f} ms"


def timed[T](work: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    result = work()
    return result, time.perf_counter() - start


def build(leaves: int) -> tuple[MemoryNodeStore, float]:
    """The tree of ``leaves`` entries; only the appends are timed (leaf hashing included), not making entries."""
    store, frontier = MemoryNodeStore(), EMPTY_FRONTIER
    elapsed = 0.0
    for at in range(0, leaves, BATCH):
        batch = entries(min(BATCH, leaves - at), at)
        start = time.perf_counter()
        frontier = extend(store, frontier, batch)
        elapsed += time.perf_counter() - start
    assert frontier.root() == root_at(store, leaves)
    return store, elapsed


def bench_single_appends(store: MemoryNodeStore, size: int) -> None:
    """One entry at a time onto the full tree (the frontier read back from the store each time, as the app would)."""
    times = []
    for i in range(SAMPLES):
        start = time.perf_counter()
        frontier = frontier_at(store, size + i)
        extend(store, frontier, entries(1, size + i))
        times.append(time.perf_counter() - start)
    print(f"  one entry appended, frontier read from the store: {percentiles(times)}")


def bench_inclusion(store: MemoryNodeStore, size: int, rng: random.Random) -> None:
    served, checked = [], []
    root = root_at(store, size)
    for _ in range(SAMPLES):
        index = rng.randrange(size)
        proof, elapsed = timed(lambda index=index: inclusion_proof(store, index, size))
        served.append(elapsed)
        leaf = leaf_hash(entries(1, index)[0])
        _, elapsed = timed(lambda leaf=leaf, proof=proof: verify_inclusion(leaf, proof, root))
        checked.append(elapsed)
    print(f"  inclusion proof served ({len(proof.path)} hashes): {percentiles(served)}")
    print(f"  inclusion proof checked offline: {percentiles(checked)}")


def bench_consistency(store: MemoryNodeStore, size: int, rng: random.Random) -> None:
    served, checked = [], []
    second = root_at(store, size)
    for _ in range(SAMPLES // 4):
        first = rng.randrange(1, size)
        proof, elapsed = timed(lambda first=first: consistency_proof(store, first, size))
        served.append(elapsed)
        first_root = root_at(store, first)
        _, elapsed = timed(lambda first_root=first_root, proof=proof: verify_consistency(first_root, second, proof))
        checked.append(elapsed)
    print(f"  consistency proof served (random first size): {percentiles(served)}")
    print(f"  consistency proof checked: {percentiles(checked)}")


def bench_witness_rounds(store: MemoryNodeStore, size: int) -> None:
    """A polling day's heads, every five minutes, each one round of log, witness and reader."""
    log_key, witness_public = public_key(LOG_SEED), public_key(WITNESS_SEED)
    state = WitnessState(LOG_ID)
    rounds = []
    for k in range(1, HEADS_PER_DAY + 1):
        tree_size = size * k // HEADS_PER_DAY
        start = time.perf_counter()
        head = sign_tree_head(TreeHead(LOG_ID, tree_size, root_at(store, tree_size), T0 + dt.timedelta(minutes=5 * k)),
                              LOG_SEED)  # fmt: skip
        proof = consistency_proof(store, state.tree_size, tree_size)
        state, cosignature = witness_step(state, head, proof, log_key, WITNESS_SEED)
        verify_cosignature(head.head, cosignature, witness_public)
        rounds.append(time.perf_counter() - start)
    print(f"  witness round ({HEADS_PER_DAY} heads to {size:,} entries): {percentiles(rounds)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--leaves", type=int, default=LEAVES)
    size = parser.parse_args().leaves
    rng = random.Random(SEED)
    print(f"transparency log, {size:,} entries of {ENTRY_BYTES} bytes, appended {BATCH} at a time")
    store, elapsed = build(size)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    per_entry = elapsed / size * 1e6
    print(f"  append {size:,} entries: {elapsed:.2f} s ({per_entry:.2f} µs per entry); peak RSS {rss:.0f} MB")
    bench_witness_rounds(store, size)
    bench_inclusion(store, size, rng)
    bench_consistency(store, size, rng)
    bench_single_appends(store, size)


if __name__ == "__main__":
    main()
