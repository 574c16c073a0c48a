"""Reads for the desk's pages: the catalogue, the public status of a code, inboxes and a request's history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from ostan.access.models import Organisation
from ostan.access.scope import reach_q
from ostan.core.access import Actor
from ostan.core.errors import DomainError
from ostan.core.servicedesk import (
    DeskStatistics,
    RequestRecord,
    State,
    WorkingCalendar,
    handling_working_days,
    public_label,
    summarize,
)
from ostan.core.servicedesk import Pause as PauseValue
from ostan.core.servicedesk import likely_duplicates as similar
from ostan.core.servicedesk.routing import ancestors
from ostan.core.servicedesk.tracking import parse
from ostan.core.text import search_key
from ostan.servicedesk import clock, search
from ostan.servicedesk.errors import RequestNotFound, ServiceNotFound
from ostan.servicedesk.models import Entry, Service, ServiceRequest
from ostan.servicedesk.permissions import READ_INBOX, READ_OWN_REQUESTS, READ_REQUESTS
from ostan.territory.scope import subtree_q

SEARCH_MAX = 100


def services(query: str = "") -> QuerySet[Service]:
    found = Service.objects.filter(is_active=True).order_by("name")
    for word in search_key(query[:SEARCH_MAX]).split():
        found = found.filter(search_key__contains=word)
    return found


def service(code: str) -> Service:
    found = Service.objects.filter(code=code, is_active=True).select_related("organisation").first()
    if found is None:
        raise ServiceNotFound("چنین خدمتی در فهرست نیست.")
    return found


@dataclass(frozen=True)
class PublicStatus:
    """What anyone holding the code may read: no names, no text of the request, no internal notes."""

    tracking_code: str
    service_name: str
    kind_label: str
    state: str
    state_label: str
    registered_at: dt.datetime
    due_at: dt.datetime | None
    is_paused: bool
    answer: str
    answered_at: dt.datetime | None
    updates: list[tuple[dt.datetime, str]]


def status_by_code(typed: str) -> PublicStatus:
    """The public status of a typed code (any digit style); a code that reads wrong says why."""
    code = parse(typed)  # refuses a wrong length or check digit before any lookup
    found = ServiceRequest.objects.select_related("service").filter(tracking_code=code).first()
    if found is None:
        raise RequestNotFound("درخواستی با این کد رهگیری یافت نشد.")
    state = State(found.state)
    updates = [(e.created_at, e.text) for e in found.entries.filter(is_public=True).order_by("created_at", "pk")]
    return PublicStatus(
        tracking_code=code, service_name=found.service.name, kind_label=found.get_kind_display(),
        state=state.value, state_label=public_label(state), registered_at=found.registered_at,
        due_at=found.due_at if found.is_open else None, is_paused=state is State.AWAITING_CITIZEN,
        answer=found.answer, answered_at=found.answered_at, updates=updates,
    )  # fmt: skip


def try_status(typed: str) -> tuple[PublicStatus | None, str]:
    try:
        return status_by_code(typed), ""
    except DomainError as exc:
        return None, exc.message


def _requests() -> QuerySet[ServiceRequest]:
    return ServiceRequest.objects.select_related("service", "unit", "organisation")


def inbox(actor: Actor, *, state: str = "", overdue: bool = False, query: str = "") -> QuerySet[ServiceRequest]:
    """The requests an officer's organisation holds in its units, or those of a desk's or inspector's units
    (ostan.servicedesk.search has the other filters and how the query matches)."""
    return search.requests(actor, search.Criteria(query=query, state=state, overdue=overdue))


def mine(actor: Actor) -> QuerySet[ServiceRequest]:
    return _requests().filter(reach_q(actor, READ_OWN_REQUESTS, owner="citizen_id")).order_by("-registered_at")


def request(actor: Actor, pk: int) -> ServiceRequest:
    found = (
        _requests()
        .filter(reach_q(actor, READ_REQUESTS, unit_path="unit__path", organisation_path="organisation__path",
                        owner="citizen_id"))
        .filter(pk=pk)
        .first()
    )  # fmt: skip
    if found is None:
        raise RequestNotFound("چنین درخواستی در حوزهٔ مسئولیت شما یافت نشد.")
    return found


def history(found: ServiceRequest, *, internal: bool) -> QuerySet[Entry]:
    rows = found.entries.order_by("created_at", "pk")
    return rows if internal else rows.filter(is_public=True)


def is_overdue(found: ServiceRequest) -> bool:
    return found.is_late


def remaining_days(found: ServiceRequest) -> int | None:
    if not found.is_open:
        return None
    return clock.remaining(found, timezone.now())


def organisations_serving(found: ServiceRequest) -> QuerySet[Organisation]:
    """Organisations that serve the request's unit or one above it: where it may be referred or sent."""
    rows = Organisation.objects.filter(is_active=True, units__path__in=ancestors(found.unit.path)).distinct()
    if found.organisation_id is not None:
        rows = rows.exclude(pk=found.organisation_id)
    return rows.exclude(category="institution").order_by("name")


def organisations_in_reach(actor: Actor) -> QuerySet[Organisation]:
    """The organisations serving a unit in the actor's territory: what the inbox's search may filter by."""
    rows = Organisation.objects.filter(is_active=True).exclude(category="institution")
    return rows.filter(subtree_q(actor, "units__path")).distinct().order_by("name")


DUPLICATE_CANDIDATES = 300


def likely_duplicates(actor: Actor, found: ServiceRequest) -> list[tuple[ServiceRequest, float]]:
    """Other requests of the same service and unit the actor can read whose text folds alike (core similarity),
    best first, with the score as a percentage."""
    others = (
        _requests()
        .filter(reach_q(actor, READ_INBOX, unit_path="unit__path", organisation_path="organisation__path"))
        .filter(service_id=found.service_id, unit_id=found.unit_id)
        .exclude(pk=found.pk)
        .order_by("-registered_at")[:DUPLICATE_CANDIDATES]
    )
    rows = {str(r.pk): r for r in others}
    matches = similar(found.text, {pk: r.text for pk, r in rows.items()})
    return [(rows[m.request_id], m.score * 100) for m in matches]


@dataclass(frozen=True)
class OrganisationFigures:
    name: str
    open: int
    overdue: int
    figures: DeskStatistics

    @property
    def on_time_percent(self) -> float | None:
        share = self.figures.on_time_share
        return None if share is None else float(share) * 100


def dashboard(actor: Actor, at: dt.datetime | None = None) -> list[OrganisationFigures]:
    """Per organisation the actor oversees: open and overdue requests, and the core's statistics (median
    handling time in working days, share answered on time, satisfaction)."""
    at = at or timezone.now()
    working = clock.calendar()
    rows = (
        _requests()
        .filter(reach_q(actor, READ_INBOX, unit_path="unit__path", organisation_path="organisation__path"))
        .filter(organisation__isnull=False)
        .prefetch_related("pauses")
    )
    grouped: dict[str, list[ServiceRequest]] = {}
    for row in rows:
        assert row.organisation is not None
        grouped.setdefault(row.organisation.name, []).append(row)
    result = []
    for name, found in sorted(grouped.items()):
        records = [_record(r, working) for r in found if r.due_at is not None]
        result.append(
            OrganisationFigures(
                name=name,
                open=sum(1 for r in found if r.is_open),
                overdue=sum(1 for r in found if r.is_late),
                figures=summarize(records, at=at),
            )
        )
    return result


def _record(found: ServiceRequest, working: WorkingCalendar) -> RequestRecord:
    assert found.due_at is not None
    handled = None
    if found.answered_at is not None:
        pauses = tuple(
            PauseValue(p.started_at, p.ended_at)
            for p in sorted(found.pauses.all(), key=lambda p: p.started_at)
            if p.started_at >= found.registered_at
        )
        handled = handling_working_days(found.registered_at, found.answered_at, working, tz=clock.TZ, pauses=pauses)
    return RequestRecord(
        registered_at=found.registered_at, due_at=found.due_at, answered_at=found.answered_at,
        handling_working_days=handled, satisfaction=found.satisfaction,
    )  # fmt: skip
