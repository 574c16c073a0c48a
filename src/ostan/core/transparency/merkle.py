"""Merkle Tree Hashes and their proofs, exactly as Certificate Transparency defines them (RFC 9162 §2.1).

For a list of entries ``D[n]`` (byte strings), with SHA-256 as HASH and ``‖`` concatenation::

    MTH({})    = SHA-256()                                   (the empty string's hash)
    MTH({d0})  = SHA-256(0x00 ‖ d0)                          (a leaf)
    MTH(D[n])  = SHA-256(0x01 ‖ MTH(D[0:k]) ‖ MTH(D[k:n]))    (k the largest power of two < n)

The 0x00 and 0x01 prefixes keep a leaf from ever hashing like an inner node (a second preimage).

An inclusion proof (audit path, §2.1.3) for leaf ``m`` of a tree of ``n`` lists, from the leaf up, the
hash of each sibling subtree on the way to the root. A consistency proof (§2.1.4) between sizes
``m ≤ n`` lists the fewest subtree hashes from which both roots can be rebuilt, so the first tree is
shown to be a prefix of the second. Both are *verified* here by the RFC's own bit-walking algorithms
(§2.1.3.2, §2.1.4.2), written independently of how :mod:`ostan.core.transparency.nodes` *builds*
them from stored node hashes, so each side checks the other.

Two cases the RFC leaves to the caller are decided here: a consistency proof between equal sizes is
empty and holds when the roots are equal; one from the empty tree (size 0) is empty and holds for
any second tree, as every tree extends the empty one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from ostan.core.transparency.errors import ConsistencyProofInvalid, InclusionProofInvalid, TreeRangeInvalid

HASH_BYTES = 32
LEAF_PREFIX = b"\x00"
NODE_PREFIX = b"\x01"
EMPTY_ROOT = hashlib.sha256(b"").digest()  # RFC 9162 §2.1.1: MTH of the empty list
# 2^63 - 1: tree sizes travel as signed 64-bit integers in the database and the head's canonical form.
MAX_TREE_SIZE = 2**63 - 1


def leaf_hash(entry: bytes) -> bytes:
    """SHA-256(0x00 ‖ entry): the hash of one leaf."""
    return hashlib.sha256(LEAF_PREFIX + entry).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    """SHA-256(0x01 ‖ left ‖ right): the hash of an inner node over two subtree hashes."""
    return hashlib.sha256(NODE_PREFIX + left + right).digest()


def split_point(n: int) -> int:
    """The largest power of two smaller than ``n`` (n ≥ 2): where RFC 9162 splits a tree of ``n`` leaves."""
    if n < 2:
        raise TreeRangeInvalid(f"درختی با {n} برگ دو نیم نمی‌شود.")
    return 1 << ((n - 1).bit_length() - 1)


def merkle_tree_hash(entries: Sequence[bytes]) -> bytes:
    """MTH(D[n]) by the RFC's recursive definition, rehashing every entry.

    The reference for small trees and tests; a log of millions of entries keeps its node hashes
    (:mod:`ostan.core.transparency.nodes`) instead.
    """
    return _subtree_hash([leaf_hash(e) for e in entries])


def _subtree_hash(leaves: Sequence[bytes]) -> bytes:
    if not leaves:
        return EMPTY_ROOT
    if len(leaves) == 1:
        return leaves[0]
    k = split_point(len(leaves))
    return node_hash(_subtree_hash(leaves[:k]), _subtree_hash(leaves[k:]))


def _check_hashes(path: Sequence[bytes], error: type[InclusionProofInvalid | ConsistencyProofInvalid]) -> None:
    for element in path:
        if not isinstance(element, bytes) or len(element) != HASH_BYTES:
            raise error("هر چکیدهٔ اثبات باید ۳۲ بایت باشد.")


def _check_size(size: int, what: str) -> None:
    if isinstance(size, bool) or not isinstance(size, int) or not 0 <= size <= MAX_TREE_SIZE:
        raise TreeRangeInvalid(f"{what} باید عددی درست و نامنفی باشد.")


@dataclass(frozen=True)
class InclusionProof:
    """The audit path of leaf ``leaf_index`` (from 0) in the tree of the first ``tree_size`` entries."""

    leaf_index: int
    tree_size: int
    path: tuple[bytes, ...]  # sibling subtree hashes, from the leaf up

    def __post_init__(self) -> None:
        _check_size(self.leaf_index, "شمارهٔ برگ")
        _check_size(self.tree_size, "اندازهٔ درخت")
        if self.leaf_index >= self.tree_size:
            raise TreeRangeInvalid(f"برگ {self.leaf_index} در درختی با {self.tree_size} برگ نیست.")
        _check_hashes(self.path, InclusionProofInvalid)


@dataclass(frozen=True)
class ConsistencyProof:
    """The proof that the tree of ``first_size`` entries is a prefix of the tree of ``second_size``."""

    first_size: int
    second_size: int
    path: tuple[bytes, ...]

    def __post_init__(self) -> None:
        _check_size(self.first_size, "اندازهٔ درخت نخست")
        _check_size(self.second_size, "اندازهٔ درخت دوم")
        if self.first_size > self.second_size:
            raise TreeRangeInvalid("درخت نخست از درخت دوم بزرگ‌تر است؛ درخت فقط افزوده می‌شود.")
        _check_hashes(self.path, ConsistencyProofInvalid)


def root_from_inclusion(leaf: bytes, proof: InclusionProof) -> bytes:
    """The root that ``proof`` leads to from the leaf hash ``leaf`` (RFC 9162 §2.1.3.2, steps 1-4).

    Raises :class:`InclusionProofInvalid` when the path is longer or shorter than a tree of that size
    allows: such a path leads nowhere, whatever its hashes.
    """
    fn, sn = proof.leaf_index, proof.tree_size - 1
    r = leaf
    for p in proof.path:
        if sn == 0:
            raise InclusionProofInvalid("مسیر اثبات شمول برای درختی به این اندازه بلند است.")
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            while not fn & 1 and fn != 0:  # a rightmost node with no right sibling moves up unhashed
                fn, sn = fn >> 1, sn >> 1
        else:
            r = node_hash(r, p)
        fn, sn = fn >> 1, sn >> 1
    if sn != 0:
        raise InclusionProofInvalid("مسیر اثبات شمول برای درختی به این اندازه کوتاه است.")
    return r


def verify_inclusion(leaf: bytes, proof: InclusionProof, root: bytes) -> None:
    """Pass silently when ``leaf`` (a leaf hash) is leaf ``proof.leaf_index`` of the tree whose root is ``root``."""
    if root_from_inclusion(leaf, proof) != root:
        raise InclusionProofInvalid(
            f"اثبات شمول برگ {proof.leaf_index} به ریشهٔ درخت {proof.tree_size} برگی نمی‌رسد.",
            details={"leaf_index": proof.leaf_index, "tree_size": proof.tree_size},
        )


def verify_consistency(first_root: bytes, second_root: bytes, proof: ConsistencyProof) -> None:
    """Pass silently when the tree with root ``first_root`` is a prefix of the one with ``second_root``
    (RFC 9162 §2.1.4.2; equal sizes and the empty first tree as the module docstring says)."""
    m, n = proof.first_size, proof.second_size
    details = {"first_size": m, "second_size": n}
    if m == 0 or m == n:
        if proof.path:
            raise ConsistencyProofInvalid("اثبات سازگاری از درخت تهی یا میان دو اندازهٔ برابر باید تهی باشد.")
        if (m == 0 and first_root != EMPTY_ROOT) or (m == n and first_root != second_root):
            raise ConsistencyProofInvalid("دو ریشه با هم سازگار نیستند.", details=details)
        return
    fr, sr, sn = _rebuild_roots(first_root, m, n, proof.path)
    if sn != 0 or fr != first_root or sr != second_root:
        text = f"اثبات سازگاری نشان نمی‌دهد که درخت {m} برگی پیشوند درخت {n} برگی است."
        raise ConsistencyProofInvalid(text, details=details)


def _rebuild_roots(first_root: bytes, m: int, n: int, proof_path: Sequence[bytes]) -> tuple[bytes, bytes, int]:
    """Steps 1-6 of RFC 9162 §2.1.4.2: both roots as the path rebuilds them, and what is left of ``sn``."""
    if not proof_path:
        raise ConsistencyProofInvalid("اثبات سازگاری میان دو اندازهٔ متفاوت نمی‌تواند تهی باشد.")
    # A first tree of 2^k leaves is one complete subtree: its root is the path's implied first element.
    path = [first_root, *proof_path] if m & (m - 1) == 0 else list(proof_path)
    fn, sn = m - 1, n - 1
    while fn & 1:
        fn, sn = fn >> 1, sn >> 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            raise ConsistencyProofInvalid("مسیر اثبات سازگاری برای این دو اندازه بلند است.")
        if fn & 1 or fn == sn:
            fr, sr = node_hash(c, fr), node_hash(c, sr)
            while not fn & 1 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            sr = node_hash(sr, c)
        fn, sn = fn >> 1, sn >> 1
    return fr, sr, sn
