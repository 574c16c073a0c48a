"""A few hundred older requests for the demo, in every state, written in bulk so ``make demo`` stays fast.

They stand for the desk's past months (as if imported from the old system): each has its tracking code, its
routing, its Jalali working-day deadline over the holiday table, the public history a status page shows, an
answer and a survey where its state has them, the pause of one awaiting the citizen, and the deadline job's
escalation where its deadline passed. One audit entry records the load. The requests the demo's people made
step by step through the actions are in ``ostan.servicedesk.demo``.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from ostan.access.kinds import OrganisationKind
from ostan.access.models import Organisation
from ostan.auditlog.actions import action, record
from ostan.core import national_code
from ostan.core.access import Actor, ensure
from ostan.core.servicedesk import RequestKind, State
from ostan.core.servicedesk.alerts import AlertKind
from ostan.core.servicedesk.tracking import encode
from ostan.core.text import search_key, search_words
from ostan.servicedesk import clock, search
from ostan.servicedesk.events import ServiceDeskEvent
from ostan.servicedesk.models import (
    Channel,
    DeadlineAlert,
    Entry,
    EntryKind,
    Pause,
    Service,
    ServiceRequest,
)
from ostan.servicedesk.permissions import MANAGE_CATALOGUE
from ostan.servicedesk.replies import first_answer
from ostan.territory.models import Unit

HISTORY_SIZE = 320
STATES = (State.ASSIGNED, State.IN_PROGRESS, State.AWAITING_CITIZEN, State.ANSWERED, State.CLOSED, State.CLOSED,
          State.CLOSED, State.RETURNED, State.REGISTERED, State.NOT_OURS, State.MERGED)  # fmt: skip
TEXTS = (
    "فشار آب در ساعات عصر بسیار کم است.",
    "چراغ‌های خیابان اصلی چند شب است خاموش است.",
    "زبالهٔ کنار پارک جمع‌آوری نشده است.",
    "چالهٔ بزرگی در ورودی کوچه هست.",
    "پیگیری پروندهٔ پروانهٔ ساختمانی را می‌خواهم.",
    "پیشنهاد ساخت پیاده‌رو برای مسیر مدرسه.",
    "از رسیدگی سریع کارکنان سپاسگزارم.",
)
ANSWER = "بررسی شد و اقدام لازم انجام گرفت؛ برای پیگیری بیشتر با کد رهگیری به میز خدمت مراجعه کنید."


def _organisation_for(service: Service, unit: Unit) -> Organisation | None:
    from ostan.servicedesk.actions import _route  # the intake's own routing, so the history routes the same way

    return _route(service, unit)


def _inspection() -> Organisation | None:
    return Organisation.objects.filter(kind=OrganisationKind.INSPECTION_OFFICE, is_active=True).order_by("pk").first()


@action()
def load_history(*, actor: Actor, unit_codes: list[str], size: int = HISTORY_SIZE) -> int:
    """Write ``size`` past requests spread over the last six months and the given units; the number written."""
    ensure(actor, MANAGE_CATALOGUE)
    now = timezone.now()
    services = list(Service.objects.filter(is_active=True).order_by("code"))
    by_code = {u.code: u for u in Unit.objects.filter(code__in=unit_codes)}
    units = [by_code[c] for c in unit_codes if c in by_code]  # repeated codes weigh a unit more
    routes = {(s.pk, u.pk): _organisation_for(s, u) for s in services for u in units}
    working = clock.calendar()
    inspection = _inspection()
    with transaction.atomic(durable=True):
        rows = []
        for i in range(size):
            service, unit = services[i % len(services)], units[(i // len(services)) % len(units)]
            organisation = routes[(service.pk, unit.pk)]
            state = STATES[i % len(STATES)] if organisation is not None else State.REGISTERED
            if state in (State.REGISTERED, State.RETURNED, State.NOT_OURS, State.MERGED):
                organisation = None
            at = now - dt.timedelta(days=2 + (i * 37) % 180, hours=i % 9)
            kind = service.kinds[i % len(service.kinds)] if service.kinds else RequestKind.REQUEST.value
            text = TEXTS[i % len(TEXTS)]
            citizen_name = f"شهروند پیشین {i}"
            rows.append(ServiceRequest(
                service=service, kind=kind, unit=unit, text=text, search_key=search_key(text), state=state,
                organisation=organisation, registered_at=at, deadline_started_at=at, working_days=service.working_days,
                channel=(Channel.ONLINE, Channel.DESK, Channel.PHONE, Channel.LETTER)[i % 4],
                citizen_name=citizen_name, search_text=search_words(f"{text} {citizen_name}"),
                citizen_national_code=national_code.from_serial(5_000_000 + i),
                responsible_body="شورای اسلامی شهر" if state is State.NOT_OURS else "",
            ))  # fmt: skip
        ServiceRequest.objects.bulk_create(rows)
        search.remember_words(" ".join(r.search_text for r in rows))
        key = clock.tracking_key()
        entries, pauses, alerts = [], [], []
        for i, row in enumerate(rows):
            row.tracking_code = encode(row.pk, key=key)
            row.due_at = clock.due_moment(row, now, working)
            handled = min(row.due_at + dt.timedelta(days=(i % 5) - 2), now - dt.timedelta(hours=1))
            entries.append(_entry(row, EntryKind.PUBLIC, first_answer(row), row.registered_at))
            if row.state in (State.ANSWERED, State.CLOSED):
                row.answer, row.answered_at = ANSWER, handled
                entries.append(_entry(row, EntryKind.ANSWER, ANSWER, handled))
            if row.state == State.CLOSED:
                row.closed_at = handled + dt.timedelta(hours=3)
                row.satisfaction = 5 - i % 5 if i % 3 else None
            if row.state == State.AWAITING_CITIZEN:
                pauses.append(Pause(request=row, started_at=row.registered_at + dt.timedelta(hours=4)))
            late = row.answered_at is not None and row.answered_at > row.due_at
            if row.organisation is not None and (row.is_late or late):
                row.overdue_at, row.escalated_to = row.due_at + dt.timedelta(hours=1), inspection
                alerts.append(DeadlineAlert(
                    request=row, kind=AlertKind.ESCALATION.value, deadline_started_at=row.deadline_started_at,
                    due_at=row.due_at, organisation=row.organisation, escalated_to=inspection,
                    created_at=row.overdue_at,
                ))  # fmt: skip
        ServiceRequest.objects.bulk_update(rows, ["tracking_code", "due_at", "answer", "answered_at", "closed_at",
                                                  "satisfaction", "overdue_at", "escalated_to"])  # fmt: skip
        Entry.objects.bulk_create(entries)
        Pause.objects.bulk_create(pauses)
        DeadlineAlert.objects.bulk_create(alerts)
        record(
            actor=actor, event=ServiceDeskEvent.DEMO_HISTORY_LOADED, object_type="servicedesk.servicerequest",
            object_label="درخواست‌های پیشین نمایشی", after={"requests": len(rows), "escalated": len(alerts)},
        )  # fmt: skip
    return len(rows)


def _entry(row: ServiceRequest, kind: str, text: str, at: dt.datetime) -> Entry:
    holder = row.organisation.name if row.organisation else ""
    return Entry(request=row, kind=kind, state=row.state, text=text, is_public=True, created_at=at,
                 author_label="سامانهٔ پیشین", organisation_name=holder)  # fmt: skip
