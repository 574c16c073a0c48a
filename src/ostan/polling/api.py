"""The polling API under /api/polling/.

Device endpoints are authenticated by the request signature alone (headers ``X-Ostan-Station``,
``X-Ostan-Device``, ``X-Ostan-Counter``, ``X-Ostan-Timestamp``, ``X-Ostan-Signature``; see
``ostan.core.polling.devices``): unsigned → 401 ``unsigned_request``, bad signature → 401
``bad_signature``, replayed counter → 409 ``replayed_request``, another station → 403 ``foreign_station``.
Officials' endpoints use the session. The candidate lookup is public: ballots are public information.

The device endpoints are election day's hot path (thousands of check-ins a second, journals of a
thousand ballots): their bodies are plain pydantic models, validated in pydantic's compiled core
without ninja's per-object hooks, and their answers are written with :func:`_json` rather than
validated again on the way out. The response schemas still document exactly what is written.
"""

from __future__ import annotations

import datetime as dt
import json
from json.encoder import encode_basestring_ascii as _quoted
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Field, Router, Schema
from ninja.responses import NinjaJSONEncoder
from ninja.security import django_auth
from pydantic import BaseModel

from ostan.access.guards import api_guarded
from ostan.core.access import acting
from ostan.core.polling.checkin import CheckInDecision
from ostan.polling import actions, selectors
from ostan.polling.casting import BallotItem, ballot_opened
from ostan.polling.device_requests import authenticate
from ostan.polling.models import DeviceKind, StationMinutes
from ostan.polling.permissions import READ_STATIONS, RUN_STATION, USE_DEVICE
from ostan.polling.token_cards import IssuedCode, token_card

router = Router(tags=["polling"])

SIGNED = "امضاشده با کلید دستگاه (سرآیندهای X-Ostan-*)."


class CheckInIn(BaseModel):
    request_id: str = Field(max_length=64)
    national_code: str = Field(max_length=40)
    evidence: str = Field("", max_length=200)
    token_hash: str = Field(max_length=64)
    is_link_down: bool = False


class CheckInOut(Schema):
    is_accepted: bool
    reason_code: str
    message: str
    is_retry: bool
    station_code: str | None = None  # accepted, or already voted: where
    checked_in_at: dt.datetime | None = None


class TokenIn(BaseModel):
    token: str = Field(max_length=128)


class BallotOpenOut(Schema):
    constituency_id: int
    constituency_name: str
    method: str
    seats: int


class BallotIn(BaseModel):
    ballot_id: str = Field(max_length=64)
    token: str = Field(max_length=128)
    codes: list[str] = Field(max_length=64)


class CastOut(Schema):
    ballot_id: str
    receipt_code: str
    is_duplicate: bool


class BatchIn(BaseModel):
    ballots: list[BallotIn] = Field(max_length=1000)


class RefusalOut(Schema):
    ballot_id: str
    code: str
    message: str


class BatchOut(Schema):
    accepted: list[CastOut]
    refused: list[RefusalOut]


class KioskCandidateOut(Schema):
    code: str
    name: str
    kind: str  # "candidate" | "list"
    list_code: str | None
    list_name: str | None
    initials: str
    photo_url: str | None


class SignatureIn(BaseModel):
    signature: str = Field(max_length=200)


class MinutesOut(Schema):
    id: int
    station_code: str
    constituency_id: int
    form: int
    digest: str
    document: dict[str, object]
    is_signed: bool
    confirmations: int


class ShortCodeIn(BaseModel):
    token: str = Field(max_length=128)
    national_code: str = Field(max_length=40)
    request_id: str = Field(max_length=64)


class ShortCodeOut(Schema):
    short_code: str  # nine ASCII digits, the last a Damm check digit
    display: str  # grouped, Persian digits
    qr_svg: str  # the QR code (payload "OSTAN-T:" + the digits) as inline SVG
    constituency_id: int


class LostTokenIn(Schema):
    national_code: str = Field(max_length=40)


class SpoiltTokenIn(Schema):
    token: str = Field(max_length=128)


def short_code_out(issued: IssuedCode) -> ShortCodeOut:
    card = token_card(issued.code)
    return ShortCodeOut(short_code=card.code, display=card.display, qr_svg=card.qr_svg,
                        constituency_id=issued.constituency_id)  # fmt: skip


class StationOut(Schema):
    id: int
    code: str
    address: str
    status: str
    unit_code: str


def minutes_out(m: StationMinutes) -> MinutesOut:
    return MinutesOut(
        id=m.pk, station_code=m.station.code, constituency_id=m.constituency_id, form=m.form, digest=m.digest,
        document=m.document, is_signed=m.is_signed, confirmations=m.confirmations.count(),
    )  # fmt: skip


def _json(data: dict[str, Any]) -> HttpResponse:
    """The same bytes ninja's renderer writes, without validating our own answer again."""
    return HttpResponse(json.dumps(data, cls=NinjaJSONEncoder), content_type="application/json; charset=utf-8")


@router.post("/check-ins", response=CheckInOut, summary="Check a voter in (authentication device)", description=SIGNED)
@api_guarded(USE_DEVICE)
def check_in(request: HttpRequest, payload: CheckInIn) -> HttpResponse:
    device = authenticate(request, kind=DeviceKind.AUTHENTICATION)
    return _json(check_in_answer(actions.check_in(device=device, **payload.model_dump())))


def check_in_answer(d: CheckInDecision) -> dict[str, Any]:
    """The CheckInOut body for a decision (the device gateway answers with the same)."""
    rec = d.record
    return {
        "is_accepted": d.is_accepted, "reason_code": d.reason_code, "message": d.message, "is_retry": d.is_retry,
        "station_code": rec.station_code if rec else None, "checked_in_at": rec.checked_in_at if rec else None,
    }  # fmt: skip


@router.post(
    "/short-codes", response=ShortCodeOut, summary="A short code for a just-issued token (authentication device)",
    description=SIGNED,
)  # fmt: skip
@api_guarded(USE_DEVICE)
def issue_short_code(request: HttpRequest, payload: ShortCodeIn) -> ShortCodeOut:
    device = authenticate(request, kind=DeviceKind.AUTHENTICATION)
    return short_code_out(actions.issue_short_code(device=device, **payload.model_dump()))


@router.post("/ballots/open", response=BallotOpenOut, summary="Open the ballot a token allows", description=SIGNED)
@api_guarded(USE_DEVICE)
def open_ballot(request: HttpRequest, payload: TokenIn) -> BallotOpenOut:
    device = authenticate(request, kind=DeviceKind.VOTING)
    c = selectors.constituency_brief(ballot_opened(device, payload.token))
    return BallotOpenOut(constituency_id=c.pk, constituency_name=c.name, method=c.core.method.value, seats=c.core.seats)


@router.post("/ballots", response=CastOut, summary="Cast one ballot (voting device)", description=SIGNED)
@api_guarded(USE_DEVICE)
def cast_ballot(request: HttpRequest, payload: BallotIn) -> HttpResponse:
    device = authenticate(request, kind=DeviceKind.VOTING)
    o = actions.cast_ballot(device=device, ballot_id=payload.ballot_id, token=payload.token, codes=payload.codes)
    return _json({"ballot_id": o.ballot_id, "receipt_code": o.receipt_code, "is_duplicate": o.is_duplicate})


@router.post("/ballots/batch", response=BatchOut, summary="Upload a voting device's ballot journal", description=SIGNED)
@api_guarded(USE_DEVICE)
def cast_batch(request: HttpRequest, payload: BatchIn) -> HttpResponse:
    device = authenticate(request, kind=DeviceKind.VOTING)
    items = [BallotItem(b.ballot_id, b.token, tuple(b.codes)) for b in payload.ballots]
    o = actions.cast_batch(device=device, items=items)
    # The bytes _json writes, with the accepted entries (most of a journal's answer) formatted directly
    # around json's C string encoder instead of built as dicts and walked by the encoder.
    accepted = ", ".join([
        f'{{"ballot_id": {_quoted(a.ballot_id)}, "receipt_code": {_quoted(a.receipt_code)}, '
        f'"is_duplicate": {"true" if a.is_duplicate else "false"}}}'
        for a in o.accepted
    ])  # fmt: skip
    refused = [{"ballot_id": r.ballot_id, "code": r.code, "message": r.message} for r in o.refused]
    body = f'{{"accepted": [{accepted}], "refused": {json.dumps(refused, cls=NinjaJSONEncoder)}}}'
    return HttpResponse(body, content_type="application/json; charset=utf-8")


@router.get(
    "/constituencies/{pk}/candidates", response=list[KioskCandidateOut], summary="Kiosk list of a constituency's codes"
)
@api_guarded(USE_DEVICE)
def list_codes(request: HttpRequest, pk: int) -> list[KioskCandidateOut]:
    return [KioskCandidateOut(**row) for row in selectors.kiosk_candidates(pk)]


@router.get(
    "/constituencies/{pk}/candidates/{code}", response=KioskCandidateOut, summary="Kiosk lookup of a typed code"
)
@api_guarded(USE_DEVICE)
def lookup_code(request: HttpRequest, pk: int, code: str) -> KioskCandidateOut:
    return KioskCandidateOut(**selectors.lookup_code(pk, code))


@router.post(
    "/minutes/{pk}/signature", response=MinutesOut, summary="Sign the minutes (station device)", description=SIGNED
)
@api_guarded(USE_DEVICE)
def sign_minutes(request: HttpRequest, pk: int, payload: SignatureIn) -> MinutesOut:
    device = authenticate(request)
    minutes = selectors.minutes_for_device(device.station_id, pk)
    return minutes_out(actions.sign_minutes(device=device, minutes=minutes, signature_b64=payload.signature))


@router.get("/stations", response=list[StationOut], auth=django_auth, summary="Stations in the user's scope")
@api_guarded(READ_STATIONS)
def list_stations(request: HttpRequest) -> list[StationOut]:
    return [StationOut(id=s.pk, code=s.code, address=s.address, status=s.status, unit_code=s.unit.code)
            for s in selectors.stations(acting(request))]  # fmt: skip


@router.post("/stations/{pk}/close", response=list[MinutesOut], auth=django_auth, summary="Close a station")
@api_guarded(RUN_STATION, target="station")
def close_station(request: HttpRequest, pk: int) -> list[MinutesOut]:
    station = selectors.station_for_user(acting(request), pk)
    return [minutes_out(m) for m in actions.close_station(actor=acting(request), station=station)]


@router.post("/minutes/{pk}/confirm", response=MinutesOut, auth=django_auth, summary="Confirm signed minutes")
@api_guarded(RUN_STATION, target="minutes")
def confirm_minutes(request: HttpRequest, pk: int) -> MinutesOut:
    minutes = selectors.minutes_for_user(acting(request), pk)
    actions.confirm_minutes(actor=acting(request), minutes=minutes)
    return minutes_out(selectors.minutes_for_user(acting(request), pk))


@router.post(
    "/stations/{pk}/tokens/lost", response=ShortCodeOut, auth=django_auth,
    summary="Void a voter's lost token and issue a new short code (station member)",
)  # fmt: skip
@api_guarded(RUN_STATION, target="station")
def void_lost_token(request: HttpRequest, pk: int, payload: LostTokenIn) -> ShortCodeOut:
    station = selectors.station_for_user(acting(request), pk)
    return short_code_out(
        actions.void_lost_token(actor=acting(request), station=station, national_code=payload.national_code)
    )


@router.post(
    "/stations/{pk}/tokens/spoilt", response=ShortCodeOut, auth=django_auth,
    summary="Void a spoilt token and issue a new short code (station member)",
)  # fmt: skip
@api_guarded(RUN_STATION, target="station")
def replace_spoilt_token(request: HttpRequest, pk: int, payload: SpoiltTokenIn) -> ShortCodeOut:
    station = selectors.station_for_user(acting(request), pk)
    return short_code_out(actions.replace_token(actor=acting(request), station=station, spoilt_token=payload.token))
