"""The public bulletin board: an append-only chain of entries, each hashing the one before.

Entry ``n`` (``seq`` counts from 0) has::

    entry_hash = SHA-256( "ostan-bulletin-v1" 0x00 SEQ 0x00 KIND 0x00 PREV_HASH 0x00 SHA-256(PAYLOAD) )

in lower-case hex, where SEQ is the decimal sequence number, KIND the entry kind (``[a-z_]``), PREV_HASH
the previous entry's hash (64 zeros for the first entry) and SHA-256(PAYLOAD) the hex digest of the
payload bytes (canonical JSON, :mod:`ostan.core.polling.canonical`); every text is ASCII and 0x00 is
one zero byte. The optional signature is Ed25519 over ``"ostan-bulletin-entry-v1" LF ENTRY_HASH``
with the election headquarters' key. Changing any byte of a payload changes its entry's hash; every
later link then breaks, so the latest hash, printed and read out at announcement, fixes the whole
history. Published as JSON Lines: one :func:`entry_to_json` object per line, payload as text.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ostan.core.polling.devices import is_document_signature_valid, sign_document
from ostan.core.polling.errors import InvalidBulletinEntry, InvalidDocument

CHAIN_CONTEXT = "ostan-bulletin-v1"
SIGNATURE_CONTEXT = "ostan-bulletin-entry-v1"
GENESIS_HASH = "0" * 64
# The kinds the election-day protocol writes; others may follow, spelled the same way.
KINDS = ("seed", "devices", "roll", "minutes", "ballots", "result", "notice")
_KIND = re.compile(r"[a-z][a-z_]{0,31}")


@dataclass(frozen=True)
class BulletinEntry:
    seq: int
    kind: str
    payload: bytes  # canonical JSON
    prev_hash: str
    entry_hash: str
    signature: bytes | None = None


@dataclass(frozen=True)
class ChainProblem:
    code: str  # "bad_seq" | "broken_link" | "altered_entry" | "missing_signature" | "bad_signature" | "head_mismatch"
    position: int  # index in the list given (-1: the chain as a whole)
    message: str  # Persian


def entry_hash(seq: int, kind: str, prev_hash: str, payload: bytes) -> str:
    """The hash of an entry (see the module docstring for the exact bytes)."""
    parts = (CHAIN_CONTEXT, str(seq), kind, prev_hash, hashlib.sha256(payload).hexdigest())
    return hashlib.sha256(b"\x00".join(part.encode("ascii") for part in parts)).hexdigest()


def append(
    chain_head: BulletinEntry | None, kind: str, payload: bytes, *, private_key: bytes | None = None
) -> BulletinEntry:
    """The entry that follows ``chain_head`` (None: the first entry), signed when a key is given."""
    if not _KIND.fullmatch(kind):
        raise InvalidBulletinEntry(f"نوع «{kind}» برای مدخل تابلوی اعلانات پذیرفته نیست.")
    seq = 0 if chain_head is None else chain_head.seq + 1
    prev = GENESIS_HASH if chain_head is None else chain_head.entry_hash
    digest = entry_hash(seq, kind, prev, payload)
    signature = None if private_key is None else sign_document(private_key, SIGNATURE_CONTEXT, digest.encode("ascii"))
    return BulletinEntry(seq, kind, payload, prev, digest, signature)


def verify_chain(
    entries: Sequence[BulletinEntry], *, public_key: bytes | None = None, expected_head: str | None = None
) -> list[ChainProblem]:
    """Every problem in ``entries`` (empty: intact). ``expected_head`` is the announced latest hash,
    which also catches entries cut off the end; ``public_key`` requires and checks signatures.
    """
    problems: list[ChainProblem] = []
    for i, entry in enumerate(entries):
        if entry.seq != i:
            problems.append(ChainProblem("bad_seq", i, f"شمارهٔ مدخل {i} باید {i} باشد، {entry.seq} است."))
        expected_prev = GENESIS_HASH if i == 0 else entries[i - 1].entry_hash
        if entry.prev_hash != expected_prev:
            problems.append(ChainProblem("broken_link", i, f"مدخل {i} به مدخل پیش از خود پیوند ندارد."))
        if entry_hash(entry.seq, entry.kind, entry.prev_hash, entry.payload) != entry.entry_hash:
            problems.append(ChainProblem("altered_entry", i, f"محتوای مدخل {i} با چکیدهٔ آن نمی‌خواند."))
        problems += _signature_problems(entry, i, public_key)
    head = entries[-1].entry_hash if entries else GENESIS_HASH
    if expected_head is not None and head != expected_head:
        problems.append(ChainProblem("head_mismatch", -1, "آخرین چکیدهٔ زنجیره با چکیدهٔ اعلام‌شده برابر نیست."))
    return problems


def _signature_problems(entry: BulletinEntry, i: int, public_key: bytes | None) -> list[ChainProblem]:
    if public_key is None:
        return []
    if entry.signature is None:
        return [ChainProblem("missing_signature", i, f"مدخل {i} امضا ندارد.")]
    data = entry.entry_hash.encode("ascii")
    if not is_document_signature_valid(public_key, SIGNATURE_CONTEXT, data, entry.signature):
        return [ChainProblem("bad_signature", i, f"امضای مدخل {i} معتبر نیست.")]
    return []


def entry_to_json(entry: BulletinEntry) -> dict[str, object]:
    return {
        "seq": entry.seq,
        "kind": entry.kind,
        "payload": entry.payload.decode("utf-8"),
        "prev_hash": entry.prev_hash,
        "entry_hash": entry.entry_hash,
        "signature": None if entry.signature is None else base64.b64encode(entry.signature).decode("ascii"),
    }


def entry_from_json(data: object) -> BulletinEntry:
    """A published entry, taken as given: :func:`verify_chain` judges it."""
    if not isinstance(data, Mapping):
        raise InvalidDocument("مدخل تابلوی اعلانات باید یک شیء JSON باشد.")
    seq, kind, payload = data.get("seq"), data.get("kind"), data.get("payload")
    prev, digest, signature = data.get("prev_hash"), data.get("entry_hash"), data.get("signature")
    if not isinstance(seq, int) or not all(isinstance(v, str) for v in (kind, payload, prev, digest)):
        raise InvalidDocument("مدخل تابلوی اعلانات ناقص است.", details={"seq": seq})
    if signature is not None and not isinstance(signature, str):
        raise InvalidDocument("امضای مدخل تابلوی اعلانات باید متن base64 باشد.", details={"seq": seq})
    try:
        raw_signature = None if signature is None else base64.b64decode(signature, validate=True)
    except binascii.Error as exc:
        raise InvalidDocument("امضای مدخل تابلوی اعلانات خوانا نیست.", details={"seq": seq}) from exc
    return BulletinEntry(seq, str(kind), str(payload).encode("utf-8"), str(prev), str(digest), raw_signature)
