"""The results API under /api/results/: the bulletin chain, the public keys and the receipt lookup.
Everything here is public; the officials' dashboard is a page (see views)."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from ostan.access.guards import api_guarded
from ostan.core.polling.ballots import format_receipt
from ostan.publication import export, selectors
from ostan.publication.permissions import READ_BOARD

router = Router(tags=["results"])

MAX_PAGE = 500


class BoardEntryOut(Schema):
    seq: int
    kind: str
    subject: str
    prev_hash: str
    entry_hash: str
    signature: str
    payload: str


class EntriesQuery(Schema):
    after: int = Field(-1, ge=-1, le=2**62)
    limit: int = Field(100, ge=1, le=MAX_PAGE)


class HeadOut(Schema):
    seq: int
    entry_hash: str


class KeysOut(Schema):
    format: str
    board_public_key: str
    chain_head: str
    chain_length: int
    station_keys: dict[str, str]
    minutes_keys: dict[str, dict[str, str]]  # station code → constituency id → key that signed those minutes
    devices: dict[str, list[dict[str, str]]]


class ReceiptOut(Schema):
    receipt_code: str
    formatted: str
    station_code: str
    codes: list[str]
    entry_seq: int
    entry_hash: str


def _entry(e: object) -> BoardEntryOut:
    return BoardEntryOut.model_validate(e, from_attributes=True)


@router.get("/head", response=HeadOut, summary="The chain's latest entry")
@api_guarded(READ_BOARD)
def head(request: HttpRequest) -> HeadOut:
    found = selectors.board_head()
    return HeadOut(seq=found.head_seq, entry_hash=found.head_hash)


@router.get("/entries", response=list[BoardEntryOut], summary="Bulletin entries after a sequence number, in order")
@api_guarded(READ_BOARD)
def entries(request: HttpRequest, q: Query[EntriesQuery]) -> list[BoardEntryOut]:
    rows = selectors.entries_after(q.after, q.limit)
    return [_entry(e) for e in rows]


@router.get("/entries/{seq}", response=BoardEntryOut, summary="One bulletin entry")
@api_guarded(READ_BOARD, target="entry")
def entry(request: HttpRequest, seq: int) -> BoardEntryOut:
    return _entry(selectors.entry(seq))


@router.get("/keys", response=KeysOut, summary="The board's and the stations' public keys, and the head")
@api_guarded(READ_BOARD)
def keys(request: HttpRequest) -> KeysOut:
    return KeysOut(**export.keys_document())  # type: ignore[arg-type]


@router.get("/receipts/{code}", response=ReceiptOut, summary="A published ballot by its receipt code")
@api_guarded(READ_BOARD, target="receipt")
def receipt(request: HttpRequest, code: str) -> ReceiptOut:
    found = selectors.receipt(code[:40])
    return ReceiptOut(
        receipt_code=found.receipt_code, formatted=format_receipt(found.receipt_code),
        station_code=found.station_code, codes=list(found.codes),
        entry_seq=found.entry.seq, entry_hash=found.entry.entry_hash,
    )  # fmt: skip
