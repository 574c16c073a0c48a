"""Witnesses: parties and observers who co-sign a tree head only after checking it extends the last one.

A witness keeps one thing per log, the last head it co-signed (:class:`WitnessState`). Shown a new
signed head and a consistency proof from that last head, :func:`witness_step` refuses, in this order:

1. a head of another log (``witness_foreign_log``);
2. a head the log's key did not sign (``witness_bad_signature``);
3. a smaller tree than the last co-signed one (``witness_rollback``): entries would vanish;
4. a tree of the same size with another root (``witness_fork``): the two signed heads are the proof,
   in the log's own signatures, that it showed two histories;
5. a head dated before the last co-signed one (``witness_time_rollback``);
6. a proof that does not show the new tree extending the last one, or is between other sizes
   (``witness_inconsistent``): a changed history, or a wrong proof; either way not co-signed.

Otherwise it co-signs and the new head becomes its state. A fresh witness starts from the empty tree,
which every tree extends: its first head needs the empty proof from size 0. The step never reads a
clock; a witness that also wants heads to be recent compares ``issued_at`` with its own time.

**Cosignature** (version 1): Ed25519 by the witness's key over::

    ostan-cosignature-v1 LF CANONICAL_HEAD

where CANONICAL_HEAD is :func:`~ostan.core.transparency.heads.tree_head_bytes`. The first line keeps a
witness's signature apart from the log's even if one key ever served both. A reader accepts a head
when the log signed it and at least a quorum of the witnesses it knows co-signed it
(:func:`verify_witnessed`): a log that forks must then fool that many independent parties at once.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ostan.core.polling.devices import is_signature_valid
from ostan.core.transparency.errors import (
    ConsistencyProofInvalid,
    CosignatureInvalid,
    QuorumNotMet,
    TreeHeadInvalid,
    TreeHeadSignatureInvalid,
    WitnessBadSignature,
    WitnessForeignLog,
    WitnessFork,
    WitnessInconsistent,
    WitnessRollback,
    WitnessTimeRollback,
)
from ostan.core.transparency.heads import (
    SignedTreeHead,
    TreeHead,
    decode_signature,
    key_id,
    public_key,
    sign_bytes,
    signed_head_from_json,
    signed_head_to_json,
    tree_head_bytes,
    verify_tree_head,
)
from ostan.core.transparency.merkle import EMPTY_ROOT, ConsistencyProof, verify_consistency

COSIGNATURE_CONTEXT = "ostan-cosignature-v1"
STATE_FORMAT = "ostan.witness-state/1"


@dataclass(frozen=True)
class WitnessState:
    """What a witness remembers of one log: the last head it co-signed (None: none yet, the empty tree)."""

    log_id: str
    last: SignedTreeHead | None = None

    @property
    def tree_size(self) -> int:
        return 0 if self.last is None else self.last.head.tree_size

    @property
    def root_hash(self) -> bytes:
        return EMPTY_ROOT if self.last is None else self.last.head.root_hash


@dataclass(frozen=True)
class Cosignature:
    key_id: str  # :func:`~ostan.core.transparency.heads.key_id` of the witness's public key
    signature: bytes  # Ed25519 over cosigned_bytes(head)


def cosigned_bytes(head: TreeHead) -> bytes:
    """The exact bytes a witness signs for ``head`` (see the module docstring)."""
    return COSIGNATURE_CONTEXT.encode("ascii") + b"\n" + tree_head_bytes(head)


def cosign(head: TreeHead, witness_key: bytes) -> Cosignature:
    """The witness's cosignature of ``head``, unchecked: :func:`witness_step` is the way a witness signs."""
    return Cosignature(key_id(public_key(witness_key)), sign_bytes(witness_key, cosigned_bytes(head)))


def verify_cosignature(head: TreeHead, cosignature: Cosignature, witness_public_key: bytes) -> None:
    """Pass silently when ``witness_public_key`` made ``cosignature`` over ``head``."""
    if cosignature.key_id != key_id(witness_public_key):
        raise CosignatureInvalid("هم‌امضا به کلید دیگری نسبت داده شده است.", details={"key_id": cosignature.key_id})
    if not is_signature_valid(witness_public_key, cosigned_bytes(head), cosignature.signature):
        raise CosignatureInvalid(
            f"هم‌امضای گواه {cosignature.key_id} بر سرِ درخت {head.tree_size} برگی معتبر نیست.",
            details={"key_id": cosignature.key_id, "tree_size": head.tree_size},
        )


def _evidence(state: WitnessState, new_head: SignedTreeHead) -> dict[str, object]:
    last = None if state.last is None else signed_head_to_json(state.last)
    return {"last": last, "new": signed_head_to_json(new_head)}


def witness_step(
    state: WitnessState,
    new_head: SignedTreeHead,
    proof: ConsistencyProof,
    log_key: bytes,
    witness_key: bytes,
) -> tuple[WitnessState, Cosignature]:
    """Check ``new_head`` against the last co-signed head and co-sign it (the module docstring's rules).

    ``log_key`` is the log's public key, ``witness_key`` the witness's 32-byte private key. Every
    refusal is a :class:`~ostan.core.transparency.errors.WitnessRefused` whose ``details`` carry both
    heads as published documents, the evidence to show others.
    """
    head = new_head.head
    if head.log_id != state.log_id:
        raise WitnessForeignLog(f"این گواه دفتر «{state.log_id}» را می‌پاید، نه «{head.log_id}» را.")
    try:
        verify_tree_head(new_head, log_key)
    except TreeHeadSignatureInvalid as exc:
        raise WitnessBadSignature(exc.message, details=_evidence(state, new_head)) from exc
    old_size, old_root = state.tree_size, state.root_hash
    if head.tree_size < old_size:
        text = f"دفتر {head.tree_size} برگ نشان می‌دهد، کمتر از {old_size} برگی که پیش‌تر هم‌امضا شد."
        raise WitnessRollback(text, details=_evidence(state, new_head))
    if head.tree_size == old_size and head.root_hash != old_root:
        text = f"دفتر دو ریشهٔ متفاوت برای {old_size} برگ امضا کرده است: تاریخچهٔ آن دوشاخه شده است."
        raise WitnessFork(text, details=_evidence(state, new_head))
    if state.last is not None and head.issued_at < state.last.head.issued_at:
        text = "زمان سرِ درخت تازه پیش از زمان آخرین سرِ هم‌امضاشده است."
        raise WitnessTimeRollback(text, details=_evidence(state, new_head))
    _check_consistency(state, new_head, proof)
    return WitnessState(state.log_id, new_head), cosign(head, witness_key)


def _check_consistency(state: WitnessState, new_head: SignedTreeHead, proof: ConsistencyProof) -> None:
    expected = (state.tree_size, new_head.head.tree_size)
    if (proof.first_size, proof.second_size) != expected:
        text = f"اثبات سازگاری باید از {expected[0]} به {expected[1]} برگ باشد."
        raise WitnessInconsistent(text, details=_evidence(state, new_head))
    try:
        verify_consistency(state.root_hash, new_head.head.root_hash, proof)
    except ConsistencyProofInvalid as exc:
        text = f"سرِ درخت تازه ادامهٔ {state.tree_size} برگی نیست که پیش‌تر هم‌امضا شد: {exc.message}"
        raise WitnessInconsistent(text, details=_evidence(state, new_head)) from exc


def verify_witnessed(
    signed: SignedTreeHead,
    cosignatures: Sequence[Cosignature],
    *,
    log_key: bytes,
    witness_keys: Mapping[str, bytes],
    quorum: int,
) -> frozenset[str]:
    """The known witnesses (key id → public key) whose cosignatures of ``signed`` verify; at least ``quorum``.

    The log's own signature is checked first. A cosignature by a key not in ``witness_keys`` does not
    count, nor does a second one by the same witness, nor one that fails.
    """
    verify_tree_head(signed, log_key)
    valid: set[str] = set()
    for cosignature in cosignatures:
        key = witness_keys.get(cosignature.key_id)
        if key is None or cosignature.key_id in valid:
            continue
        try:
            verify_cosignature(signed.head, cosignature, key)
        except CosignatureInvalid:
            continue
        valid.add(cosignature.key_id)
    if len(valid) < quorum:
        text = f"سرِ درخت را {len(valid)} گواه شناخته هم‌امضا کرده‌اند؛ دست‌کم {quorum} لازم است."
        raise QuorumNotMet(text, details={"valid": sorted(valid), "quorum": quorum})
    return frozenset(valid)


def cosignature_to_json(cosignature: Cosignature) -> dict[str, object]:
    return {"key_id": cosignature.key_id, "signature": base64.b64encode(cosignature.signature).decode("ascii")}


def cosignature_from_json(data: object) -> Cosignature:
    if not isinstance(data, Mapping) or not isinstance(data.get("key_id"), str):
        raise CosignatureInvalid("هم‌امضا باید شیء JSON با key_id و signature باشد.")
    signature = data.get("signature")
    if not isinstance(signature, str):
        raise CosignatureInvalid("امضای هم‌امضا باید متن base64 باشد.")
    try:
        return Cosignature(str(data["key_id"]), decode_signature(signature))
    except TreeHeadInvalid as exc:
        raise CosignatureInvalid(exc.message) from exc


def witness_state_to_json(state: WitnessState) -> dict[str, object]:
    """What a witness keeps between runs: the log it watches and the last head it co-signed."""
    last = None if state.last is None else signed_head_to_json(state.last)
    return {"format": STATE_FORMAT, "log_id": state.log_id, "last": last}


def witness_state_from_json(data: object) -> WitnessState:
    if not isinstance(data, Mapping) or data.get("format") != STATE_FORMAT or not isinstance(data.get("log_id"), str):
        raise TreeHeadInvalid(f"وضعیت گواه باید شیء JSON با قالب «{STATE_FORMAT}» باشد.")
    last = data.get("last")
    state = WitnessState(str(data["log_id"]), None if last is None else signed_head_from_json(last))
    if state.last is not None and state.last.head.log_id != state.log_id:
        raise TreeHeadInvalid("سرِ درخت وضعیت گواه از دفتر دیگری است.")
    return state
