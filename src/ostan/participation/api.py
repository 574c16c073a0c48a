"""Participation over HTTP: an office's circulars waiting for it, acknowledging one, a circular's receipts,
the decisions to follow up, and a stakeholder's contacts (for the keeping office only)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.security import django_auth

from ostan.access.guards import api_guarded
from ostan.core.access import acting
from ostan.pages.schemas import ErrorOut
from ostan.participation import actions, record, selectors
from ostan.participation.models import Recipient
from ostan.participation.permissions import (
    ACKNOWLEDGE_CIRCULAR,
    READ_CIRCULARS,
    READ_COPY,
    READ_MEETINGS,
    READ_STAKEHOLDER_CONTACTS,
)

router = Router(tags=["participation"])
LIMIT = 200
ERRORS: dict[int, Any] = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}


class CircularCopyOut(Schema):
    id: int
    circular: int
    title: str
    kind: str
    sender: str
    office: str
    priority: str
    sent_at: dt.datetime
    deadline_at: dt.datetime
    read_at: dt.datetime | None
    acknowledged_at: dt.datetime | None
    board_seq: int | None


class CircularAcknowledgeIn(Schema):
    note: str = ""


class CircularReceiptOut(Schema):
    office: str
    stage: str
    is_late: bool
    acknowledged_at: dt.datetime | None


class CircularOut(Schema):
    id: int
    title: str
    sender: str
    priority: str
    sent_at: dt.datetime
    deadline_at: dt.datetime
    board_seq: int | None
    recipients: list[CircularReceiptOut]
    record_problems: list[str]


class MeetingDecisionOut(Schema):
    id: int
    meeting: int
    title: str
    owner: str
    due_on: dt.date
    done_on: dt.date | None
    status: str
    days_late: int


class StakeholderContactsOut(Schema):
    id: int
    name: str
    phone: str
    email: str
    address: str


def _copy(c: Recipient) -> CircularCopyOut:
    circular = c.circular
    return CircularCopyOut(
        id=c.pk, circular=circular.pk, title=circular.title, kind=circular.kind, sender=circular.sender.code,
        office=c.office.code, priority=circular.priority, sent_at=circular.sent_at, deadline_at=circular.deadline_at,
        read_at=c.read_at, acknowledged_at=c.acknowledged_at, board_seq=c.board_seq,
    )  # fmt: skip


@router.get("/inbox", response={200: list[CircularCopyOut], **ERRORS}, auth=django_auth)
@api_guarded(READ_COPY)
def inbox(request: HttpRequest) -> list[CircularCopyOut]:
    return [_copy(c) for c in selectors.inbox(acting(request))[:LIMIT]]


@router.post("/copies/{pk}/acknowledge", response={200: CircularCopyOut, **ERRORS}, auth=django_auth)
@api_guarded(ACKNOWLEDGE_CIRCULAR, target="circular_copy")
def acknowledge(request: HttpRequest, pk: int, payload: CircularAcknowledgeIn) -> CircularCopyOut:
    actions.acknowledge(actor=acting(request), copy_id=pk, note=payload.note)
    return _copy(Recipient.objects.select_related("circular__sender", "office").get(pk=pk))


@router.get("/circulars/{pk}", response={200: CircularOut, **ERRORS}, auth=django_auth)
@api_guarded(READ_CIRCULARS, target="circular")
def circular(request: HttpRequest, pk: int) -> CircularOut:
    found = selectors.circular(acting(request), pk)
    receipts = [
        CircularReceiptOut(office=s.copy.office.code, stage=s.state.stage.value, is_late=s.state.is_late,
                   acknowledged_at=s.copy.acknowledged_at)
        for s in selectors.recipient_states(found)
    ]  # fmt: skip
    return CircularOut(
        id=found.pk, title=found.title, sender=found.sender.code, priority=found.priority, sent_at=found.sent_at,
        deadline_at=found.deadline_at, board_seq=found.board_seq, recipients=receipts,
        record_problems=record.problems(found),
    )  # fmt: skip


@router.get("/decisions", response={200: list[MeetingDecisionOut], **ERRORS}, auth=django_auth)
@api_guarded(READ_MEETINGS)
def decisions(request: HttpRequest) -> list[MeetingDecisionOut]:
    return [
        MeetingDecisionOut(
            id=r.decision.pk, meeting=r.decision.meeting_id, title=r.decision.title, owner=r.decision.owner,
            due_on=r.decision.due_on, done_on=r.decision.done_on, status=r.status.value, days_late=r.days_late,
        )
        for r in selectors.decisions(acting(request))[:LIMIT]
    ]  # fmt: skip


@router.get("/stakeholders/{pk}/contacts", response={200: StakeholderContactsOut, **ERRORS}, auth=django_auth)
@api_guarded(READ_STAKEHOLDER_CONTACTS, target="stakeholder")
def contacts(request: HttpRequest, pk: int) -> StakeholderContactsOut:
    s = selectors.stakeholder(acting(request), pk)
    return StakeholderContactsOut(id=s.pk, name=s.name, phone=s.phone, email=s.email, address=s.address)
