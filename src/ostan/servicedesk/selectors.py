"""Reads for the desk's pages: the catalogue, the public status of a code, inboxes and a request's history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import jdatetime
from django.db.models import Q, QuerySet
from django.utils import timezone

from ostan.access.models import Organisation
from ostan.access.scope import reach_q
from ostan.core.access import Actor
from ostan.core.charts import Choropleth, MapRegion, Measure
from ostan.core.errors import DomainError, NotFound
from ostan.core.jalali import MONTHS
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
from ostan.core.text import search_key, to_persian_digits
from ostan.servicedesk import clock, search
from ostan.servicedesk.errors import RequestNotFound, ServiceNotFound
from ostan.servicedesk.models import (
    Attachment,
    Entry,
    ReplyStep,
    ReplyTemplate,
    Service,
    ServiceRequest,
)
from ostan.servicedesk.permissions import MANAGE_REPLY_TEMPLATES, READ_INBOX, READ_OWN_REQUESTS, READ_REQUESTS
from ostan.territory.maps import province_map
from ostan.territory.models import Unit, UnitKind
from ostan.territory.scope import path_q, subtree_q

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


GROUPINGS = {"organisation": "دستگاه", "unit": "شهرستان", "service": "خدمت", "month": "ماه ثبت"}


@dataclass(frozen=True)
class OrganisationFigures:
    """One row of the dashboard: an organisation, a county, a service or a Jalali month of registration."""

    name: str
    open: int
    overdue: int
    figures: DeskStatistics
    code: str = ""  # the county's code (for the map), the service's, the month's «1405/09»
    ever_overdue: int = 0  # found past the deadline by the deadline job, answered since or not

    @property
    def on_time_percent(self) -> float | None:
        share = self.figures.on_time_share
        return None if share is None else float(share) * 100

    @property
    def requests(self) -> int:
        return self.figures.requests


def _counties(rows: list[ServiceRequest]) -> dict[str, tuple[str, str]]:
    """The county (code, name) each request's unit lies in, by unit path."""
    paths = {r.unit.path for r in rows}
    above = {a for p in paths for a in ancestors(p)}
    counties = {u.path: (u.code, u.name) for u in Unit.objects.filter(path__in=above, kind=UnitKind.COUNTY)}
    return {p: next((counties[a] for a in reversed(ancestors(p)) if a in counties), ("", "بیرون از شهرستان‌ها"))
            for p in paths}  # fmt: skip


def _month(moment: dt.datetime) -> tuple[str, str]:
    day = jdatetime.date.fromgregorian(date=moment.astimezone(clock.TZ).date())
    return f"{day.year:04d}/{day.month:02d}", to_persian_digits(f"{MONTHS[day.month - 1]} {day.year}")


def _grouped(rows: list[ServiceRequest], by: str) -> dict[tuple[str, str], list[ServiceRequest]]:
    grouped: dict[tuple[str, str], list[ServiceRequest]] = {}
    counties = _counties(rows) if by == "unit" else {}
    for row in rows:
        if by == "unit":
            key = counties[row.unit.path]
        elif by == "service":
            key = (row.service.code, row.service.name)
        elif by == "month":
            key = _month(row.registered_at)
        elif row.organisation is not None:
            key = (row.organisation.code, row.organisation.name)
        else:
            continue  # the organisation view counts what organisations hold
        grouped.setdefault(key, []).append(row)
    return grouped


def dashboard(actor: Actor, at: dt.datetime | None = None, *, by: str = "organisation") -> list[OrganisationFigures]:
    """Per organisation (or county, service, Jalali month of registration) the actor oversees: open and overdue
    requests, and the core's statistics (median handling time in working days, share answered on time,
    satisfaction). Organisations by name; the others as the grouping reads (months in order)."""
    at = at or timezone.now()
    working = clock.calendar()
    rows = list(
        _requests()
        .filter(reach_q(actor, READ_INBOX, unit_path="unit__path", organisation_path="organisation__path"))
        .prefetch_related("pauses")
    )
    result = []
    for (code, name), found in _grouped(rows, by if by in GROUPINGS else "organisation").items():
        records = [_record(r, working) for r in found if r.due_at is not None]
        result.append(
            OrganisationFigures(
                name=name,
                code=code,
                open=sum(1 for r in found if r.is_open),
                overdue=sum(1 for r in found if r.is_late),
                figures=summarize(records, at=at),
                ever_overdue=sum(1 for r in found if r.overdue_at is not None or r.is_late),
            )
        )
    return sorted(result, key=lambda r: r.code if by == "month" else r.name)


def _map_note(row: OrganisationFigures | None) -> str:
    return "" if row is None else to_persian_digits(f"{row.open} باز، {row.overdue} دیرکرد")


def county_map(rows: list[OrganisationFigures]) -> Choropleth | None:
    """The requests per county on the province's map (rows grouped by unit), or None without one province."""
    codes = {r.code: r for r in rows if r.code}
    units = Unit.objects.filter(code__in=codes, kind=UnitKind.COUNTY).values_list("path", flat=True)
    above = {a for p in units for a in ancestors(p)}
    provinces = list(Unit.objects.filter(path__in=above, kind=UnitKind.PROVINCE)[:2])
    if len(provinces) != 1:
        return None
    province = provinces[0]
    try:
        drawn = province_map(province.code)
    except NotFound:
        return None
    regions = tuple(
        MapRegion(r.code, r.name, r.d, codes[r.code].requests if r.code in codes else None, href=r.href,
                  note=_map_note(codes.get(r.code)))
        for r in drawn.regions
    )  # fmt: skip
    return Choropleth(f"درخواست‌ها به تفکیک {drawn.region_noun}", drawn.view_box, regions,
                      measure=Measure("درخواست"), label_heading=drawn.region_noun)  # fmt: skip


def unit_figures(actor: Actor, unit_path: str, at: dt.datetime | None = None) -> tuple[int, int, int, DeskStatistics]:
    """For a unit's page: the requests under ``unit_path`` the actor's inbox reaches, how many are open and
    overdue, and the core's statistics over them (the share answered on time among them)."""
    at = at or timezone.now()
    working = clock.calendar()
    rows = list(
        _requests()
        .filter(reach_q(actor, READ_INBOX, unit_path="unit__path", organisation_path="organisation__path"))
        .filter(path_q(unit_path, "unit__path"))
        .prefetch_related("pauses")
    )
    records = [_record(r, working) for r in rows if r.due_at is not None]
    open_count = sum(1 for r in rows if r.is_open)
    return len(rows), open_count, sum(1 for r in rows if r.is_late), summarize(records, at=at)


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


def _attachments(found: ServiceRequest, *, internal: bool) -> QuerySet[Attachment]:
    rows = found.attachments.order_by("created_at", "pk")
    return rows if internal else rows.filter(entry__is_public=True)


def attachments_by_entry(found: ServiceRequest, *, internal: bool) -> dict[int, list[Attachment]]:
    """The request's files the reader may open, by the history line they came with."""
    grouped: dict[int, list[Attachment]] = {}
    for row in _attachments(found, internal=internal):
        grouped.setdefault(row.entry_id, []).append(row)
    return grouped


def history_with_files(found: ServiceRequest, *, internal: bool) -> list[tuple[Entry, list[Attachment]]]:
    attached = attachments_by_entry(found, internal=internal)
    return [(e, attached.get(e.pk, [])) for e in history(found, internal=internal)]


def attachment(actor: Actor, request_pk: int, pk: int) -> Attachment:
    """One file of a request the actor may read (its citizen, the holding organisation's officers, the desk and
    the inspection office of its unit); a citizen never opens a file of an internal step."""
    found = request(actor, request_pk)
    row = _attachments(found, internal=actor.is_staff).filter(pk=pk).first()
    if row is None:
        raise RequestNotFound("چنین پیوستی یافت نشد.")
    return row


PICKED_STEPS = (ReplyStep.ANSWER, ReplyStep.ASK, ReplyStep.REFER)


def reply_templates(found: ServiceRequest) -> list[ReplyTemplate]:
    """The holding organisation's templates for the steps an officer writes, offered in the request's state."""
    if found.organisation_id is None:
        return []
    rows = ReplyTemplate.objects.filter(organisation_id=found.organisation_id, is_active=True, step__in=PICKED_STEPS)
    return list(rows.filter(Q(state="") | Q(state=found.state)).order_by("step", "title"))


def managed_templates(actor: Actor) -> QuerySet[ReplyTemplate]:
    """An officer's organisation's templates (and its branches'); every organisation's for the administrator."""
    rows = ReplyTemplate.objects.select_related("organisation").order_by("organisation__name", "step", "title")
    return rows.filter(reach_q(actor, MANAGE_REPLY_TEMPLATES, unit_path="organisation__seat__path",
                               organisation_path="organisation__path"))  # fmt: skip


def escalations(actor: Actor) -> QuerySet[ServiceRequest]:
    """Requests the deadline job found overdue (kept after they are answered), in the actor's reach, latest first:
    the inspection office's list of its units, an officer's of its organisation."""
    rows = _requests().filter(
        reach_q(actor, READ_INBOX, unit_path="unit__path", organisation_path="organisation__path")
    )
    return rows.filter(overdue_at__isnull=False).select_related("escalated_to").order_by("-overdue_at", "-pk")


@dataclass(frozen=True)
class PublicAnswer:
    """What another area may show of a request beside the thing it is about: no names, no internal notes."""

    request_id: int
    tracking_code: str
    kind_label: str
    text: str
    state: str
    state_label: str
    organisation_id: int | None
    organisation_name: str
    registered_at: dt.datetime
    due_at: dt.datetime | None
    answer: str
    answered_at: dt.datetime | None
    is_open: bool
    is_late: bool  # open past its deadline
    is_answered_on_time: bool | None  # None while unanswered


def public_answers(request_ids: list[int]) -> dict[int, PublicAnswer]:
    """The public face of the named requests (critiques shown beside a project or an office), by id.
    The request's text is public here because its filer wrote it for publication (a critique)."""
    rows = ServiceRequest.objects.select_related("organisation").filter(pk__in=request_ids)
    found = {}
    for r in rows:
        state = State(r.state)
        on_time = None if r.answered_at is None or r.due_at is None else r.answered_at <= r.due_at
        found[r.pk] = PublicAnswer(
            request_id=r.pk, tracking_code=r.tracking_code or "", kind_label=r.get_kind_display(), text=r.text,
            state=state.value, state_label=public_label(state), organisation_id=r.organisation_id,
            organisation_name=r.organisation.name if r.organisation is not None else "",
            registered_at=r.registered_at, due_at=r.due_at, answer=r.answer, answered_at=r.answered_at,
            is_open=r.is_open, is_late=r.is_late, is_answered_on_time=on_time,
        )  # fmt: skip
    return found
