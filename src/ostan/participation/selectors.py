"""Reads in participation, each filtered by the capability's reach over the rows' units and offices."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from ostan.access.scope import reach_q
from ostan.core.access import Actor, allows
from ostan.core.programs import Circular as CoreCircular
from ostan.core.programs import Decision as CoreDecision
from ostan.core.programs import DecisionStatus, Priority, Receipt, RecipientState, circular_status, decision_status
from ostan.core.text import search_key
from ostan.participation.errors import CircularNotFound, MeetingNotFound, StakeholderNotFound
from ostan.participation.models import Circular, Decision, Invitation, Meeting, Recipient, Stakeholder
from ostan.participation.permissions import (
    READ_CIRCULARS,
    READ_COPY,
    READ_MEETINGS,
    READ_STAKEHOLDER_CONTACTS,
    READ_STAKEHOLDERS,
)
from ostan.participation.targets import target_of_stakeholder
from ostan.territory.models import Unit
from ostan.territory.scope import path_q

SEARCH_MAX = 100


def _in(unit: Unit | None, field: str = "unit__path") -> Q:
    return path_q(unit.path, field) if unit is not None else Q()


# ---- stakeholders --------------------------------------------------------------------------------------


def stakeholders(actor: Actor, *, unit: Unit | None = None, query: str = "", ring: str = "") -> QuerySet[Stakeholder]:
    rows = Stakeholder.objects.filter(reach_q(actor, READ_STAKEHOLDERS), _in(unit)).select_related("unit", "keeper")
    if query:
        rows = rows.filter(search_key__contains=search_key(query[:SEARCH_MAX]))
    if ring:
        rows = rows.filter(ring=ring)
    return rows.annotate(
        invited=Count("invitations", distinct=True),
        attended_count=Count("invitations", filter=Q(invitations__attended=True), distinct=True),
    ).order_by("name", "pk")


def stakeholder(actor: Actor, pk: int) -> Stakeholder:
    found = (
        Stakeholder.objects.filter(reach_q(actor, READ_STAKEHOLDERS), pk=pk).select_related("unit", "keeper").first()
    )
    if found is None:
        raise StakeholderNotFound("چنین ذی‌نفعی یافت نشد.")
    return found


def can_see_contacts(actor: Actor, found: Stakeholder) -> bool:
    return allows(actor, READ_STAKEHOLDER_CONTACTS, target_of_stakeholder(found))


def engagement(found: Stakeholder) -> QuerySet[Invitation]:
    """The meetings the stakeholder was invited to, latest first, with whether they attended."""
    return found.invitations.select_related("meeting").order_by("-meeting__held_at")


# ---- meetings and decisions ----------------------------------------------------------------------------


def meetings(actor: Actor, *, unit: Unit | None = None) -> QuerySet[Meeting]:
    rows = Meeting.objects.filter(reach_q(actor, READ_MEETINGS), _in(unit)).select_related("unit", "organiser")
    return rows.annotate(
        invited=Count("invitations", distinct=True), decision_count=Count("decisions", distinct=True)
    ).order_by("-held_at", "-pk")


def meeting(actor: Actor, pk: int) -> Meeting:
    found = Meeting.objects.filter(reach_q(actor, READ_MEETINGS), pk=pk).select_related("unit", "organiser").first()
    if found is None:
        raise MeetingNotFound("چنین جلسه‌ای یافت نشد.")
    return found


@dataclass(frozen=True)
class DecisionRow:
    decision: Decision
    status: DecisionStatus
    days_late: int


def decision_rows(
    decisions: QuerySet[Decision] | list[Decision], *, at: dt.datetime | None = None
) -> list[DecisionRow]:
    moment = at or timezone.now()
    rows = []
    for d in decisions:
        core = CoreDecision(str(d.pk), d.title, d.owner, d.due_on, d.done_on)
        status = decision_status(core, at=moment)
        rows.append(DecisionRow(d, status, core.days_late_on(timezone.localdate(moment))))
    return rows


def decisions(actor: Actor, *, unit: Unit | None = None, open_only: bool = False) -> list[DecisionRow]:
    """Every decision of the meetings the actor may read, the most overdue first."""
    rows = Decision.objects.filter(
        reach_q(actor, READ_MEETINGS, unit_path="meeting__unit__path"), _in(unit, "meeting__unit__path")
    ).select_related("meeting")
    if open_only:
        rows = rows.filter(done_on__isnull=True)
    found = decision_rows(list(rows.order_by("due_on", "pk")[:500]))
    order = {DecisionStatus.LATE: 0, DecisionStatus.OPEN: 1, DecisionStatus.DONE: 2}
    return sorted(found, key=lambda r: (order[r.status], -r.days_late, r.decision.due_on))


# ---- circulars -----------------------------------------------------------------------------------------


def outbox(actor: Actor) -> QuerySet[Circular]:
    rows = Circular.objects.filter(reach_q(actor, READ_CIRCULARS, organisation_path="sender__path"))
    return rows.select_related("sender", "unit").annotate(
        recipient_count=Count("recipients", distinct=True),
        acknowledged_count=Count("recipients", filter=Q(recipients__acknowledged_at__isnull=False), distinct=True),
    )


def circular(actor: Actor, pk: int) -> Circular:
    found = outbox(actor).filter(pk=pk).first()
    if found is None:
        raise CircularNotFound("چنین بخشنامه‌ای یافت نشد.")
    return found


def inbox(actor: Actor) -> QuerySet[Recipient]:
    rows = Recipient.objects.filter(
        reach_q(actor, READ_COPY, unit_path="office__seat__path", organisation_path="office__path")
    )
    return rows.select_related("circular__sender", "office").order_by("acknowledged_at", "-circular__sent_at")


def copy(actor: Actor, pk: int) -> Recipient:
    found = inbox(actor).filter(pk=pk).first()
    if found is None:
        raise CircularNotFound("چنین بخشنامه‌ای یافت نشد.")
    return found


@dataclass(frozen=True)
class CopyState:
    copy: Recipient
    state: RecipientState


def recipient_states(found: Circular, *, at: dt.datetime | None = None) -> list[CopyState]:
    """Each recipient's stage now and whether it is late, as the circulars core derives them."""
    moment = at or timezone.now()
    copies = list(found.recipients.select_related("office", "acknowledged_by").order_by("office__name"))
    core = CoreCircular(
        str(found.pk), found.title, found.sender.code, Priority(found.priority), found.sent_at, found.deadline_at,
        tuple(c.office.code for c in copies),
    )  # fmt: skip
    receipts = [Receipt(c.office.code, c.delivered_at, c.read_at, c.acknowledged_at) for c in copies]
    status = circular_status(core, receipts, at=moment)
    return [CopyState(c, s) for c, s in zip(copies, status.recipients, strict=True)]


def not_acknowledged(actor: Actor) -> QuerySet[Recipient]:
    """Every copy of the actor's office's circulars still waiting for acknowledgement, the oldest deadline first."""
    sent = outbox(actor).values("pk")
    return (
        Recipient.objects.filter(circular__in=sent, acknowledged_at__isnull=True)
        .select_related("circular", "office")
        .order_by("circular__deadline_at", "office__name")
    )
