"""The transparency core's refusals: each a DomainError with a stable code and a Persian message.

A proof that does not verify, a head whose signature fails and a witness that refuses a head are all
raised, never returned as ``False``: a caller that forgets to look cannot mistake a forgery for a pass.
Every refusal of :func:`ostan.core.transparency.witness.witness_step` is a :class:`WitnessRefused`, so
a witness service catches one class and publishes its code.
"""

from __future__ import annotations

from ostan.core.errors import DomainError


class TreeRangeInvalid(DomainError):
    """A leaf index or tree size outside the tree (or a first size above the second)."""

    code = "tree_range_invalid"


class MerkleNodeMissing(DomainError):
    """The node store lacks a hash the tree of that size must have: the store is behind or damaged."""

    code = "merkle_node_missing"
    status = 500


class InclusionProofInvalid(DomainError):
    """The audit path does not lead from the entry to the root: the entry is not in that tree."""

    code = "inclusion_proof_invalid"


class ConsistencyProofInvalid(DomainError):
    """The proof does not show the second tree extending the first: history was changed, or the proof is wrong."""

    code = "consistency_proof_invalid"


class InvalidKey(DomainError):
    """An Ed25519 key of the wrong length."""

    code = "transparency_key_invalid"


class TreeHeadInvalid(DomainError):
    """A tree head that cannot exist (bad log id, negative size, naive time) or whose bytes are not canonical."""

    code = "tree_head_invalid"


class TreeHeadSignatureInvalid(DomainError):
    """The log's signature over the head's canonical form does not verify under the log's key."""

    code = "tree_head_signature_invalid"


class CosignatureInvalid(DomainError):
    """A witness's cosignature does not verify, or names another key than the one given."""

    code = "cosignature_invalid"


class WitnessRefused(DomainError):
    """A witness will not co-sign the head it was shown; the subclass says why."""

    code = "witness_refused"
    status = 409


class WitnessForeignLog(WitnessRefused):
    code = "witness_foreign_log"


class WitnessBadSignature(WitnessRefused):
    code = "witness_bad_signature"


class WitnessRollback(WitnessRefused):
    """The new head is smaller than one the witness already co-signed: the log would hide entries."""

    code = "witness_rollback"


class WitnessTimeRollback(WitnessRefused):
    """The new head is dated before the last co-signed one: an old head replayed, or a log clock gone back."""

    code = "witness_time_rollback"


class WitnessFork(WitnessRefused):
    """Two signed heads of one size with different roots: proof, in the log's own signatures, of a fork."""

    code = "witness_fork"


class WitnessInconsistent(WitnessRefused):
    """The consistency proof does not show the new head extending the last co-signed one."""

    code = "witness_inconsistent"


class QuorumNotMet(DomainError):
    """Fewer known witnesses co-signed the head than the reader requires."""

    code = "witness_quorum_not_met"
