"""The append-only tree of a log with millions of entries: stored node hashes, O(log n) appends and proofs.

**Node ids.** Node ``(level, index)`` is the hash of the complete subtree over the leaves
``[index·2^level, (index+1)·2^level)``: level 0 holds the leaf hashes, level 1 the hashes of leaf
pairs, and so on. Such a node never changes once its last leaf is appended, so a store only ever
adds rows, level by level, each level's indices without a gap.

**Every hash a proof needs is a fold of stored nodes.** RFC 9162 splits a tree of ``n`` leaves at
the largest power of two below ``n``, so every subtree its recursion names covers leaves ``[a, b)``
with ``a`` a multiple of a power of two at least ``b - a``. Such a range is the complete subtrees of
the binary digits of ``b - a`` laid left to right, and its hash is their right fold,
``node(h1, node(h2, … node(h_k-1, h_k)))``: at most ⌈log₂ n⌉ stored nodes. A proof or a prefix root
therefore names all the nodes it needs first (from the sizes alone), reads them in one batch
(:meth:`NodeReader.nodes`: one query when the app backs the store with a table) and folds them.

**The frontier** (a compact range, :class:`CompactRange`) of a tree of size ``n`` is the complete
subtrees for the binary digits of ``n``; its fold is the root. Appending a leaf merges it with the
frontier's smallest subtrees while they are the same size, exactly like a binary counter's carry:
:func:`append_leaves` is pure, and returns the new frontier and the new nodes (as contiguous runs
per level) for the caller to store in the same transaction as the entries.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from ostan.core.transparency.errors import MerkleNodeMissing, TreeRangeInvalid
from ostan.core.transparency.merkle import (
    EMPTY_ROOT,
    HASH_BYTES,
    NODE_PREFIX,
    ConsistencyProof,
    InclusionProof,
    leaf_hash,
    node_hash,
)

NodeId = tuple[int, int]  # (level, index)
Span = tuple[int, int]  # leaves [start, end)


@dataclass(frozen=True)
class LevelRun:
    """New nodes ``(level, first_index)``, ``(level, first_index + 1)``, … with these hashes."""

    level: int
    first_index: int
    hashes: tuple[bytes, ...]


class NodeReader(Protocol):
    def nodes(self, ids: Sequence[NodeId]) -> Sequence[bytes]:
        """The hashes of ``ids``, in order; :class:`MerkleNodeMissing` when one is not stored."""
        ...


class NodeStore(NodeReader, Protocol):
    def add_runs(self, runs: Sequence[LevelRun]) -> None:
        """Store the runs :func:`append_leaves` returned; each continues its level without a gap."""
        ...


@dataclass(frozen=True)
class CompactRange:
    """The frontier of a tree of ``size`` leaves: one subtree hash per binary digit of ``size``, largest first."""

    size: int
    hashes: tuple[bytes, ...]

    def __post_init__(self) -> None:
        if self.size < 0 or len(self.hashes) != self.size.bit_count():
            raise TreeRangeInvalid("مرز درخت با اندازهٔ آن نمی‌خواند.")

    def root(self) -> bytes:
        return _fold(self.hashes)


EMPTY_FRONTIER = CompactRange(0, ())


def _fold(hashes: Sequence[bytes]) -> bytes:
    """The right fold of subtree hashes laid left to right: the RFC 9162 hash of their leaves together."""
    if not hashes:
        return EMPTY_ROOT
    acc = hashes[-1]
    for h in reversed(hashes[:-1]):
        acc = node_hash(h, acc)
    return acc


def span_nodes(start: int, end: int) -> list[NodeId]:
    """The complete subtrees covering ``[start, end)``, left to right (for spans the RFC's splits produce)."""
    ids = []
    while start < end:
        level = (end - start).bit_length() - 1
        if start & ((1 << level) - 1):  # unreachable from the RFC's splits; guards the docstring's claim
            raise TreeRangeInvalid(f"بازهٔ برگ‌های {start} تا {end} زیردرخت کامل نیست.")
        ids.append((level, start >> level))
        start += 1 << level
    return ids


def _frontier_ids(size: int) -> list[NodeId]:
    return span_nodes(0, size)


def append_leaves(frontier: CompactRange, leaves: Sequence[bytes]) -> tuple[CompactRange, tuple[LevelRun, ...]]:
    """Append leaf hashes (:func:`~ostan.core.transparency.merkle.leaf_hash`): the new frontier and the new nodes.

    Level by level: the new nodes of a level are paired (the first with the frontier's node of that
    level when it is a right child) into the next level's new nodes, so ``k`` leaves cost about ``k``
    node hashes, and one leaf O(log n) at worst and one on average.
    """
    sha256 = hashlib.sha256  # node_hash inlined: the hot loop of every append
    size = frontier.size
    lefts = {level: h for (level, _), h in zip(_frontier_ids(size), frontier.hashes, strict=True)}
    runs: list[LevelRun] = []
    level, first, hashes = 0, size, list(leaves)
    while hashes:
        runs.append(LevelRun(level, first, tuple(hashes)))
        pairs = [lefts[level], *hashes] if first & 1 else hashes
        first >>= 1
        hashes = [sha256(NODE_PREFIX + pairs[i] + pairs[i + 1]).digest() for i in range(0, len(pairs) - 1, 2)]
        level += 1
    new_size = size + len(leaves)
    by_level = {run.level: run for run in runs}
    new_hashes = []
    for node_level, index in _frontier_ids(new_size):
        run = by_level.get(node_level)
        if run is not None and run.first_index <= index:
            new_hashes.append(run.hashes[index - run.first_index])
        else:
            new_hashes.append(lefts[node_level])
    return CompactRange(new_size, tuple(new_hashes)), tuple(runs)


def extend(store: NodeStore, frontier: CompactRange, entries: Sequence[bytes]) -> CompactRange:
    """Append ``entries`` (raw entry bytes) to the tree in ``store``: its new frontier."""
    new_frontier, runs = append_leaves(frontier, [leaf_hash(e) for e in entries])
    store.add_runs(runs)
    return new_frontier


def frontier_at(reader: NodeReader, size: int) -> CompactRange:
    """The frontier of the stored tree's first ``size`` leaves (one batch read): what an append starts from."""
    return CompactRange(size, tuple(reader.nodes(_frontier_ids(size))))


def root_at(reader: NodeReader, size: int) -> bytes:
    """MTH of the first ``size`` entries, from at most ⌈log₂ size⌉ stored nodes."""
    return frontier_at(reader, size).root()


def inclusion_spans(index: int, size: int) -> list[Span]:
    """The leaf spans whose hashes form PATH(index, D[size]) (RFC 9162 §2.1.3.1), from the leaf up."""
    if not 0 <= index < size:
        raise TreeRangeInvalid(f"برگ {index} در درختی با {size} برگ نیست.")
    spans: list[Span] = []
    lo, hi = 0, size
    while hi - lo > 1:
        k = 1 << ((hi - lo - 1).bit_length() - 1)
        if index - lo < k:
            spans.append((lo + k, hi))
            hi = lo + k
        else:
            spans.append((lo, lo + k))
            lo += k
    return spans[::-1]


def consistency_spans(first: int, second: int) -> list[Span]:
    """The leaf spans whose hashes form PROOF(first, D[second]) (RFC 9162 §2.1.4.1), in proof order.

    Empty when ``first`` is 0 or equals ``second`` (see :mod:`ostan.core.transparency.merkle`).
    """
    if not 0 <= first <= second:
        raise TreeRangeInvalid(f"اثبات سازگاری از {first} به {second} برگ معنا ندارد.")
    if first in (0, second):
        return []
    spans: list[Span] = []
    lo, hi, is_whole = 0, second, True  # is_whole: SUBPROOF's b, the first tree's root is still implied
    while first - lo != hi - lo:
        k = 1 << ((hi - lo - 1).bit_length() - 1)
        if first - lo <= k:
            spans.append((lo + k, hi))
            hi = lo + k
        else:
            spans.append((lo, lo + k))
            lo, is_whole = lo + k, False
    if not is_whole:
        spans.append((lo, hi))
    return spans[::-1]


def _span_hashes(reader: NodeReader, spans: Sequence[Span]) -> tuple[bytes, ...]:
    """One batch read for every node of every span, then each span's fold."""
    groups = [span_nodes(a, b) for a, b in spans]
    stored = reader.nodes([node for group in groups for node in group])
    hashes, at = [], 0
    for group in groups:
        hashes.append(_fold(stored[at : at + len(group)]))
        at += len(group)
    return tuple(hashes)


def inclusion_proof(reader: NodeReader, index: int, size: int) -> InclusionProof:
    """The audit path of leaf ``index`` in the tree of the first ``size`` entries, from stored nodes.

    Sizes are the caller's to bound by the log's own size: a store asked for a node it lacks raises
    :class:`MerkleNodeMissing`, but a one-leaf tree's empty path reads nothing.
    """
    return InclusionProof(index, size, _span_hashes(reader, inclusion_spans(index, size)))


def consistency_proof(reader: NodeReader, first: int, second: int) -> ConsistencyProof:
    """The consistency proof between the stored tree's first ``first`` and first ``second`` entries."""
    return ConsistencyProof(first, second, _span_hashes(reader, consistency_spans(first, second)))


class MemoryNodeStore:
    """A node store in memory: one ``bytearray`` of packed 32-byte hashes per level.

    Three million leaves take some 190 MB (two hashes per leaf, no per-object overhead); the app
    backs :class:`NodeStore` with a table of (level, index, hash) rows instead.
    """

    def __init__(self) -> None:
        self._levels: list[bytearray] = []

    @property
    def size(self) -> int:
        """How many leaves are stored."""
        return len(self._levels[0]) // HASH_BYTES if self._levels else 0

    def nodes(self, ids: Sequence[NodeId]) -> list[bytes]:
        found = []
        for level, index in ids:
            if level >= len(self._levels) or not 0 <= index < len(self._levels[level]) // HASH_BYTES:
                raise MerkleNodeMissing(f"گره ({level}، {index}) درخت ذخیره نشده است.", details=[level, index])
            at = index * HASH_BYTES
            found.append(bytes(self._levels[level][at : at + HASH_BYTES]))
        return found

    def add_runs(self, runs: Sequence[LevelRun]) -> None:
        """Every run checked before any is stored, so a refused batch leaves the store as it was: each
        continues its level, and afterwards every level holds exactly the parents of the one below."""
        counts = [len(row) // HASH_BYTES for row in self._levels]
        for run in runs:
            counts += [0] * (run.level + 1 - len(counts))
            if run.first_index != counts[run.level] or any(len(h) != HASH_BYTES for h in run.hashes):
                raise TreeRangeInvalid(f"گره‌های تازهٔ تراز {run.level} از جای خود آغاز نمی‌شوند.")
            counts[run.level] += len(run.hashes)
        if any(counts[level] != counts[level - 1] // 2 for level in range(1, len(counts))):
            raise TreeRangeInvalid("گره‌های تازه با برگ‌های زیر خود نمی‌خوانند.")
        for run in runs:
            while len(self._levels) <= run.level:
                self._levels.append(bytearray())
            self._levels[run.level] += b"".join(run.hashes)
