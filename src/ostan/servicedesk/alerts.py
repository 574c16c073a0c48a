"""The deadline job: reminders to the holding organisation before a deadline and escalation to the province's
inspection office after it, decided by the core (``ostan.core.servicedesk.alerts``) and written once.

``manage.py desk_deadlines`` (run by cron, or a worker's schedule) enqueues ``tasks.check_deadlines``, which
calls :func:`scan`; :func:`raise_alert` writes one alert under the request's lock: a ``DeadlineAlert`` row
(unique per request, kind and deadline, so a second run, a second worker or a retried task adds nothing), an
internal line in the request's history and one audit entry. An escalation also records the inspection office
and the moment the request went overdue on the request itself, kept for statistics after it is answered.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ostan.access.kinds import OrganisationKind
from ostan.access.models import Organisation
from ostan.auditlog.actions import action, record
from ostan.core.access import Actor, ensure
from ostan.core.servicedesk import State
from ostan.core.servicedesk.alerts import AlertKind, alerts_due
from ostan.core.servicedesk.routing import ancestors
from ostan.core.text import to_persian_digits
from ostan.servicedesk import clock
from ostan.servicedesk.events import ServiceDeskEvent
from ostan.servicedesk.models import OPEN_STATES, DeadlineAlert, Entry, EntryKind, ServiceRequest
from ostan.servicedesk.permissions import WATCH_DEADLINES

JOB = Actor.system("کار زمان‌بندی‌شدهٔ مهلت‌های میز خدمت")
EVENTS = {
    AlertKind.REMINDER: ServiceDeskEvent.DEADLINE_REMINDED,
    AlertKind.ESCALATION: ServiceDeskEvent.REQUEST_ESCALATED,
}
# A request further than this from its deadline cannot be due a reminder of a few working days yet.
LOOKAHEAD = dt.timedelta(days=45)


def inspection_office(found: ServiceRequest) -> Organisation | None:
    """The inspection office serving the request's unit or the nearest unit above it (the governorate's)."""
    places = ancestors(found.unit.path)
    offices = Organisation.objects.filter(kind=OrganisationKind.INSPECTION_OFFICE, is_active=True,
                                          units__path__in=places).values_list("pk", "units__path")  # fmt: skip
    nearest = sorted(offices, key=lambda row: -len(row[1]))
    return Organisation.objects.get(pk=nearest[0][0]) if nearest else None


def _sent(found: ServiceRequest) -> frozenset[AlertKind]:
    kinds = found.alerts.filter(deadline_started_at=found.deadline_started_at).values_list("kind", flat=True)
    return frozenset(AlertKind(k) for k in kinds)


def due_alerts(found: ServiceRequest, at: dt.datetime) -> tuple[AlertKind, ...]:
    if found.due_at is None:
        return ()
    return alerts_due(
        clock.deadline_of(found), clock.calendar(), at=at, tz=clock.TZ, sent=_sent(found),
        before=settings.OSTAN_DESK_REMINDER_DAYS, is_open=found.is_open and found.organisation_id is not None,
    )  # fmt: skip


@action(may_change_nothing=True)
def raise_alert(*, actor: Actor, request_id: int, kind: AlertKind, at: dt.datetime | None = None) -> bool:
    """Raise ``kind`` on the request if the core says it is due now and it was not raised before; whether it was."""
    ensure(actor, WATCH_DEADLINES)
    moment = at or timezone.now()
    with transaction.atomic(durable=True):
        found = (
            ServiceRequest.objects.select_for_update(of=("self",))
            .select_related("unit", "organisation")
            .get(pk=request_id)
        )
        if kind not in due_alerts(found, moment):
            return False
        assert found.due_at is not None
        office = inspection_office(found) if kind is AlertKind.ESCALATION else None
        DeadlineAlert.objects.create(
            request=found, kind=kind.value, deadline_started_at=found.deadline_started_at, due_at=found.due_at,
            organisation=found.organisation, escalated_to=office, created_at=moment,
        )  # fmt: skip
        if kind is AlertKind.ESCALATION:
            found.overdue_at = found.overdue_at or moment
            found.escalated_to = office or found.escalated_to
            found.save(update_fields=["overdue_at", "escalated_to"])
            text = f"مهلت پاسخ گذشت؛ درخواست برای پیگیری به «{office.name if office else 'بازرسی'}» گزارش شد."
        else:
            days = clock.remaining(found, moment)
            text = to_persian_digits(f"یادآوری: {days} روز کاری تا پایان مهلت پاسخ مانده است.")
        Entry.objects.create(
            request=found, kind=EntryKind.NOTE, state=found.state, text=text, is_public=False, created_at=moment,
            author_label=actor.reason, organisation_name=found.organisation.name if found.organisation else "",
        )  # fmt: skip
        record(
            actor=actor, obj=found, unit_path=found.unit.path,
            event=EVENTS[kind],
            after={"kind": kind.value, "due_at": found.due_at, "organisation": found.organisation_id,
                   "escalated_to": office.pk if office else None},
        )  # fmt: skip
    return True


def candidates(at: dt.datetime) -> list[int]:
    """Open requests an organisation holds, not awaiting the citizen, within reach of their deadline."""
    rows = ServiceRequest.objects.filter(
        state__in=OPEN_STATES, organisation__isnull=False, due_at__isnull=False, due_at__lte=at + LOOKAHEAD
    ).exclude(state=State.AWAITING_CITIZEN)
    return list(rows.order_by("due_at", "pk").values_list("pk", flat=True))


def scan(at: dt.datetime | None = None) -> dict[str, int]:
    """Every alert due now, each raised once; how many of each kind were raised."""
    moment = at or timezone.now()
    raised = {AlertKind.REMINDER.value: 0, AlertKind.ESCALATION.value: 0}
    for pk in candidates(moment):
        found = ServiceRequest.objects.select_related("unit").get(pk=pk)
        for kind in due_alerts(found, moment):
            if raise_alert(actor=JOB, request_id=pk, kind=kind, at=moment):
                raised[kind.value] += 1
    return raised
