"""The board's Merkle tree in the database, its signed tree heads, proofs and cosignatures.

Every append (``board.append_many``) extends the tree in the same transaction, under the same head
lock: the frontier is read back from the stored nodes (one batch of at most ⌈log₂ n⌉ rows), the new
leaves are folded in by the pure core (``ostan.core.transparency``) and the new nodes stored. The tree
size is therefore always the chain's length. A head is signed with the board's key on request
(``issue_head``: the periodic task, ``manage.py tree_heads``); proofs read one batch of nodes.
"""

from __future__ import annotations

import base64
import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ostan.core.errors import DomainError
from ostan.core.transparency import (
    ConsistencyProof,
    InclusionProof,
    SignedTreeHead,
    TreeHead,
    consistency_proof,
    frontier_at,
    inclusion_proof,
    key_id,
    sign_tree_head,
    signed_head_to_json,
    verify_cosignature,
)
from ostan.core.transparency.errors import MerkleNodeMissing
from ostan.core.transparency.witness import Cosignature as CoreCosignature
from ostan.core.transparency.witness import cosignature_from_json
from ostan.publication import board
from ostan.publication.errors import CosignatureRefused, TreeHeadMissing, TreeRangeOutside
from ostan.publication.merkle_store import STORE
from ostan.publication.models import Board, Cosignature
from ostan.publication.models import TreeHead as HeadRow


def tree_size() -> int:
    head = Board.objects.filter(pk=board.BOARD_PK).values_list("head_seq", flat=True).first()
    return 0 if head is None else head + 1


def log_id() -> str:
    return str(settings.OSTAN_LOG_ID)


def _core_head(row: HeadRow) -> SignedTreeHead:
    head = TreeHead(row.log_id, row.tree_size, bytes.fromhex(row.root_hash), row.issued_at)
    return SignedTreeHead(head, base64.b64decode(row.signature))


def head_json(row: HeadRow) -> dict[str, object]:
    return signed_head_to_json(_core_head(row))


def issue_head(*, now: dt.datetime | None = None) -> HeadRow:
    """Sign the tree as it stands with the board's key and keep the head. The board's row is locked
    while the root is read, so the head's size and root are those of one moment of the chain."""
    moment = now or timezone.now()
    with transaction.atomic():
        locked = Board.objects.select_for_update().filter(pk=board.BOARD_PK).first()
        size = 0 if locked is None else locked.head_seq + 1
        root = frontier_at(STORE, size).root()
        signed = sign_tree_head(TreeHead(log_id(), size, root, moment), board.private_key())
        return HeadRow.objects.create(
            log_id=signed.head.log_id, tree_size=size, root_hash=root.hex(), issued_at=signed.head.issued_at,
            signature=base64.b64encode(signed.signature).decode("ascii"),
        )  # fmt: skip


def latest_head() -> HeadRow:
    row = HeadRow.objects.order_by("-tree_size", "-issued_at").first()
    if row is None:
        raise TreeHeadMissing("هنوز هیچ سرِ درختی امضا نشده است.")
    return row


def head_of_size(size: int) -> HeadRow:
    row = HeadRow.objects.filter(tree_size=size).order_by("-issued_at").first()
    if row is None:
        raise TreeHeadMissing(f"سرِ درختی با اندازهٔ {size} امضا نشده است.")
    return row


def _outside(size: int) -> TreeRangeOutside:
    return TreeRangeOutside(f"تابلو هنوز {size} مدخل ندارد.")


def inclusion(seq: int, size: int) -> InclusionProof:
    """One batch read of the nodes the proof needs; a tree larger than the board has no such nodes."""
    try:
        return inclusion_proof(STORE, seq, size)
    except MerkleNodeMissing as exc:
        raise _outside(size) from exc


def consistency(first: int, second: int) -> ConsistencyProof:
    try:
        return consistency_proof(STORE, first, second)
    except MerkleNodeMissing as exc:
        raise _outside(second) from exc


def add_cosignature(*, size: int, public_key_hex: str, signature_b64: str) -> Cosignature:
    """Keep a witness's cosignature of the latest head of ``size`` once it verifies under the key given.

    Anyone may post: a reader decides which witnesses' keys it trusts (``ostan verify --witness-key``),
    so an unknown witness's valid cosignature harms nobody and a forged one is refused here."""
    row = head_of_size(size)
    try:
        public_key = bytes.fromhex(public_key_hex)
        cosig: CoreCosignature = cosignature_from_json({"key_id": key_id(public_key), "signature": signature_b64})
    except (ValueError, DomainError) as exc:
        raise CosignatureRefused("کلید یا امضای گواه خوانا نیست.") from exc
    verify_cosignature(_core_head(row).head, cosig, public_key)
    with transaction.atomic():
        found, _ = Cosignature.objects.get_or_create(
            head=row, public_key=public_key.hex(),
            defaults={"key_id": cosig.key_id, "signature": signature_b64, "received_at": timezone.now()},
        )  # fmt: skip
    return found


def cosignatures_json(row: HeadRow) -> list[dict[str, str]]:
    return [
        {"key_id": c.key_id, "public_key": c.public_key, "signature": c.signature}
        for c in row.cosignatures.order_by("key_id")
    ]
