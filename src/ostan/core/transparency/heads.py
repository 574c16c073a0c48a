"""Signed tree heads: the log's signed statement "my first N entries have this Merkle root, as of T".

**Canonical form** (version 1), the exact bytes signed, ASCII, ``LF`` one newline byte, no final newline::

    ostan-tree-head-v1 LF LOG_ID LF TREE_SIZE LF ROOT_HASH LF ISSUED_AT

LOG_ID names the log (``[a-z0-9][a-z0-9._:/-]{0,127}``, e.g. ``ostan/round-7``), so a head of one
log can never pass as another's; TREE_SIZE is decimal without leading zeros; ROOT_HASH is the
RFC 9162 Merkle Tree Hash of the first TREE_SIZE entries in lower-case hex; ISSUED_AT is the time the
log gives it, UTC to the millisecond, ``YYYY-MM-DDTHH:MM:SS.mmmZ``. The first line names the
version: a change of form is a new first line, and v1 heads keep verifying.

The fields follow RFC 9162 §4.10 (TreeHeadDataV2: timestamp, tree size, root hash) with the log's id
inside the signed bytes, as C2SP checkpoints do, and in text so an observer can rebuild it with
``printf``. The log signs the canonical form with Ed25519 (RFC 8032), as-is: its first line is
already the context that keeps a head signature from passing as any other document's.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ostan.core.polling.devices import device_keys, is_signature_valid, key_fingerprint
from ostan.core.transparency.errors import InvalidKey, TreeHeadInvalid, TreeHeadSignatureInvalid
from ostan.core.transparency.merkle import HASH_BYTES, MAX_TREE_SIZE

HEAD_CONTEXT = "ostan-tree-head-v1"
HEAD_FORMAT = "ostan.tree-head/1"  # the JSON document's format field
KEY_BYTES = 32
SIGNATURE_BYTES = 64
_LOG_ID = re.compile(r"[a-z0-9][a-z0-9._:/-]{0,127}")
_SIZE = re.compile(r"0|[1-9][0-9]{0,18}")
_HEX_HASH = re.compile(r"[0-9a-f]{64}")
_ISSUED_AT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z")


def _utc_millisecond(moment: dt.datetime) -> dt.datetime:
    if not isinstance(moment, dt.datetime) or moment.tzinfo is None:
        raise TreeHeadInvalid("زمان سرِ درخت باید منطقهٔ زمانی داشته باشد.")
    moment = moment.astimezone(dt.UTC)
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)


@dataclass(frozen=True)
class TreeHead:
    """The log ``log_id`` at ``tree_size`` entries with Merkle root ``root_hash``, as of ``issued_at``.

    ``issued_at`` is kept in UTC to the millisecond (the canonical form's precision), so a head
    built from any aware time equals the one parsed back from its bytes.
    """

    log_id: str
    tree_size: int
    root_hash: bytes
    issued_at: dt.datetime

    def __post_init__(self) -> None:
        if not isinstance(self.log_id, str) or not _LOG_ID.fullmatch(self.log_id):
            raise TreeHeadInvalid("شناسهٔ دفتر باید با حروف کوچک لاتین، رقم و . _ : / - و حداکثر ۱۲۸ نویسه باشد.")
        size = self.tree_size
        if isinstance(size, bool) or not isinstance(size, int) or not 0 <= size <= MAX_TREE_SIZE:
            raise TreeHeadInvalid("اندازهٔ درخت در سرِ درخت باید عددی درست و نامنفی باشد.")
        if not isinstance(self.root_hash, bytes) or len(self.root_hash) != HASH_BYTES:
            raise TreeHeadInvalid("ریشهٔ درخت در سرِ درخت باید ۳۲ بایت باشد.")
        object.__setattr__(self, "issued_at", _utc_millisecond(self.issued_at))


@dataclass(frozen=True)
class SignedTreeHead:
    head: TreeHead
    signature: bytes  # Ed25519 by the log's key over tree_head_bytes(head)


def _format_time(moment: dt.datetime) -> str:
    # Spelled out: strftime's %Y does not pad years below 1000 on every platform.
    m = moment
    date = f"{m.year:04d}-{m.month:02d}-{m.day:02d}"
    return f"{date}T{m.hour:02d}:{m.minute:02d}:{m.second:02d}.{m.microsecond // 1000:03d}Z"


def tree_head_bytes(head: TreeHead) -> bytes:
    """The canonical form of ``head`` (see the module docstring): what the log and the witnesses sign."""
    lines = (HEAD_CONTEXT, head.log_id, str(head.tree_size), head.root_hash.hex(), _format_time(head.issued_at))
    return "\n".join(lines).encode("ascii")


def tree_head_from_bytes(data: bytes) -> TreeHead:
    """The head whose canonical form is exactly ``data``; anything else is :class:`TreeHeadInvalid`."""
    try:
        lines = data.decode("ascii").split("\n")
    except UnicodeDecodeError as exc:
        raise TreeHeadInvalid("سرِ درخت باید متن ASCII باشد.") from exc
    if len(lines) != 5 or lines[0] != HEAD_CONTEXT:
        raise TreeHeadInvalid(f"سرِ درخت باید پنج سطر باشد و با «{HEAD_CONTEXT}» آغاز شود.")
    _, log_id, size, root, issued = lines
    if not _SIZE.fullmatch(size) or not _HEX_HASH.fullmatch(root) or not _ISSUED_AT.fullmatch(issued):
        raise TreeHeadInvalid("اندازه، ریشه یا زمان سرِ درخت به شکل متعارف نیست.")
    try:
        moment = dt.datetime.fromisoformat(issued)
    except ValueError as exc:
        raise TreeHeadInvalid("زمان سرِ درخت خوانا نیست.") from exc
    head = TreeHead(log_id, int(size), bytes.fromhex(root), moment)
    if tree_head_bytes(head) != data:
        raise TreeHeadInvalid("سرِ درخت به شکل متعارف نیست.")
    return head


def _check_key(key: bytes, what: str) -> None:
    if not isinstance(key, bytes) or len(key) != KEY_BYTES:
        raise InvalidKey(f"{what} باید ۳۲ بایت باشد.")


def public_key(private_key: bytes) -> bytes:
    """The Ed25519 public key of a 32-byte private key (seed)."""
    _check_key(private_key, "کلید خصوصی")
    return device_keys(private_key).public_key


def key_id(public_key: bytes) -> str:
    """How a key is named: the first 16 hex digits of SHA-256 of the public key, as for devices."""
    _check_key(public_key, "کلید عمومی")
    return key_fingerprint(public_key)


def sign_tree_head(head: TreeHead, private_key: bytes) -> SignedTreeHead:
    """The log signs ``head`` with its 32-byte private key."""
    _check_key(private_key, "کلید خصوصی دفتر")
    signature = sign_bytes(private_key, tree_head_bytes(head))
    return SignedTreeHead(head, signature)


def sign_bytes(private_key: bytes, message: bytes) -> bytes:
    """Ed25519 over ``message`` with a 32-byte private key (checked by the caller)."""
    return Ed25519PrivateKey.from_private_bytes(private_key).sign(message)


def verify_tree_head(signed: SignedTreeHead, log_public_key: bytes) -> None:
    """Pass silently when the log's key signed exactly this head; else :class:`TreeHeadSignatureInvalid`."""
    _check_key(log_public_key, "کلید عمومی دفتر")
    if not is_signature_valid(log_public_key, tree_head_bytes(signed.head), signed.signature):
        raise TreeHeadSignatureInvalid(
            f"امضای سرِ درخت {signed.head.tree_size} برگی دفتر «{signed.head.log_id}» معتبر نیست.",
            details={"log_id": signed.head.log_id, "tree_size": signed.head.tree_size},
        )


def signed_head_to_json(signed: SignedTreeHead) -> dict[str, object]:
    """The published document: the fields in their canonical spelling, the signature in base64."""
    head = signed.head
    return {
        "format": HEAD_FORMAT,
        "log_id": head.log_id,
        "tree_size": head.tree_size,
        "root_hash": head.root_hash.hex(),
        "issued_at": _format_time(head.issued_at),
        "signature": base64.b64encode(signed.signature).decode("ascii"),
    }


def signed_head_from_json(data: object) -> SignedTreeHead:
    """A published head, read strictly (its signature is judged by :func:`verify_tree_head`)."""
    if not isinstance(data, Mapping) or data.get("format") != HEAD_FORMAT:
        raise TreeHeadInvalid(f"سند سرِ درخت باید شیء JSON با قالب «{HEAD_FORMAT}» باشد.")
    fields = [data.get(name) for name in ("log_id", "tree_size", "root_hash", "issued_at", "signature")]
    log_id, size, root, issued, signature = fields
    if (
        not isinstance(size, int)
        or isinstance(size, bool)
        or not all(isinstance(v, str) for v in (log_id, root, issued, signature))
    ):
        raise TreeHeadInvalid("سند سرِ درخت ناقص است.")
    canonical = "\n".join((HEAD_CONTEXT, str(log_id), str(size), str(root), str(issued))).encode("utf-8")
    return SignedTreeHead(tree_head_from_bytes(canonical), decode_signature(str(signature)))


def decode_signature(text: str) -> bytes:
    try:
        raw = base64.b64decode(text, validate=True)
    except binascii.Error as exc:
        raise TreeHeadInvalid("امضا باید متن base64 باشد.") from exc
    if len(raw) != SIGNATURE_BYTES:
        raise TreeHeadInvalid("امضای Ed25519 باید ۶۴ بایت باشد.")
    return raw
