"""Witnesses: co-signing a growing log, and refusing forks, rollbacks and replays with typed errors."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nacl.signing import VerifyKey

from ostan.core.transparency import (
    ConsistencyProof,
    Cosignature,
    CosignatureInvalid,
    MemoryNodeStore,
    QuorumNotMet,
    SignedTreeHead,
    TreeHead,
    TreeHeadSignatureInvalid,
    WitnessBadSignature,
    WitnessForeignLog,
    WitnessFork,
    WitnessInconsistent,
    WitnessRefused,
    WitnessRollback,
    WitnessState,
    WitnessTimeRollback,
    consistency_proof,
    cosignature_from_json,
    cosignature_to_json,
    key_id,
    public_key,
    root_at,
    sign_tree_head,
    signed_head_from_json,
    verify_cosignature,
    verify_witnessed,
    witness_state_from_json,
    witness_state_to_json,
    witness_step,
)
from ostan.core.transparency.witness import cosigned_bytes

from .conftest import LOG_ID, LOG_SEED, T0, WITNESS_SEEDS, build, entry, flip

LOG_KEY = public_key(LOG_SEED)
WITNESS = WITNESS_SEEDS[0]
ENTRIES = [f"entry {i}".encode() for i in range(40)]


def head_of(store: MemoryNodeStore, size: int, minutes: int = 0, *, log_id: str = LOG_ID) -> SignedTreeHead:
    return sign_tree_head(TreeHead(log_id, size, root_at(store, size), T0 + dt.timedelta(minutes=minutes)), LOG_SEED)


def seen(store: MemoryNodeStore, size: int, minutes: int = 0) -> WitnessState:
    """A witness that co-signed the head of ``size`` entries."""
    state, _ = witness_step(WitnessState(LOG_ID), head_of(store, size, minutes), consistency_proof(store, 0, size),
                            LOG_KEY, WITNESS)  # fmt: skip
    return state


def test_a_witness_follows_a_growing_log() -> None:
    store, _ = build(ENTRIES)
    state = WitnessState(LOG_ID)
    for minutes, size in enumerate([0, 1, 5, 5, 8, 21, 40]):
        signed = head_of(store, size, minutes)
        proof = consistency_proof(store, state.tree_size, size)
        state, cosignature = witness_step(state, signed, proof, LOG_KEY, WITNESS)
        assert state.last == signed
        assert cosignature.key_id == key_id(public_key(WITNESS))
        verify_cosignature(signed.head, cosignature, public_key(WITNESS))
    assert state.tree_size == 40


def test_cosignature_is_over_its_context_and_the_canonical_head() -> None:
    store, _ = build(ENTRIES)
    signed = head_of(store, 8)
    _, cosignature = witness_step(WitnessState(LOG_ID), signed, consistency_proof(store, 0, 8), LOG_KEY, WITNESS)
    message = cosigned_bytes(signed.head)
    assert message.startswith(b"ostan-cosignature-v1\nostan-tree-head-v1\n")
    VerifyKey(public_key(WITNESS)).verify(message, cosignature.signature)
    assert cosignature.signature != signed.signature  # never the same bytes as a log signature


def refusal(state: WitnessState, signed: SignedTreeHead, proof: ConsistencyProof) -> WitnessRefused:
    with pytest.raises(WitnessRefused) as caught:
        witness_step(state, signed, proof, LOG_KEY, WITNESS)
    assert caught.value.message  # Persian, for the witness's operator
    return caught.value


def test_a_smaller_tree_is_a_rollback() -> None:
    store, _ = build(ENTRIES)
    error = refusal(seen(store, 20), head_of(store, 12, 5), ConsistencyProof(12, 12, ()))
    assert isinstance(error, WitnessRollback)
    assert error.code == "witness_rollback"


def test_same_size_with_another_root_is_a_fork_with_the_two_heads_as_evidence() -> None:
    store, _ = build(ENTRIES)
    other, _ = build([*ENTRIES[:19], b"changed", *ENTRIES[20:]])
    state = seen(store, 20)
    forged = head_of(other, 20, 5)
    error = refusal(state, forged, ConsistencyProof(20, 20, ()))
    assert (type(error), error.code) == (WitnessFork, "witness_fork")
    evidence = error.details
    assert isinstance(evidence, dict)
    assert signed_head_from_json(evidence["last"]) == state.last
    assert signed_head_from_json(evidence["new"]) == forged


def test_an_earlier_time_is_refused() -> None:
    store, _ = build(ENTRIES)
    error = refusal(seen(store, 10, minutes=30), head_of(store, 20, 29), consistency_proof(store, 10, 20))
    assert (type(error), error.code) == (WitnessTimeRollback, "witness_time_rollback")


def test_a_head_of_another_log_or_unsigned_is_refused() -> None:
    store, _ = build(ENTRIES)
    state = seen(store, 10)
    proof = consistency_proof(store, 10, 20)
    error = refusal(state, head_of(store, 20, 5, log_id="ostan/round-8"), proof)
    assert (type(error), error.code) == (WitnessForeignLog, "witness_foreign_log")
    signed = head_of(store, 20, 5)
    error = refusal(state, dataclasses.replace(signed, signature=flip(signed.signature)), proof)
    assert (type(error), error.code) == (WitnessBadSignature, "witness_bad_signature")
    assert isinstance(error.__cause__, TreeHeadSignatureInvalid)


def test_a_proof_between_other_sizes_or_tampered_is_inconsistent() -> None:
    store, _ = build(ENTRIES)
    state, signed = seen(store, 10), head_of(store, 20, 5)
    for proof in (consistency_proof(store, 9, 20), consistency_proof(store, 10, 21)):
        error = refusal(state, signed, proof)
        assert (type(error), error.code) == (WitnessInconsistent, "witness_inconsistent")
    good = consistency_proof(store, 10, 20)
    bad = ConsistencyProof(10, 20, (flip(good.path[0]), *good.path[1:]))
    assert isinstance(refusal(state, signed, bad), WitnessInconsistent)


def test_a_refused_head_leaves_the_state_as_it_was() -> None:
    store, _ = build(ENTRIES)
    state = seen(store, 20)
    refusal(state, head_of(store, 12, 5), ConsistencyProof(12, 12, ()))
    next_state, _ = witness_step(state, head_of(store, 30, 6), consistency_proof(store, 20, 30), LOG_KEY, WITNESS)
    assert next_state.tree_size == 30


@settings(max_examples=40, deadline=None)
@given(st.lists(entry, min_size=2, max_size=50), st.data())
def test_a_rebuilt_log_with_one_entry_changed_is_caught(entries: list[bytes], data: st.DataObject) -> None:
    """The witness saw a head covering the changed entry; whatever head and proof the rebuilt log
    shows it next, the witness refuses."""
    n = len(entries)
    changed = data.draw(st.integers(0, n - 1))
    replacement = data.draw(entry.filter(lambda e: e != entries[changed]))
    honest, _ = build(entries)
    rebuilt, _ = build([*entries[:changed], replacement, *entries[changed + 1 :]])
    first = data.draw(st.integers(changed + 1, n))
    state = seen(honest, first)
    later = data.draw(st.integers(first, n))
    forged = head_of(rebuilt, later, 5)
    proof = data.draw(
        st.sampled_from([consistency_proof(rebuilt, first, later), consistency_proof(honest, first, later)])
    )
    error = refusal(state, forged, proof)
    assert type(error) is (WitnessFork if later == first else WitnessInconsistent)


def test_cosignatures_from_a_quorum_of_known_witnesses() -> None:
    store, _ = build(ENTRIES)
    signed = head_of(store, 20)
    proof = consistency_proof(store, 0, 20)
    cosignatures = [witness_step(WitnessState(LOG_ID), signed, proof, LOG_KEY, seed)[1] for seed in WITNESS_SEEDS]
    known = {key_id(public_key(seed)): public_key(seed) for seed in WITNESS_SEEDS[:2]}
    valid = verify_witnessed(signed, [*cosignatures, cosignatures[0]], log_key=LOG_KEY, witness_keys=known, quorum=2)
    assert valid == frozenset(known)  # the third witness is unknown, the repeated one counts once
    with pytest.raises(QuorumNotMet) as caught:
        verify_witnessed(signed, cosignatures[:1], log_key=LOG_KEY, witness_keys=known, quorum=2)
    assert caught.value.code == "witness_quorum_not_met"
    forged = [dataclasses.replace(cosignatures[1], signature=flip(cosignatures[1].signature)), cosignatures[0]]
    with pytest.raises(QuorumNotMet):
        verify_witnessed(signed, forged, log_key=LOG_KEY, witness_keys=known, quorum=2)


def test_a_cosignature_checks_its_key_and_its_head() -> None:
    store, _ = build(ENTRIES)
    signed = head_of(store, 20)
    _, cosignature = witness_step(WitnessState(LOG_ID), signed, consistency_proof(store, 0, 20), LOG_KEY, WITNESS)
    with pytest.raises(CosignatureInvalid):
        verify_cosignature(signed.head, cosignature, public_key(WITNESS_SEEDS[1]))
    with pytest.raises(CosignatureInvalid):
        verify_cosignature(head_of(store, 21).head, cosignature, public_key(WITNESS))
    relabelled = Cosignature(key_id(public_key(WITNESS_SEEDS[1])), cosignature.signature)
    with pytest.raises(CosignatureInvalid):
        verify_cosignature(signed.head, relabelled, public_key(WITNESS_SEEDS[1]))


def test_documents_round_trip() -> None:
    store, _ = build(ENTRIES)
    state = seen(store, 20)
    assert witness_state_from_json(witness_state_to_json(state)) == state
    assert witness_state_from_json(witness_state_to_json(WitnessState(LOG_ID))) == WitnessState(LOG_ID)
    _, cosignature = witness_step(state, head_of(store, 30, 1), consistency_proof(store, 20, 30), LOG_KEY, WITNESS)
    assert cosignature_from_json(cosignature_to_json(cosignature)) == cosignature
    with pytest.raises(CosignatureInvalid):
        cosignature_from_json({"key_id": "x", "signature": "AAAA"})
