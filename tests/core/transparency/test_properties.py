"""Invariants of the tree and its proofs, checked by hypothesis over generated logs."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from ostan.core.transparency import (
    ConsistencyProof,
    ConsistencyProofInvalid,
    InclusionProof,
    InclusionProofInvalid,
    TreeRangeInvalid,
    consistency_proof,
    extend,
    frontier_at,
    inclusion_proof,
    leaf_hash,
    merkle_tree_hash,
    root_at,
    verify_consistency,
    verify_inclusion,
)

from .conftest import build, entry, entry_lists, flip, spec_path, spec_proof

EXAMPLES = 60  # each example builds a log of up to 70 entries and checks every proof of it (up to 0.3 s: no deadline)


@settings(max_examples=EXAMPLES, deadline=None)
@given(entry_lists, st.integers(1, 9))
def test_stored_tree_is_the_recursive_definition(entries: list[bytes], batch: int) -> None:
    store, frontier = build(entries, batch=batch)
    assert frontier.root() == merkle_tree_hash(entries)
    for n in range(len(entries) + 1):
        assert root_at(store, n) == merkle_tree_hash(entries[:n])
        assert frontier_at(store, n) == build(entries[:n])[1]


@settings(max_examples=EXAMPLES, deadline=None)
@given(entry_lists, st.lists(st.integers(1, 9), max_size=8))
def test_batches_of_any_size_build_the_same_store(entries: list[bytes], sizes: list[int]) -> None:
    one_by_one, _ = build(entries)
    store, frontier = build([])
    at = 0
    for size in [*sizes, len(entries)]:
        frontier = extend(store, frontier, entries[at : at + size])
        at += size
    n = len(entries)
    ids = [(level, i) for level in range(n.bit_length()) for i in range(n >> level)]
    assert store.nodes(ids) == one_by_one.nodes(ids)


@settings(max_examples=EXAMPLES, deadline=None)
@given(entry_lists.filter(bool))
def test_every_inclusion_proof_verifies_and_is_the_rfc_path(entries: list[bytes]) -> None:
    store, _ = build(entries)
    for n in range(1, len(entries) + 1):
        root = merkle_tree_hash(entries[:n])
        for m in range(n):
            proof = inclusion_proof(store, m, n)
            assert list(proof.path) == spec_path(m, entries[:n])
            verify_inclusion(leaf_hash(entries[m]), proof, root)


@settings(max_examples=EXAMPLES, deadline=None)
@given(entry_lists.filter(lambda e: len(e) >= 2), st.data())
def test_a_proof_for_another_leaf_fails(entries: list[bytes], data: st.DataObject) -> None:
    store, _ = build(entries)
    n = data.draw(st.integers(2, len(entries)))
    m = data.draw(st.integers(0, n - 1))
    other = data.draw(st.integers(0, n - 1).filter(lambda i: i != m))
    proof, root = inclusion_proof(store, m, n), root_at(store, n)
    assume(entries[other] != entries[m])
    with pytest.raises(InclusionProofInvalid):
        verify_inclusion(leaf_hash(entries[other]), proof, root)  # another entry with this path
    with pytest.raises(InclusionProofInvalid):
        verify_inclusion(leaf_hash(entries[m]), InclusionProof(other, n, proof.path), root)  # another position


@settings(max_examples=EXAMPLES, deadline=None)
@given(entry_lists.filter(lambda e: len(e) >= 2), st.data())
def test_a_tampered_audit_path_fails(entries: list[bytes], data: st.DataObject) -> None:
    store, _ = build(entries)
    n = data.draw(st.integers(2, len(entries)))
    m = data.draw(st.integers(0, n - 1))
    proof, root, leaf = inclusion_proof(store, m, n), root_at(store, n), leaf_hash(entries[m])
    k = data.draw(st.integers(0, len(proof.path) - 1))
    bit = data.draw(st.integers(0, 255))
    tampered = [
        (*proof.path[:k], flip(proof.path[k], bit), *proof.path[k + 1 :]),
        proof.path[:k] + proof.path[k + 1 :],
        (*proof.path[:k], root, *proof.path[k:]),
    ]
    for path in tampered:
        with pytest.raises(InclusionProofInvalid):
            verify_inclusion(leaf, InclusionProof(m, n, path), root)
    with pytest.raises(InclusionProofInvalid):
        verify_inclusion(leaf, proof, flip(root, bit))


@settings(max_examples=EXAMPLES, deadline=None)
@given(entry_lists)
def test_every_consistency_proof_verifies_and_is_the_rfc_proof(entries: list[bytes]) -> None:
    store, _ = build(entries)
    roots = [merkle_tree_hash(entries[:n]) for n in range(len(entries) + 1)]
    for n in range(len(entries) + 1):
        for m in range(n + 1):
            proof = consistency_proof(store, m, n)
            if m > 0:
                assert list(proof.path) == spec_proof(m, entries[:n])
            verify_consistency(roots[m], roots[n], proof)


@settings(max_examples=EXAMPLES, deadline=None)
@given(entry_lists.filter(lambda e: len(e) >= 2), st.data())
def test_a_forked_tree_proof_fails(entries: list[bytes], data: st.DataObject) -> None:
    """Two logs agree up to ``fork`` and differ after it: no proof of one links the other's heads."""
    n = len(entries)
    fork = data.draw(st.integers(0, n - 1))
    forged = [*entries[:fork], data.draw(entry.filter(lambda e: e != entries[fork])), *entries[fork + 1 :]]
    honest, _ = build(entries)
    rebuilt, _ = build(forged)
    m = data.draw(st.integers(fork + 1, n))  # the first tree already holds the changed entry
    second = data.draw(st.integers(m, n))
    proof = consistency_proof(rebuilt, m, second)
    with pytest.raises(ConsistencyProofInvalid):
        verify_consistency(root_at(honest, m), root_at(rebuilt, second), proof)
    with pytest.raises(ConsistencyProofInvalid):  # nor does the honest log's proof reach the forged head
        verify_consistency(root_at(honest, m), root_at(rebuilt, second), consistency_proof(honest, m, second))


@settings(max_examples=EXAMPLES, deadline=None)
@given(entry_lists.filter(lambda e: len(e) >= 2), st.data())
def test_a_tampered_consistency_proof_fails(entries: list[bytes], data: st.DataObject) -> None:
    store, _ = build(entries)
    n = data.draw(st.integers(2, len(entries)))
    m = data.draw(st.integers(1, n - 1))
    proof = consistency_proof(store, m, n)
    first, second = root_at(store, m), root_at(store, n)
    k = data.draw(st.integers(0, len(proof.path) - 1))
    bit = data.draw(st.integers(0, 255))
    for path in (
        (*proof.path[:k], flip(proof.path[k], bit), *proof.path[k + 1 :]),
        proof.path[:k] + proof.path[k + 1 :],
        (*proof.path, second),
    ):
        with pytest.raises(ConsistencyProofInvalid):
            verify_consistency(first, second, ConsistencyProof(m, n, path))
    with pytest.raises(ConsistencyProofInvalid):
        verify_consistency(first, flip(second, bit), proof)


@given(st.integers(0, 2**40), st.integers(0, 2**40))
def test_sizes_outside_the_tree_are_refused(index: int, size: int) -> None:
    assume(index >= size)
    with pytest.raises(TreeRangeInvalid):
        InclusionProof(index, size, ())
