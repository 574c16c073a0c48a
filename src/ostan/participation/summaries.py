"""Participation's part of a unit's page, for the offices that may read it: meetings held in the unit, their
decisions open and overdue, the stakeholders registered, and circulars its offices have not acknowledged."""

from __future__ import annotations

from dataclasses import dataclass

from ostan.access.scope import reach_q
from ostan.core.access import Actor
from ostan.core.programs import DecisionStatus
from ostan.participation import selectors
from ostan.participation.models import Recipient
from ostan.participation.permissions import READ_COPY, READ_MEETINGS
from ostan.territory.models import Unit
from ostan.territory.scope import path_q


@dataclass(frozen=True)
class ParticipationSummary:
    meetings: int
    decisions_open: int
    decisions_late: int
    stakeholders: int
    copies_waiting: int


def unit_summary(*, actor: Actor, unit: Unit) -> ParticipationSummary | None:
    if READ_MEETINGS.reach_for(actor.role) is None and not actor.is_system:
        return None
    rows = selectors.decisions(actor, unit=unit, open_only=True)
    waiting = Recipient.objects.filter(
        reach_q(actor, READ_COPY, unit_path="office__seat__path", organisation_path="office__path"),
        path_q(unit.path, "office__seat__path"),
        acknowledged_at__isnull=True,
    ).count()
    return ParticipationSummary(
        meetings=selectors.meetings(actor, unit=unit).count(),
        decisions_open=sum(1 for r in rows if r.status is DecisionStatus.OPEN),
        decisions_late=sum(1 for r in rows if r.status is DecisionStatus.LATE),
        stakeholders=selectors.stakeholders(actor, unit=unit).count(),
        copies_waiting=waiting,
    )
