"""The results API under /api/results/: the bulletin chain, the public keys and the receipt lookup (all
public), and the officials' steps of the day (session, scoped by the policy): the day's state, publishing
a station, aggregating a constituency and announcing its result. The dashboard is a page (see views)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.security import django_auth

from ostan.access.guards import api_guarded
from ostan.core.access import acting
from ostan.core.polling.ballots import format_receipt
from ostan.core.polling.day import Next
from ostan.core.transparency.leaves import bulletin_leaf
from ostan.elections.models import Constituency
from ostan.polling.models import Station
from ostan.publication import actions, export, selectors, tree
from ostan.publication import day as days
from ostan.publication.models import ConstituencyResult
from ostan.publication.permissions import COSIGN, PUBLISH, READ_BOARD, READ_DASHBOARD

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


class PublishedOut(Schema):
    station_code: str
    constituency_id: int
    minutes_entry_seq: int
    ballots_entry_seq: int


class ResultOut(Schema):
    constituency_id: int
    stations: int
    ballots: int
    is_published: bool
    result_entry_seq: int | None


class StepOut(Schema):
    stage: str  # ostan.core.polling.day's stage key
    label: str
    next_step: str  # "" when nothing is left to do
    advice: str
    may_act: bool  # the caller may take the next step


class DayStationOut(StepOut):
    id: int
    code: str


class DayConstituencyOut(StepOut):
    id: int
    name: str
    stations: int
    published_stations: int


class DayOut(Schema):
    unit_code: str
    round_number: int | None
    stations: list[DayStationOut]
    constituencies: list[DayConstituencyOut]


class DayQuery(Schema):
    unit: str = Field("", max_length=40)


def _step(n: Next, may_act: bool) -> dict[str, Any]:
    return {"stage": n.stage, "label": n.label, "next_step": str(n.step), "advice": n.advice, "may_act": may_act}


@router.get("/day", response=DayOut, auth=django_auth, summary="The day's state in the caller's unit")
@api_guarded(READ_DASHBOARD)
def day(request: HttpRequest, q: Query[DayQuery]) -> DayOut:
    d = days.build(acting(request), unit_code=q.unit or None)
    return DayOut(
        unit_code=d.root.code, round_number=d.election_round.number if d.election_round else None,
        stations=[DayStationOut(id=r.station.pk, code=r.station.code, **_step(r.next, r.may_act)) for r in d.stations],
        constituencies=[
            DayConstituencyOut(id=r.constituency.pk, name=str(r.constituency), stations=r.stations,
                               published_stations=r.published, **_step(r.next, r.may_act))
            for r in d.constituencies
        ],
    )  # fmt: skip


@router.post(
    "/stations/{pk}/publish", response=list[PublishedOut], auth=django_auth,
    summary="Publish a closed station whose minutes are signed and confirmed",
)  # fmt: skip
@api_guarded(PUBLISH, target="station")
def publish_station(request: HttpRequest, pk: int) -> list[PublishedOut]:
    station = Station.objects.select_related("unit").get(pk=pk)
    published = actions.publish_station(actor=acting(request), station=station, require_confirmed=True)
    return [
        PublishedOut(station_code=station.code, constituency_id=p.constituency_id,
                     minutes_entry_seq=p.minutes_entry.seq, ballots_entry_seq=p.ballots_entry.seq)
        for p in published
    ]  # fmt: skip


def _result(stored: ConstituencyResult) -> ResultOut:
    entry = stored.result_entry
    return ResultOut(
        constituency_id=stored.constituency_id, stations=stored.stations, ballots=stored.ballots,
        is_published=stored.is_published, result_entry_seq=entry.seq if entry is not None else None,
    )  # fmt: skip


@router.post(
    "/constituencies/{pk}/aggregate", response=ResultOut, auth=django_auth,
    summary="Aggregate a constituency once all its stations are published (checked by a full recount)",
)  # fmt: skip
@api_guarded(PUBLISH, target="constituency")
def aggregate(request: HttpRequest, pk: int) -> ResultOut:
    c = Constituency.objects.select_related("unit").get(pk=pk)
    return _result(actions.aggregate_constituency(actor=acting(request), constituency=c))


@router.post(
    "/constituencies/{pk}/publish", response=ResultOut, auth=django_auth,
    summary="Announce the aggregated result on the board",
)  # fmt: skip
@api_guarded(PUBLISH, target="constituency")
def publish_result(request: HttpRequest, pk: int) -> ResultOut:
    c = Constituency.objects.select_related("unit").get(pk=pk)
    return _result(actions.publish_result(actor=acting(request), constituency=c))


class SignedHeadOut(Schema):
    format: str
    log_id: str
    tree_size: int
    root_hash: str
    issued_at: str
    signature: str


class CosignatureOut(Schema):
    key_id: str
    public_key: str
    signature: str


class WitnessedHeadOut(Schema):
    format: str
    head: SignedHeadOut
    cosignatures: list[CosignatureOut]


class InclusionOut(Schema):
    seq: int
    tree_size: int
    leaf: str  # the leaf input (docs/transparency.md), as text: its SHA-256 with the 0x00 prefix is the leaf hash
    path: list[str]  # hex, from the leaf up (RFC 9162 §2.1.3.1)
    entry: BoardEntryOut


class ConsistencyOut(Schema):
    first: int
    second: int
    path: list[str]  # hex (RFC 9162 §2.1.4.1)


class InclusionQuery(Schema):
    seq: int = Field(..., ge=0, le=2**62)
    size: int | None = Field(None, ge=1, le=2**62)  # default: the latest signed head's size


class ConsistencyQuery(Schema):
    first: int = Field(..., ge=0, le=2**62)
    second: int = Field(..., ge=0, le=2**62)


class ReceiptProofQuery(Schema):
    size: int | None = Field(None, ge=1, le=2**62)


class CosignIn(Schema):
    public_key: str = Field(..., min_length=64, max_length=64)
    signature: str = Field(..., min_length=1, max_length=100)


def _witnessed(row: object) -> WitnessedHeadOut:
    return WitnessedHeadOut(
        format=export.WITNESSED_HEAD_FORMAT, head=SignedHeadOut(**tree.head_json(row)),  # type: ignore[arg-type]
        cosignatures=[CosignatureOut(**c) for c in tree.cosignatures_json(row)],  # type: ignore[arg-type]
    )  # fmt: skip


@router.get("/heads/latest", response=WitnessedHeadOut, summary="The latest signed tree head and its cosignatures")
@api_guarded(READ_BOARD)
def latest_head(request: HttpRequest) -> WitnessedHeadOut:
    return _witnessed(tree.latest_head())


@router.get("/heads/{size}", response=WitnessedHeadOut, summary="The signed tree head of a size, with cosignatures")
@api_guarded(READ_BOARD, target="tree_head")
def head_of_size(request: HttpRequest, size: int) -> WitnessedHeadOut:
    return _witnessed(tree.head_of_size(size))


@router.post(
    "/heads/{size}/cosignatures", response=CosignatureOut,
    summary="A witness posts its cosignature of a head (kept only when it verifies under the key given)",
)  # fmt: skip
@api_guarded(COSIGN, target="tree_head")
def cosign(request: HttpRequest, size: int, body: CosignIn) -> CosignatureOut:
    row = tree.add_cosignature(size=size, public_key_hex=body.public_key, signature_b64=body.signature)
    return CosignatureOut(key_id=row.key_id, public_key=row.public_key, signature=row.signature)


def _inclusion(seq: int, size: int | None) -> InclusionOut:
    size = size or tree.latest_head().tree_size
    proof = tree.inclusion(seq, size)
    e = selectors.entry(seq)
    leaf = bulletin_leaf(e.seq, e.kind, e.payload_bytes, e.entry_hash).decode("ascii")
    return InclusionOut(seq=seq, tree_size=size, leaf=leaf, path=[h.hex() for h in proof.path], entry=_entry(e))


@router.get("/proofs/inclusion", response=InclusionOut, summary="An entry's inclusion proof in a tree of some size")
@api_guarded(READ_BOARD)
def inclusion(request: HttpRequest, q: Query[InclusionQuery]) -> InclusionOut:
    return _inclusion(q.seq, q.size)


@router.get("/proofs/consistency", response=ConsistencyOut, summary="A consistency proof between two tree sizes")
@api_guarded(READ_BOARD)
def consistency(request: HttpRequest, q: Query[ConsistencyQuery]) -> ConsistencyOut:
    proof = tree.consistency(q.first, q.second)
    return ConsistencyOut(first=q.first, second=q.second, path=[h.hex() for h in proof.path])


@router.get(
    "/receipts/{code}/proof", response=InclusionOut,
    summary="The inclusion proof of the entry that holds a receipt's ballot",
)  # fmt: skip
@api_guarded(READ_BOARD, target="receipt")
def receipt_proof(request: HttpRequest, code: str, q: Query[ReceiptProofQuery]) -> InclusionOut:
    return _inclusion(selectors.receipt(code[:40]).entry.seq, q.size)
