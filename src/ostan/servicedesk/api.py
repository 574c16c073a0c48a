"""The service desk over HTTP: the catalogue, filing, the public status of a tracking code and the inbox steps."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from ninja import Field, Query, Router, Schema, Status
from ninja.security import django_auth

from ostan.access.guards import api_guarded
from ostan.core.access import acting
from ostan.core.servicedesk import RequestKind
from ostan.pages.schemas import ErrorOut
from ostan.servicedesk import actions, search, selectors
from ostan.servicedesk.entries import Filing
from ostan.servicedesk.models import Channel, ServiceRequest
from ostan.servicedesk.permissions import (
    FILE_REQUEST,
    HANDLE_REQUEST,
    READ_CATALOGUE,
    READ_INBOX,
    READ_REQUESTS,
    TRACK_REQUEST,
)

router = Router(tags=["servicedesk"])
INBOX_LIMIT = 200


ERRORS: dict[int, Any] = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}


class ServiceOut(Schema):
    code: str
    name: str
    kinds: list[str]
    working_days: int
    cost: str
    required_documents: list[str]
    steps: list[str]


class CatalogueIn(Schema):
    q: str = Field("", max_length=selectors.SEARCH_MAX)


class FileIn(Schema):
    service: str = Field(max_length=60)
    kind: RequestKind
    unit: str = Field(max_length=100, description="the unit's code, or its name when only one unit bears it")
    text: str = Field(max_length=4000)
    channel: Channel = Channel.ONLINE
    citizen_name: str = Field("", max_length=150)
    national_code: str = Field("", max_length=20)
    mobile: str = Field("", max_length=20)


class RequestOut(Schema):
    id: int
    tracking_code: str
    service: str
    kind: str
    unit: str
    state: str
    state_label: str
    organisation: str | None
    registered_at: dt.datetime
    due_at: dt.datetime | None
    answered_at: dt.datetime | None


class UpdateOut(Schema):
    at: dt.datetime
    text: str


class StatusOut(Schema):
    tracking_code: str
    service: str
    kind: str
    state: str
    state_label: str
    registered_at: dt.datetime
    due_at: dt.datetime | None
    is_paused: bool
    answer: str
    answered_at: dt.datetime | None
    updates: list[UpdateOut]


class InboxIn(Schema):
    q: str = Field("", max_length=search.QUERY_MAX, description="words (fuzzy) or a tracking code")
    state: str = Field("", max_length=20, description="empty: the open states; 'all': every state; else one state")
    overdue: bool = False
    organisation: str = Field("", max_length=40, description="the organisation's code")
    unit: str = Field(
        "",
        max_length=100,
        description="a unit's code or unique name: it and the units under it",
    )
    service: str = Field("", max_length=60, description="the service's code")
    kind: str = Field("", max_length=20)
    registered_from: str = Field("", max_length=20, description="a Jalali day, e.g. 1405/01/01 (in any digit style)")
    registered_to: str = Field("", max_length=20, description="a Jalali day, included")


class TextIn(Schema):
    text: str = Field(max_length=4000)


class ReferIn(Schema):
    organisation: str = Field(max_length=40)
    reason: str = Field(max_length=4000)


class NotOursIn(Schema):
    responsible_body: str = Field(max_length=300)


class NoteOut(Schema):
    id: int
    text: str
    created_at: dt.datetime


class AttachmentOut(Schema):
    id: int
    name: str
    kind: str
    size: int
    sha256: str
    created_at: dt.datetime
    url: str = Field(description="the download, for those who may read the request")


class EscalationOut(RequestOut):
    overdue_at: dt.datetime
    escalated_to: str | None


class DashboardIn(Schema):
    by: str = Field("organisation", pattern="^(organisation|unit|service|month)$")


class DashboardRowOut(Schema):
    name: str
    code: str
    requests: int
    open: int
    overdue: int
    ever_overdue: int
    answered: int
    median_handling_working_days: float | None
    on_time_share: float | None
    satisfaction_mean: float | None


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


def _out(found: ServiceRequest) -> RequestOut:
    return RequestOut(
        id=found.pk, tracking_code=found.tracking_code or "", service=found.service.code, kind=found.kind,
        unit=found.unit.code, state=found.state, state_label=found.get_state_display(),
        organisation=found.organisation.code if found.organisation is not None else None,
        registered_at=found.registered_at, due_at=found.due_at, answered_at=found.answered_at,
    )  # fmt: skip


def _fresh(found: ServiceRequest) -> RequestOut:
    return _out(ServiceRequest.objects.select_related("service", "unit", "organisation").get(pk=found.pk))


@router.get("/services", response={200: list[ServiceOut], **ERRORS})
@api_guarded(READ_CATALOGUE)
def services(request: HttpRequest, params: Query[CatalogueIn]) -> list[ServiceOut]:
    return [
        ServiceOut(
            code=s.code,
            name=s.name,
            kinds=list(s.kinds),
            working_days=s.working_days,
            cost=s.cost,
            required_documents=s.document_lines,
            steps=s.step_lines,
        )
        for s in selectors.services(params.q)
    ]


@router.get("/track/{code}", response={200: StatusOut, **ERRORS})
@api_guarded(TRACK_REQUEST)
def track(request: HttpRequest, code: str) -> StatusOut:
    found = selectors.status_by_code(code)
    return StatusOut(
        tracking_code=found.tracking_code, service=found.service_name, kind=found.kind_label, state=found.state,
        state_label=found.state_label, registered_at=found.registered_at, due_at=found.due_at,
        is_paused=found.is_paused, answer=found.answer, answered_at=found.answered_at,
        updates=[UpdateOut(at=at, text=text) for at, text in found.updates],
    )  # fmt: skip


@router.post("/requests", response={201: RequestOut, **ERRORS}, auth=django_auth)
@api_guarded(FILE_REQUEST)
def file_request(request: HttpRequest, payload: FileIn) -> Status[RequestOut]:
    filing = Filing(
        service_code=payload.service, kind=payload.kind.value, unit_code=payload.unit, text=payload.text,
        channel=payload.channel.value, citizen_name=payload.citizen_name, national_code=payload.national_code,
        mobile=payload.mobile,
    )  # fmt: skip
    return Status(201, _fresh(actions.file_request(actor=acting(request), filing=filing)))


@router.get("/inbox", response={200: list[RequestOut], **ERRORS}, auth=django_auth)
@api_guarded(READ_INBOX)
def inbox(request: HttpRequest, params: Query[InboxIn]) -> list[RequestOut]:
    criteria = search.criteria_from(
        query=params.q, organisation=params.organisation, unit=params.unit, service=params.service,
        kind=params.kind, state=params.state, overdue=params.overdue, registered_from=params.registered_from,
        registered_to=params.registered_to,
    )  # fmt: skip
    rows = search.requests(acting(request), criteria)
    return [_out(r) for r in rows[:INBOX_LIMIT]]


@router.post("/requests/{pk}/accept", response={200: RequestOut, **ERRORS}, auth=django_auth)
@api_guarded(HANDLE_REQUEST, target="service_request")
def accept(request: HttpRequest, pk: int) -> RequestOut:
    return _fresh(actions.accept_request(actor=acting(request), request_id=pk))


@router.post("/requests/{pk}/ask", response={200: RequestOut, **ERRORS}, auth=django_auth)
@api_guarded(HANDLE_REQUEST, target="service_request")
def ask(request: HttpRequest, pk: int, payload: TextIn) -> RequestOut:
    return _fresh(actions.ask_citizen(actor=acting(request), request_id=pk, question=payload.text))


@router.post("/requests/{pk}/answer", response={200: RequestOut, **ERRORS}, auth=django_auth)
@api_guarded(HANDLE_REQUEST, target="service_request")
def answer(request: HttpRequest, pk: int, payload: TextIn) -> RequestOut:
    return _fresh(actions.answer_request(actor=acting(request), request_id=pk, answer=payload.text))


@router.post("/requests/{pk}/note", response={201: NoteOut, **ERRORS}, auth=django_auth)
@api_guarded(HANDLE_REQUEST, target="service_request")
def note(request: HttpRequest, pk: int, payload: TextIn) -> Status[NoteOut]:
    entry = actions.add_note(actor=acting(request), request_id=pk, text=payload.text)
    return Status(201, NoteOut(id=entry.pk, text=entry.text, created_at=entry.created_at))


@router.post("/requests/{pk}/refer", response={200: RequestOut, **ERRORS}, auth=django_auth)
@api_guarded(HANDLE_REQUEST, target="service_request")
def refer(request: HttpRequest, pk: int, payload: ReferIn) -> RequestOut:
    found = actions.refer_request(
        actor=acting(request), request_id=pk, organisation_code=payload.organisation, reason=payload.reason
    )
    return _fresh(found)


@router.post("/requests/{pk}/not-ours", response={200: RequestOut, **ERRORS}, auth=django_auth)
@api_guarded(HANDLE_REQUEST, target="service_request")
def not_ours(request: HttpRequest, pk: int, payload: NotOursIn) -> RequestOut:
    found = actions.return_not_ours(actor=acting(request), request_id=pk, responsible_body=payload.responsible_body)
    return _fresh(found)


@router.get("/requests/{pk}/attachments", response={200: list[AttachmentOut], **ERRORS}, auth=django_auth)
@api_guarded(READ_REQUESTS, target="service_request")
def attachments(request: HttpRequest, pk: int) -> list[AttachmentOut]:
    """The request's files the reader may open (a citizen: those of its public steps)."""
    actor = acting(request)
    found = selectors.request(actor, pk)
    rows = [a for files in selectors.attachments_by_entry(found, internal=actor.is_staff).values() for a in files]
    return [
        AttachmentOut(id=a.pk, name=a.name, kind=a.kind, size=a.size, sha256=a.sha256, created_at=a.created_at,
                      url=reverse("servicedesk:attachment", args=[pk, a.pk]))
        for a in rows
    ]  # fmt: skip


@router.get("/escalations", response={200: list[EscalationOut], **ERRORS}, auth=django_auth)
@api_guarded(READ_INBOX)
def escalations(request: HttpRequest) -> list[EscalationOut]:
    """Requests the deadline job found overdue in the reader's reach (the inspection office's list), latest first."""
    rows = selectors.escalations(acting(request))[:INBOX_LIMIT]
    return [
        EscalationOut(**_out(r).model_dump(), overdue_at=r.overdue_at,
                      escalated_to=r.escalated_to.code if r.escalated_to is not None else None)
        for r in rows
        if r.overdue_at is not None
    ]  # fmt: skip


@router.get("/dashboard", response={200: list[DashboardRowOut], **ERRORS}, auth=django_auth)
@api_guarded(READ_INBOX)
def dashboard(request: HttpRequest, params: Query[DashboardIn]) -> list[DashboardRowOut]:
    """The dashboard's rows per organisation, county, service or Jalali month («1405/09»)."""
    return [
        DashboardRowOut(
            name=r.name,
            code=r.code,
            requests=r.requests,
            open=r.open,
            overdue=r.overdue,
            ever_overdue=r.ever_overdue,
            answered=r.figures.answered,
            median_handling_working_days=_float(r.figures.median_handling_working_days),
            on_time_share=_float(r.figures.on_time_share),
            satisfaction_mean=_float(r.figures.satisfaction_mean),
        )
        for r in selectors.dashboard(acting(request), by=params.by)
    ]
