"""Worked examples: the RFC 6962 test vectors of Certificate Transparency's reference implementation
(golden/rfc6962.json names its sources), and the small trees written out by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ostan.core.transparency import (
    EMPTY_FRONTIER,
    EMPTY_ROOT,
    ConsistencyProof,
    ConsistencyProofInvalid,
    InclusionProof,
    InclusionProofInvalid,
    MemoryNodeStore,
    MerkleNodeMissing,
    TreeRangeInvalid,
    append_leaves,
    consistency_proof,
    inclusion_proof,
    leaf_hash,
    merkle_tree_hash,
    node_hash,
    root_at,
    verify_consistency,
    verify_inclusion,
)
from ostan.core.transparency.nodes import _fold, inclusion_spans, span_nodes

from .conftest import build, flip

GOLDEN = json.loads((Path(__file__).parent / "golden" / "rfc6962.json").read_text(encoding="utf-8"))
ENTRIES = [bytes.fromhex(e) for e in GOLDEN["leaves"]]
ROOTS = [bytes.fromhex(r) for r in GOLDEN["roots"]]


def hexes(hashes: tuple[bytes, ...] | list[bytes]) -> list[str]:
    return [h.hex() for h in hashes]


def test_hashes_of_a_leaf_and_a_node() -> None:
    for case in GOLDEN["hasher"]:
        if case["kind"] == "leaf":
            assert leaf_hash(bytes.fromhex(case["input"])).hex() == case["hash"]
        else:
            assert node_hash(bytes.fromhex(case["left"]), bytes.fromhex(case["right"])).hex() == case["hash"]


def test_empty_tree_is_the_hash_of_nothing() -> None:
    assert EMPTY_ROOT.hex() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    assert merkle_tree_hash([]) == EMPTY_ROOT
    assert root_at(MemoryNodeStore(), 0) == EMPTY_ROOT
    assert EMPTY_FRONTIER.root() == EMPTY_ROOT


def test_small_trees_by_hand() -> None:
    a, b, c, d, e, f, g = (leaf_hash(x) for x in ENTRIES[:7])
    assert merkle_tree_hash(ENTRIES[:1]) == a
    assert merkle_tree_hash(ENTRIES[:2]) == node_hash(a, b)
    assert merkle_tree_hash(ENTRIES[:3]) == node_hash(node_hash(a, b), c)  # split at 2, not in the middle
    seven = node_hash(node_hash(node_hash(a, b), node_hash(c, d)), node_hash(node_hash(e, f), g))
    assert merkle_tree_hash(ENTRIES[:7]) == seven
    h = leaf_hash(ENTRIES[7])
    eight = node_hash(node_hash(node_hash(a, b), node_hash(c, d)), node_hash(node_hash(e, f), node_hash(g, h)))
    assert merkle_tree_hash(ENTRIES) == eight


@pytest.mark.parametrize("batch", [0, 3, 8])
def test_roots_of_every_prefix(batch: int) -> None:
    store, frontier = build(ENTRIES, batch=batch)
    assert [merkle_tree_hash(ENTRIES[:n]) for n in range(9)] == ROOTS
    assert [root_at(store, n) for n in range(9)] == ROOTS
    assert frontier.root() == ROOTS[8]


def test_stored_nodes_are_the_reference_tree() -> None:
    store, _ = build(ENTRIES)
    for level, hashes in enumerate(GOLDEN["node_levels"]):
        assert hexes(store.nodes([(level, i) for i in range(len(hashes))])) == hashes


@pytest.mark.parametrize("case", GOLDEN["inclusion"], ids=lambda c: f"{c['index']}-of-{c['size']}")
def test_inclusion_vectors(case: dict) -> None:
    store, _ = build(ENTRIES)
    proof = inclusion_proof(store, case["index"], case["size"])
    assert hexes(proof.path) == case["path"]
    verify_inclusion(leaf_hash(ENTRIES[case["index"]]), proof, ROOTS[case["size"]])


@pytest.mark.parametrize("case", GOLDEN["consistency"], ids=lambda c: f"{c['first']}-to-{c['second']}")
def test_consistency_vectors(case: dict) -> None:
    store, _ = build(ENTRIES)
    proof = consistency_proof(store, case["first"], case["second"])
    assert hexes(proof.path) == case["path"]
    verify_consistency(ROOTS[case["first"]], ROOTS[case["second"]], proof)


@pytest.mark.parametrize("case", GOLDEN["inclusion_nodes"], ids=lambda c: f"{c['index']}-of-{c['size']}")
def test_inclusion_proofs_read_the_reference_nodes(case: dict) -> None:
    groups = [span_nodes(a, b) for a, b in inclusion_spans(case["index"], case["size"])]
    assert [[list(node) for node in group] for group in groups] == case["path"]


@pytest.mark.parametrize("size", sorted(int(s) for s in GOLDEN["u16le_roots"]))
def test_larger_reference_roots(size: int) -> None:
    entries = [bytes([i & 0xFF, (i >> 8) & 0xFF]) for i in range(size)]
    store, frontier = build(entries, batch=1000)
    assert frontier.root().hex() == GOLDEN["u16le_roots"][str(size)]
    assert root_at(store, size) == frontier.root()
    for level, index, expected in GOLDEN["u16le_ephemeral"].get(str(size), []):
        start = index << level
        assert _fold(store.nodes(span_nodes(start, size))).hex() == expected


def test_every_proof_of_the_eight_leaf_tree_verifies() -> None:
    store, _ = build(ENTRIES)
    for n in range(1, 9):
        for m in range(n):
            verify_inclusion(leaf_hash(ENTRIES[m]), inclusion_proof(store, m, n), ROOTS[n])
        for m in range(n + 1):
            verify_consistency(ROOTS[m], ROOTS[n], consistency_proof(store, m, n))


def corrupted_inclusions(proof: InclusionProof) -> list[InclusionProof]:
    """The reference implementation's corruptions: another index or size, garbage before or after,
    one bit flipped in each element, an element dropped or inserted."""
    i, n, path = proof.leaf_index, proof.tree_size, proof.path
    some = bytes.fromhex("abacaba000000000000000000000000000000000000000000060061e00123456")
    shapes = [(i - 1, n, path), (i + 1, n, path), (i ^ 2, n, path), (i, n * 2, path), (i, n // 2, path)]
    shapes += [(i, n, (*path, some)), (i, n, (some, *path))]
    shapes += [(i, n, (*path[:k], flip(path[k], 3), *path[k + 1 :])) for k in range(len(path))]
    if path:
        shapes.append((i, n, path[:-1]))
    if len(path) > 1:
        shapes.append((i, n, (path[0], some, *path[1:])))
    return [InclusionProof(*shape) for shape in shapes if 0 <= shape[0] < shape[1]]


@pytest.mark.parametrize("case", GOLDEN["inclusion"], ids=lambda c: f"{c['index']}-of-{c['size']}")
def test_corrupted_inclusion_proofs_fail(case: dict) -> None:
    store, _ = build(ENTRIES)
    proof = inclusion_proof(store, case["index"], case["size"])
    leaf, root = leaf_hash(ENTRIES[case["index"]]), ROOTS[case["size"]]
    for bad in corrupted_inclusions(proof):
        with pytest.raises(InclusionProofInvalid):
            verify_inclusion(leaf, bad, root)
    for wrong_leaf, wrong_root in ((leaf_hash(b"WrongLeaf"), root), (leaf, EMPTY_ROOT), (leaf, flip(root))):
        with pytest.raises(InclusionProofInvalid):
            verify_inclusion(wrong_leaf, proof, wrong_root)


@pytest.mark.parametrize("case", GOLDEN["consistency"][1:], ids=lambda c: f"{c['first']}-to-{c['second']}")
def test_corrupted_consistency_proofs_fail(case: dict) -> None:
    m, n = case["first"], case["second"]
    path = tuple(bytes.fromhex(h) for h in case["path"])
    shapes = [(m, n, path[:-1]), (m, n, (*path, ROOTS[n])), (m, n, (ROOTS[m], *path)), (m - 1, n, path)]
    shapes += [(m, n, (*path[:k], flip(path[k]), *path[k + 1 :])) for k in range(len(path))]
    shapes += [(m, n - 1, path), (m, n + 1, path)] if n < 8 else [(m, n - 1, path)]
    for first, second, bad_path in shapes:
        with pytest.raises(ConsistencyProofInvalid):
            verify_consistency(ROOTS[first], ROOTS[second], ConsistencyProof(first, second, bad_path))
    with pytest.raises(ConsistencyProofInvalid):
        verify_consistency(flip(ROOTS[m]), ROOTS[n], ConsistencyProof(m, n, path))


def test_edge_cases_of_consistency() -> None:
    verify_consistency(EMPTY_ROOT, ROOTS[5], ConsistencyProof(0, 5, ()))
    verify_consistency(ROOTS[5], ROOTS[5], ConsistencyProof(5, 5, ()))
    with pytest.raises(ConsistencyProofInvalid):
        verify_consistency(ROOTS[4], ROOTS[5], ConsistencyProof(5, 5, ()))  # same size, other root: a fork
    with pytest.raises(ConsistencyProofInvalid):
        verify_consistency(ROOTS[5], ROOTS[5], ConsistencyProof(5, 5, (ROOTS[5],)))
    with pytest.raises(ConsistencyProofInvalid):
        verify_consistency(ROOTS[1], ROOTS[5], ConsistencyProof(0, 5, ()))
    with pytest.raises(ConsistencyProofInvalid):
        verify_consistency(ROOTS[2], ROOTS[5], ConsistencyProof(2, 5, ()))


def test_impossible_ranges_are_refused() -> None:
    store, _ = build(ENTRIES)
    with pytest.raises(TreeRangeInvalid):
        inclusion_proof(store, 8, 8)
    with pytest.raises(TreeRangeInvalid):
        consistency_proof(store, 5, 4)
    with pytest.raises(TreeRangeInvalid):
        InclusionProof(0, 0, ())
    with pytest.raises(TreeRangeInvalid):
        ConsistencyProof(-1, 3, ())
    with pytest.raises(InclusionProofInvalid):
        InclusionProof(0, 2, (b"short",))


def test_a_store_behind_the_asked_size_says_so() -> None:
    store, _frontier = build(ENTRIES)
    with pytest.raises(MerkleNodeMissing):
        root_at(store, 9)
    with pytest.raises(MerkleNodeMissing):
        inclusion_proof(store, 8, 12)


def test_a_store_refuses_a_gap_and_keeps_what_it_had() -> None:
    store, frontier = build(ENTRIES[:4])
    _, runs = append_leaves(frontier, [leaf_hash(e) for e in ENTRIES[4:]])
    with pytest.raises(TreeRangeInvalid):
        store.add_runs(runs[1:])  # level 1 would start before its level-0 leaves exist
    with pytest.raises(TreeRangeInvalid):
        store.add_runs([runs[0], runs[0]])  # the same leaves twice: checked before anything is stored
    assert store.size == 4
    assert root_at(store, 4) == ROOTS[4]
