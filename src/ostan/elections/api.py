"""The elections API under /api/elections/: published results for everyone, the rest in the user's scope."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.security import django_auth

from ostan.access.guards import api_guarded
from ostan.core.access import acting
from ostan.core.errors import NotFound
from ostan.elections import actions, selectors
from ostan.elections.actions.constituencies import OVERRIDE_SEATS_MAX
from ostan.elections.entries import CandidateEntry, ListEntry
from ostan.elections.models import Candidate, Constituency, ElectionRound, PartyList
from ostan.elections.permissions import MANAGE_CONSTITUENCY, READ_RESULTS
from ostan.territory.selectors import get_unit

router = Router(tags=["elections"])


class RoundOut(Schema):
    id: int
    number: int
    name: str
    election_date: dt.date | None
    status: str


class ConstituencyOut(Schema):
    id: int
    round_number: int
    name: str
    kind: str
    method: str
    unit_code: str
    seats: int
    alternates: int
    is_voting: bool
    is_published: bool

    @staticmethod
    def of(c: Constituency) -> ConstituencyOut:
        return ConstituencyOut(
            id=c.pk, round_number=c.election_round.number, name=c.name, kind=c.kind, method=c.method,
            unit_code=c.unit.code, seats=c.seats, alternates=c.alternates, is_voting=c.is_voting,
            is_published=c.is_published,
        )  # fmt: skip


class CandidateOut(Schema):
    code: str
    first_name: str
    last_name: str
    list_code: str | None
    education: int
    is_veteran: bool
    vetting_status: str
    photo_url: str | None = None

    @staticmethod
    def of(c: Candidate) -> CandidateOut:
        return CandidateOut(
            code=c.code, first_name=c.first_name, last_name=c.last_name,
            list_code=c.party_list.code if c.party_list else None, education=c.education,
            is_veteran=c.is_veteran, vetting_status=c.vetting_status, photo_url=selectors.candidate_photo_url(c),
        )  # fmt: skip


class ConstituencyIn(Schema):
    round_number: int = Field(ge=1, le=32767)
    unit_code: str = Field(max_length=32)
    kind: str = Field(max_length=20)
    name: str = Field("", max_length=200)
    seats: int | None = Field(None, ge=0, le=OVERRIDE_SEATS_MAX)
    alternates: int | None = Field(None, ge=0, le=OVERRIDE_SEATS_MAX)
    override_reason: str = Field("", max_length=500)


class CandidateIn(Schema):
    code: str = Field(max_length=20)
    first_name: str = Field(max_length=200)
    last_name: str = Field(max_length=200)
    national_code: str = Field("", max_length=20)
    gender: str = Field("", max_length=10)
    is_veteran: bool = False
    education: int = Field(0, ge=0, le=32767)
    vetting_status: str = Field("approved", max_length=10)
    list_code: str = Field("", max_length=20)


class ListIn(Schema):
    code: str = Field(max_length=20)
    name: str = Field(max_length=400)
    party: str = Field("", max_length=400)


class ListOut(Schema):
    code: str
    name: str
    party: str


class CountOut(Schema):
    constituency_id: int
    counted_at: dt.datetime
    ballot_count: int
    inputs_sha256: str
    members: list[str]


@router.get("/rounds", response=list[RoundOut])
@api_guarded(READ_RESULTS)
def list_rounds(request: HttpRequest) -> list[ElectionRound]:
    return [r for r, _ in selectors.rounds(acting(request))]


@router.get("/constituencies", response=list[ConstituencyOut])
@api_guarded(READ_RESULTS)
def list_constituencies(request: HttpRequest, round_number: int | None = None) -> list[ConstituencyOut]:
    found = selectors.visible_constituencies(acting(request))
    if round_number is not None:
        found = found.filter(election_round__number=round_number)
    return [ConstituencyOut.of(c) for c in found]


@router.get("/constituencies/{pk}/candidates", response=list[CandidateOut])
@api_guarded(READ_RESULTS, target="published_constituency")
def list_candidates(request: HttpRequest, pk: int) -> list[CandidateOut]:
    constituency = selectors.constituency_for_user(acting(request), pk)
    return [CandidateOut.of(c) for c in selectors.candidates(constituency)]


@router.post("/constituencies", response=ConstituencyOut, auth=django_auth)
@api_guarded(MANAGE_CONSTITUENCY)
def create_constituency(request: HttpRequest, payload: ConstituencyIn) -> ConstituencyOut:
    """Seats come from the law's table unless ``seats``, ``alternates`` and ``override_reason`` are all given."""
    election_round = ElectionRound.objects.filter(number=payload.round_number).first()
    if election_round is None:
        raise NotFound("دوره انتخابات پیدا نشد.")
    created = actions.create_constituency(
        actor=acting(request), election_round=election_round, unit=get_unit(payload.unit_code, actor=acting(request)),
        kind=payload.kind, name=payload.name, seats=payload.seats, alternates=payload.alternates,
        override_reason=payload.override_reason,
    )  # fmt: skip
    return ConstituencyOut.of(created)


@router.post("/constituencies/{pk}/candidates", response=CandidateOut, auth=django_auth)
@api_guarded(MANAGE_CONSTITUENCY, target="constituency")
def add_candidate(request: HttpRequest, pk: int, payload: CandidateIn) -> CandidateOut:
    constituency = selectors.constituency_for_user(acting(request), pk)
    entry = CandidateEntry(**payload.dict())
    return CandidateOut.of(actions.add_candidate(actor=acting(request), constituency=constituency, entry=entry))


@router.post("/constituencies/{pk}/lists", response=ListOut, auth=django_auth)
@api_guarded(MANAGE_CONSTITUENCY, target="constituency")
def add_list(request: HttpRequest, pk: int, payload: ListIn) -> PartyList:
    constituency = selectors.constituency_for_user(acting(request), pk)
    return actions.add_party_list(actor=acting(request), constituency=constituency, entry=ListEntry(**payload.dict()))


@router.get("/constituencies/{pk}/result", response=dict[str, Any])
@api_guarded(READ_RESULTS, target="published_constituency")
def result(request: HttpRequest, pk: int) -> dict[str, Any]:
    """The stored count, exactly as ``ostan count --json`` prints it."""
    _, record = selectors.count_for_user(acting(request), pk)
    return dict(record.result)


@router.post("/constituencies/{pk}/count", response=CountOut, auth=django_auth)
@api_guarded(MANAGE_CONSTITUENCY, target="constituency")
def count(request: HttpRequest, pk: int) -> CountOut:
    constituency = selectors.constituency_for_user(acting(request), pk)
    record = actions.count_constituency(actor=acting(request), constituency=constituency)
    return CountOut(
        constituency_id=constituency.pk, counted_at=record.counted_at, ballot_count=record.ballot_count,
        inputs_sha256=record.inputs_sha256, members=list(record.result["members"]),
    )  # fmt: skip


@router.post("/constituencies/{pk}/publish", response=ConstituencyOut, auth=django_auth)
@api_guarded(MANAGE_CONSTITUENCY, target="constituency")
def publish(request: HttpRequest, pk: int) -> ConstituencyOut:
    constituency = selectors.constituency_for_user(acting(request), pk)
    published = actions.publish_results(actor=acting(request), constituency=constituency)
    return ConstituencyOut.of(selectors.constituency_for_user(acting(request), published.pk))
