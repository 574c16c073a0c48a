"""The signed, hash-chained record of circulars: what was sent, to whom, and who acknowledged when.

It is kept on the bulletin board's one chain (``ostan.publication.board``), as entries of two kinds of its
own: ``circular`` when a circular or report is sent, ``circular_ack`` when a recipient acknowledges. The board
is public, so an entry carries codes, moments and SHA-256 digests of the title, text and attachments, never
the text itself: whoever holds the circular can show it is the one recorded, and no one can change the record
of who was sent what and when they acknowledged. The election verifier (``ostan verify``) passes over kinds
it does not count; :func:`problems` checks these entries against the database.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib

from ostan.core.polling import bulletin
from ostan.core.polling.canonical import canonical_json
from ostan.participation.models import Circular, Recipient
from ostan.publication import board, selectors

SENT_KIND = "circular"
ACK_KIND = "circular_ack"
SENT_FORMAT = "ostan.circular/1"
ACK_FORMAT = "ostan.circular-ack/1"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _moment(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).isoformat()


def sent_document(circular: Circular) -> dict[str, object]:
    recipients = sorted(circular.recipients.values_list("office__code", flat=True))
    return {
        "format": SENT_FORMAT,
        "circular": circular.pk,
        "kind": circular.kind,
        "sender": circular.sender.code,
        "priority": circular.priority,
        "sent_at": _moment(circular.sent_at),
        "deadline_at": _moment(circular.deadline_at),
        "recipients": recipients,
        "title_sha256": _digest(circular.title),
        "body_sha256": _digest(circular.body),
        "attachments_sha256": [a.sha256 for a in circular.attachments.order_by("pk")],
    }


def ack_document(copy: Recipient) -> dict[str, object]:
    assert copy.acknowledged_at is not None
    return {
        "format": ACK_FORMAT,
        "circular": copy.circular_id,
        "circular_entry": copy.circular.board_seq,
        "office": copy.office.code,
        "acknowledged_at": _moment(copy.acknowledged_at),
    }


def record_sent(circular: Circular) -> int:
    """Inside the sending action's transaction: the entry's sequence number."""
    return board.append(SENT_KIND, sent_document(circular), subject=f"circular:{circular.pk}").seq


def record_acknowledged(copy: Recipient) -> int:
    return board.append(ACK_KIND, ack_document(copy), subject=f"circular:{copy.circular_id}").seq


def problems(circular: Circular) -> list[str]:
    """Why the record of ``circular`` does not hold (empty: the chain is intact and signed, and its entries say
    exactly what the database says was sent and acknowledged)."""
    rows = selectors.entries_after(-1, 10**9)
    chain = [board.core_entry(row) for row in rows]
    key = board.announced_public_key()
    found = [p.message for p in bulletin.verify_chain(chain, public_key=bytes.fromhex(key) if key else None,
                                                       expected_head=selectors.board_head().head_hash)]  # fmt: skip
    by_seq = {row.seq: row for row in rows}
    expected = {(SENT_KIND, circular.board_seq): sent_document(circular)}
    for copy in circular.recipients.select_related("office", "circular"):
        if copy.acknowledged_at is not None:
            expected[(ACK_KIND, copy.board_seq)] = ack_document(copy)
    for (kind, seq), document in expected.items():
        row = by_seq.get(seq) if seq is not None else None
        if row is None or row.kind != kind or row.payload_bytes != canonical_json(document):
            found.append(f"مدخل «{kind}» بخشنامهٔ {circular.pk} در زنجیره با داده‌های آن نمی‌خواند.")
    subject = f"circular:{circular.pk}"
    recorded = {row.seq for row in rows if row.subject == subject}
    extra = recorded - {seq for _, seq in expected}
    if extra:
        found.append(f"زنجیره مدخل‌هایی برای بخشنامهٔ {circular.pk} دارد که در داده‌ها نیست: {sorted(extra)}")
    return found


def signature_of(seq: int) -> str:
    """The board's signature of an entry, for the circular's page (base64)."""
    row = selectors.entry(seq)
    return base64.b64encode(base64.b64decode(row.signature)).decode("ascii")
