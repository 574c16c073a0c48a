"""A constituency's file on the board: appended when it is not already the chain's latest for it."""

from __future__ import annotations

from ostan.core.counting import Constituency
from ostan.core.polling.canonical import canonical_json
from ostan.publication import board, documents
from ostan.publication.models import BulletinEntry


def _constituency_on_chain(core_id: str, document: dict[str, object]) -> bool:
    latest = BulletinEntry.objects.filter(kind="constituency", subject=core_id).order_by("-seq").first()
    return latest is not None and latest.payload_bytes == canonical_json(document)


def publish_constituency(constituency_pk: int) -> BulletinEntry | None:
    """Append the constituency file unless the chain's latest one for it is the same (inside a transaction)."""
    pending = constituency_pending(documents.core_constituency(constituency_pk))
    return board.append_many(pending)[0] if pending else None


def constituency_pending(core: Constituency) -> list[board.Pending]:
    """The constituency file as an entry to append, or nothing when the chain's latest one is the same."""
    document = documents.constituency_document(core)
    return [] if _constituency_on_chain(core.id, document) else [board.Pending("constituency", document, core.id)]
