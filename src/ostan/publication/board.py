"""The board's Ed25519 key and the one way an entry is appended to the chain.

The key is a 32-byte seed from ``settings.OSTAN_BULLETIN_KEY`` (64 hex digits, from the environment
variable of the same name). Only a DEBUG server falls back to a fixed demo key, derived from a public
text: anyone could sign with it, which is exactly right for a demo and never acceptable otherwise.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.utils import timezone

from ostan.core.polling import bulletin
from ostan.core.polling.canonical import canonical_json
from ostan.core.polling.devices import device_keys
from ostan.dialects import uses_postgresql
from ostan.publication.errors import BulletinKeyMissing
from ostan.publication.merkle_store import extend_tree
from ostan.publication.models import Board, BulletinEntry

DEMO_KEY_TEXT = "ostan-demo-bulletin-key"
BOARD_PK = 1
ENTRY_COLUMNS = ("seq", "kind", "payload", "prev_hash", "entry_hash", "signature", "subject", "published_at")
APPEND_BATCH = 200  # entries per INSERT: a station's ballots entry is some 100 KB of text
KEY_SHAPE = "کلید تابلوی اعلانات (OSTAN_BULLETIN_KEY) باید ۶۴ رقم شانزده‌شانزدهی (۳۲ بایت) باشد."


def private_key() -> bytes:
    configured: str = settings.OSTAN_BULLETIN_KEY
    if configured:
        try:
            seed = bytes.fromhex(configured.strip())
        except ValueError as exc:
            raise BulletinKeyMissing(KEY_SHAPE) from exc
        if len(seed) == 32:
            return seed
        raise BulletinKeyMissing(KEY_SHAPE)
    if settings.DEBUG:
        return hashlib.sha256(DEMO_KEY_TEXT.encode()).digest()
    raise BulletinKeyMissing("کلید تابلوی اعلانات (OSTAN_BULLETIN_KEY) تنظیم نشده است.")


def public_key() -> bytes:
    return device_keys(private_key()).public_key


def announced_public_key() -> str:
    """The key readers check against: the one the board has signed with, else the configured one, else ""."""
    row = Board.objects.filter(pk=BOARD_PK).values_list("public_key", flat=True).first()
    if row:
        return row
    try:
        return public_key().hex()
    except BulletinKeyMissing:
        return ""


def _locked_board() -> Board:
    locked = Board.objects.select_for_update().filter(pk=BOARD_PK).first()
    if locked is not None:
        return locked
    Board.objects.get_or_create(pk=BOARD_PK)  # the very first append: two racing creators meet here
    return Board.objects.select_for_update().get(pk=BOARD_PK)


def core_entry(row: BulletinEntry) -> bulletin.BulletinEntry:
    signature = base64.b64decode(row.signature) if row.signature else None
    return bulletin.BulletinEntry(row.seq, row.kind, row.payload_bytes, row.prev_hash, row.entry_hash, signature)


@dataclass(frozen=True)
class Pending:
    """One entry to append: a document, or its canonical JSON bytes when the caller built them already
    (:func:`ostan.core.polling.publication.ballots_payload`); bytes are never a document themselves."""

    kind: str
    document: object
    subject: str = ""

    def payload(self) -> bytes:
        return self.document if isinstance(self.document, bytes) else canonical_json(self.document)


def _insert(rows: list[BulletinEntry]) -> None:
    """One INSERT for every row; on PostgreSQL a COPY, whose C encoder takes the large payload texts as
    they are (the driver's client-side quoting of INSERT parameters scans each payload with a regex)."""
    if not uses_postgresql():
        BulletinEntry.objects.bulk_create(rows, batch_size=APPEND_BATCH)
        return
    columns = ", ".join(connection.ops.quote_name(name) for name in ENTRY_COLUMNS)
    table = connection.ops.quote_name(BulletinEntry._meta.db_table)
    with connection.cursor() as cursor, cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([getattr(row, name) for name in ENTRY_COLUMNS])


def append(kind: str, document: object, *, subject: str = "") -> BulletinEntry:
    """Append ``document`` (canonical JSON) as the next entry. Call inside the action's transaction:
    the head row stays locked until it commits, so concurrent appends queue and the chain never forks."""
    return append_many([Pending(kind, document, subject)])[0]


def append_many(pending: Sequence[Pending]) -> list[BulletinEntry]:
    """Append the documents in order as consecutive entries: one head lock, one INSERT, one head update,
    and their leaves added to the board's Merkle tree (``merkle_store.extend_tree``) in the same
    transaction. The entries are exactly those :func:`append` would make one by one (tested)."""
    if not pending:
        return []
    board = _locked_board()
    key = private_key()
    head = None if board.head_seq < 0 else bulletin.BulletinEntry(board.head_seq, "", b"", "", board.head_hash)
    now = timezone.now()
    rows = []
    for item in pending:
        payload = item.payload()
        head = bulletin.append(head, item.kind, payload, private_key=key)
        assert head.signature is not None
        rows.append(
            BulletinEntry(seq=head.seq, kind=head.kind, payload=payload.decode("utf-8"), prev_hash=head.prev_hash,
                          entry_hash=head.entry_hash, signature=base64.b64encode(head.signature).decode("ascii"),
                          subject=item.subject[:100], published_at=now)
        )  # fmt: skip
    _insert(rows)
    extend_tree(board.head_seq + 1, rows)  # the tree's size is always the chain's length
    assert head is not None
    board.head_seq, board.head_hash = head.seq, head.entry_hash
    board.public_key = device_keys(key).public_key.hex()
    board.save(update_fields=["head_seq", "head_hash", "public_key"])
    return rows
