"""Our trees and proofs against an independent implementation: pymerkle (PyPI), which follows
RFC 9162 with its security prefixes on (the default). Skipped when pymerkle is not installed.

pymerkle numbers leaves from 1, starts an inclusion path with the leaf's own hash, and writes its
consistency proofs in a form of its own (the prior tree's subtrees and flags, not RFC 9162's path).
So roots and inclusion paths are compared byte for byte; consistency proofs are compared element by
element against pymerkle's own hash of the same leaf span, and each side's proof is checked by the
other side's verifier where the formats allow.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ostan.core.transparency import (
    consistency_proof,
    inclusion_proof,
    leaf_hash,
    root_at,
    verify_inclusion,
)
from ostan.core.transparency.merkle import InclusionProof
from ostan.core.transparency.nodes import consistency_spans, inclusion_spans

from .conftest import build

pymerkle = pytest.importorskip("pymerkle")

trees = st.lists(st.binary(max_size=16), min_size=1, max_size=90)


def pymerkle_tree(entries: list[bytes]) -> object:
    tree = pymerkle.InmemoryTree(algorithm="sha256")
    for e in entries:
        tree.append_entry(e)
    return tree


@settings(max_examples=40, deadline=None)
@given(trees)
def test_roots_of_every_size_match(entries: list[bytes]) -> None:
    ours, _ = build(entries, batch=7)
    theirs = pymerkle_tree(entries)
    for n in range(len(entries) + 1):
        assert root_at(ours, n) == theirs.get_root(n)


@settings(max_examples=40, deadline=None)
@given(trees)
def test_inclusion_paths_match_byte_for_byte(entries: list[bytes]) -> None:
    ours, _ = build(entries)
    theirs = pymerkle_tree(entries)
    for n in range(1, len(entries) + 1):
        root = root_at(ours, n)
        for m in range(n):
            proof = inclusion_proof(ours, m, n)
            their_proof = theirs.prove_inclusion(m + 1, n)
            assert their_proof.path == [leaf_hash(entries[m]), *proof.path]
            pymerkle.verify_inclusion(leaf_hash(entries[m]), root, their_proof)  # their verifier, our root
            verify_inclusion(leaf_hash(entries[m]), InclusionProof(m, n, tuple(their_proof.path[1:])), root)


@settings(max_examples=40, deadline=None)
@given(trees)
def test_consistency_proofs_agree(entries: list[bytes]) -> None:
    ours, _ = build(entries)
    theirs = pymerkle_tree(entries)
    for n in range(1, len(entries) + 1):
        for m in range(1, n + 1):
            proof = consistency_proof(ours, m, n)
            expected = [theirs._get_root(a, b) for a, b in consistency_spans(m, n)]  # their span hashes
            assert list(proof.path) == expected
            their_proof = theirs.prove_consistency(m, n)
            pymerkle.verify_consistency(root_at(ours, m), root_at(ours, n), their_proof)


@settings(max_examples=20, deadline=None)
@given(trees)
def test_inclusion_spans_are_pymerkles_layout(entries: list[bytes]) -> None:
    from pymerkle.core import _inclusion_path_layout

    n = len(entries)
    for m in range(n):
        _, ranges = _inclusion_path_layout(m + 1, n)
        assert [tuple(r) for r in ranges[1:]] == inclusion_spans(m, n)


def test_a_larger_random_tree() -> None:
    """Hypothesis favours small trees; this one has deep, ragged right edges (sizes up to 3,000)."""
    rng = random.Random(1405)
    entries = [rng.randbytes(rng.randrange(40)) for _ in range(3000)]
    ours, _ = build(entries, batch=500)
    theirs = pymerkle_tree(entries)
    for n in [*range(1, 70), *rng.sample(range(70, 3001), 200), 2048, 3000]:
        assert root_at(ours, n) == theirs.get_root(n)
    for _ in range(300):
        n = rng.randrange(1, 3001)
        m = rng.randrange(n)
        assert theirs.prove_inclusion(m + 1, n).path[1:] == list(inclusion_proof(ours, m, n).path)
        first = rng.randrange(1, n + 1)
        expected = [theirs._get_root(a, b) for a, b in consistency_spans(first, n)]
        assert list(consistency_proof(ours, first, n).path) == expected
