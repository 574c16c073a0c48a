"""The bulletin board's leaves: what each entry contributes to the Merkle tree (docs/transparency.md).

One leaf per bulletin entry, in ``seq`` order, so leaf index = ``seq``. The leaf input is the entry's
header, not its payload: ``ostan-bulletin-leaf-v1`` LF SEQ LF KIND LF SHA256(PAYLOAD) LF ENTRY_HASH
(ASCII, no final newline). An inclusion proof then needs only the header, and the payload is checked
against its hash; the chain's entry hash inside binds the leaf to the chain's links and signature.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

from ostan.core.transparency.merkle import leaf_hash
from ostan.core.transparency.nodes import EMPTY_FRONTIER, MemoryNodeStore, extend

LEAF_CONTEXT = "ostan-bulletin-leaf-v1"


def bulletin_leaf(seq: int, kind: str, payload: bytes, entry_hash: str) -> bytes:
    """The leaf input (not yet hashed) of one bulletin entry."""
    digest = hashlib.sha256(payload).hexdigest()
    return f"{LEAF_CONTEXT}\n{seq}\n{kind}\n{digest}\n{entry_hash}".encode()


def bulletin_leaf_hash(seq: int, kind: str, payload: bytes, entry_hash: str) -> bytes:
    return leaf_hash(bulletin_leaf(seq, kind, payload, entry_hash))


def board_tree(entries: Iterable[tuple[int, str, bytes, str]], *, batch: int = 1024) -> tuple[MemoryNodeStore, int]:
    """The tree over (seq, kind, payload, entry hash) in order, in memory: what a verifier rebuilds."""
    store, frontier, size = MemoryNodeStore(), EMPTY_FRONTIER, 0
    pending: list[bytes] = []
    for seq, kind, payload, entry_hash in entries:
        pending.append(bulletin_leaf(seq, kind, payload, entry_hash))
        size += 1
        if len(pending) >= batch:
            frontier = extend(store, frontier, pending)
            pending = []
    if pending:
        extend(store, frontier, pending)
    return store, size


def leaf_hashes(entries: Sequence[tuple[int, str, bytes, str]]) -> list[bytes]:
    return [bulletin_leaf_hash(*e) for e in entries]
