"""Every change at the service desk: the catalogue and holidays, filing a request, and each step of its life.

Each step asks the lifecycle core (``ostan.core.servicedesk.transition``) whether the request in its state
may take the event from the actor's side, then writes what the core decided: the state, the holder, the
deadline's pauses, a line of history, and exactly one audit entry, in one durable transaction.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from ostan.access.models import Organisation
from ostan.auditlog.actions import action, record, snapshot
from ostan.core import national_code as national_codes
from ostan.core.access import Actor, Role, Target, ensure
from ostan.core.errors import DomainError
from ostan.core.phone import normalize_mobile
from ostan.core.servicedesk import (
    AmbiguousRoute,
    Context,
    DeadlineEffect,
    Event,
    HolidayKind,
    NoResponsibleAgency,
    RequestKind,
    Side,
    State,
    holidays_from_csv,
    official_holidays,
    responsible_agency,
    transition,
    with_corrections,
)
from ostan.core.servicedesk import Holiday as HolidayValue
from ostan.core.servicedesk.attachments import Upload, check_uploads
from ostan.core.servicedesk.statistics import SATISFACTION_SCORES
from ostan.core.servicedesk.tracking import display as display_code
from ostan.core.servicedesk.tracking import encode
from ostan.core.servicedesk.tracking import parse as parse_code
from ostan.core.text import normalize, normalize_digits, search_key, search_words
from ostan.servicedesk import clock, files, search
from ostan.servicedesk.catalogue import AUDITED as CATALOGUE_AUDITED
from ostan.servicedesk.catalogue import write_service
from ostan.servicedesk.entries import Filing, ServiceEntry
from ostan.servicedesk.errors import (
    InvalidRequest,
    InvalidService,
    NoSide,
    RequestNotFound,
    RequestSettled,
    ServiceUnavailable,
    SurveyRefused,
)
from ostan.servicedesk.events import ServiceDeskEvent
from ostan.servicedesk.models import (
    Attachment,
    Channel,
    Entry,
    EntryKind,
    Holiday,
    NotificationKind,
    Open311Key,
    Pause,
    Service,
    ServiceRequest,
)
from ostan.servicedesk.notifications import notify
from ostan.servicedesk.open311 import key_hash
from ostan.servicedesk.permissions import (
    FILE_REQUEST,
    HANDLE_REQUEST,
    MANAGE_CATALOGUE,
    MANAGE_OPEN311_KEYS,
    RESPOND_AS_CITIZEN,
    ROUTE_REQUEST,
)
from ostan.servicedesk.replies import first_answer
from ostan.servicedesk.targets import target_of_request
from ostan.territory.models import Unit
from ostan.territory.scope import target_of

TEXT_MAX = 4000
OPEN311_KEY_MIN = 32
AUDITED = ("state", "organisation", "due_at", "answered_at", "closed_at")
NOTIFIED = {
    Event.REFER: NotificationKind.REFERRED,
    Event.ANSWER: NotificationKind.ANSWERED,
    Event.CLOSE: NotificationKind.CLOSED,
}
SIDES = {
    Role.CITIZEN: Side.CITIZEN,
    Role.SERVICE_DESK_CLERK: Side.DESK,
    Role.AGENCY_OFFICER: Side.AGENCY,
    Role.INSPECTION_OFFICER: Side.INSPECTION,
}


def _side_of(actor: Actor) -> Side:
    if actor.is_system:
        return Side.SYSTEM
    role = actor.role
    if role is None or role not in SIDES:
        raise NoSide("این سمت در گردش درخواست‌ها جایی ندارد.")
    return SIDES[role]


def _now(at: dt.datetime | None) -> dt.datetime:
    return at if at is not None else timezone.now()


def _text(value: str, field: str, *, required: bool = True, limit: int = TEXT_MAX) -> str:
    cleaned = normalize(value or "").strip()
    if required and not cleaned:
        raise InvalidRequest("این بخش را پر کنید.", details={"field": field})
    if len(cleaned) > limit:
        raise InvalidRequest("متن بیش از اندازه بلند است.", details={"field": field})
    return cleaned


# ---- the catalogue and the calendar -------------------------------------------------------------------


@action()
def save_service(*, actor: Actor, entry: ServiceEntry) -> Service:
    """Add a service to the catalogue or change it (found by its code)."""
    ensure(actor, MANAGE_CATALOGUE)
    kinds = [k for k in entry.kinds if k in RequestKind._value2member_map_]
    if not kinds or len(kinds) != len(entry.kinds):
        raise InvalidService("گونه‌های درخواست این خدمت درست نیست.", details={"field": "kinds"})
    if entry.working_days < 1:
        raise InvalidService("مهلت پاسخ دست‌کم یک روز کاری است.", details={"field": "working_days"})
    with transaction.atomic(durable=True):
        organisation = None
        if entry.organisation_code:
            organisation = Organisation.objects.filter(code=entry.organisation_code).first()
            if organisation is None:
                raise InvalidService("دستگاه مسئول یافت نشد.", details={"field": "organisation"})
        service, before = write_service(entry, organisation)
        record(
            actor=actor, event=ServiceDeskEvent.SERVICE_SAVED, obj=service, before=before,
            after=snapshot(service, CATALOGUE_AUDITED),
        )  # fmt: skip
    return service


@action()
def load_official_holidays(*, actor: Actor, year: int) -> int:
    """Put the official holidays of Jalali ``year`` the core knows into the table (those already there stay)."""
    ensure(actor, MANAGE_CATALOGUE)
    with transaction.atomic(durable=True):
        rows = list(Holiday.objects.select_for_update())
        taken = {(r.date, r.name) for r in rows}
        announced = [HolidayValue(r.date, r.name, HolidayKind(r.kind)) for r in rows if not r.is_provisional]
        new = [  # a provisional date already corrected by an announced one is not brought back
            Holiday(date=h.date, name=h.name, kind=h.kind.value, is_provisional=h.is_provisional)
            for h in with_corrections(official_holidays(year), announced)
            if (h.date, h.name) not in taken
        ]
        Holiday.objects.bulk_create(new)
        record(
            actor=actor, event=ServiceDeskEvent.HOLIDAYS_LOADED, object_type="servicedesk.holiday",
            object_label=f"تعطیلات {year}", after={"year": year, "added": len(new)},
        )  # fmt: skip
    return len(new)


# ---- intake ---------------------------------------------------------------------------------------------


def _filed_unit(filing: Filing) -> Unit:
    """The unit named by its code or, failing that, by its name when only one unit bears it."""
    typed = normalize_digits(normalize(filing.unit_code)).strip()
    if not typed:
        raise InvalidRequest("محل درخواست را بنویسید.", details={"field": "unit"})
    unit = Unit.objects.filter(code=typed).first()
    if unit is not None:
        return unit
    named = list(Unit.objects.filter(search_key=search_key(typed)).order_by("path")[:2])
    if len(named) == 1:
        return named[0]
    if named:
        raise InvalidRequest("چند واحد با این نام هست؛ کد واحد را بنویسید.", details={"field": "unit"})
    raise InvalidRequest("واحدی با این نام یا کد نیست.", details={"field": "unit"})


def _route(service: Service, unit: Unit) -> Organisation | None:
    try:
        agency = responsible_agency(clock.routing_table(service, unit.path), service.code, unit.path)
    except (NoResponsibleAgency, AmbiguousRoute):
        return None  # the desk chooses
    return Organisation.objects.get(pk=int(agency))


def _citizen_fields(actor: Actor, filing: Filing) -> dict[str, Any]:
    users = get_user_model()
    if actor.is_citizen:
        person = users.objects.get(pk=actor.own_id)
        return {"citizen": person, "citizen_name": actor.display_name, "channel": Channel.ONLINE,
                "citizen_national_code": getattr(person, "national_code", "") or "",
                "citizen_mobile": getattr(person, "mobile", "") or ""}  # fmt: skip
    if filing.channel == Channel.OPEN311 and actor.is_system:
        return _open311_citizen(filing)
    if filing.channel not in (Channel.DESK, Channel.PHONE, Channel.LETTER):
        raise InvalidRequest("مجرای ثبت از طرف شهروند را برگزینید.", details={"field": "channel"})
    name = _text(filing.citizen_name, "citizen_name", limit=150)
    try:
        code = national_codes.parse(filing.national_code)
    except DomainError as exc:
        raise InvalidRequest(exc.message, details={"field": "national_code"}) from None
    try:
        mobile = normalize_mobile(filing.mobile) if filing.mobile.strip() else ""
    except DomainError as exc:
        raise InvalidRequest(exc.message, details={"field": "mobile"}) from None
    account = users.objects.filter(national_code=code, is_staff=False).first()
    filer = users.objects.get(pk=actor.own_id) if actor.is_person else None
    return {"citizen": account, "citizen_name": name, "citizen_national_code": code, "citizen_mobile": mobile,
            "channel": filing.channel, "filed_by": filer}  # fmt: skip


def _open311_citizen(filing: Filing) -> dict[str, Any]:
    """Another system's citizen: a name and a mobile if it sent them (Open311 knows no national code)."""
    try:
        mobile = normalize_mobile(filing.mobile) if filing.mobile.strip() else ""
    except DomainError as exc:
        raise InvalidRequest(exc.message, details={"field": "mobile"}) from None
    name = _text(filing.citizen_name, "citizen_name", required=False, limit=150)
    return {"citizen": None, "citizen_name": name, "citizen_national_code": "", "citizen_mobile": mobile,
            "channel": Channel.OPEN311, "filed_by": None}  # fmt: skip


@action()
def file_request(
    *, actor: Actor, filing: Filing, at: dt.datetime | None = None, uploads: Sequence[Upload] = ()
) -> ServiceRequest:
    """Register a request, give it its tracking code and send it to the organisation serving its unit
    (or the nearest one above); when none or two are found it waits at the desk for a clerk to choose.
    ``uploads`` (the citizen's documents, a scanned letter) are checked by their bytes and kept with it."""
    unit = _filed_unit(filing)
    ensure(actor, FILE_REQUEST, target_of(unit))
    moment = _now(at)
    service = Service.objects.filter(code=filing.service_code, is_active=True).first()
    if service is None:
        raise ServiceUnavailable("این خدمت در فهرست خدمت‌ها نیست.", details={"field": "service"})
    if filing.kind not in service.kinds:
        raise InvalidRequest("این گونه درخواست برای این خدمت پذیرفته نمی‌شود.", details={"field": "kind"})
    text = _text(filing.text, "text")
    people = _citizen_fields(actor, filing)
    checked = check_uploads(uploads)
    with files.kept(checked) as stored, transaction.atomic(durable=True):
        found = ServiceRequest.objects.create(
            service=service, kind=filing.kind, unit=unit, text=text, search_key=search_key(text),
            registered_at=moment, deadline_started_at=moment, working_days=service.working_days, **people,
        )  # fmt: skip
        found.tracking_code = encode(found.pk, key=clock.tracking_key())
        found.search_text = search_words(f"{text} {people['citizen_name']}")
        search.remember_words(found.search_text)
        agency = _route(service, unit)
        if agency is not None:
            outcome = transition(State.REGISTERED, Event.ASSIGN, Context(Side.SYSTEM, target_agency=str(agency.pk)))
            found.state, found.organisation = outcome.state, agency
        found.due_at = clock.due_moment(found, moment)
        found.save()
        # The automatic first answer: who holds it and by which day the reply is due (ostan.servicedesk.replies).
        entry = _history(found, actor, EntryKind.PUBLIC, first_answer(found), moment, is_public=True)
        attached = _attach(found, entry, stored, moment)
        notify(found, NotificationKind.FILED, key=str(found.pk))
        record(
            actor=actor, event=ServiceDeskEvent.REQUEST_FILED, obj=found, unit=unit,
            after={**snapshot(found, (*AUDITED, "channel", "service", "kind")), "on_behalf": not actor.is_citizen,
                   **attached},
        )  # fmt: skip
    return found


# ---- the steps of a request's life ---------------------------------------------------------------------


def _history(found: ServiceRequest, actor: Actor, kind: str, text: str, at: dt.datetime, *, is_public: bool) -> Entry:
    post = actor.post
    return Entry.objects.create(
        request=found, kind=kind, state=found.state, text=text, is_public=is_public, created_at=at,
        author_label=post.label if post is not None else actor.reason,
        organisation_name=found.organisation.name if found.organisation is not None else "",
    )  # fmt: skip


def _attach(found: ServiceRequest, entry: Entry, stored: files.Stored, at: dt.datetime) -> dict[str, Any]:
    """The step's files as rows beside its history line; what the audit entry records of them."""
    Attachment.objects.bulk_create(
        Attachment(request=found, entry=entry, name=file.name, kind=file.kind.value, size=file.size, sha256=digest,
                   stored_name=name, created_at=at)
        for file, name, digest in stored
    )  # fmt: skip
    if not stored:
        return {}
    return {"attachments": [{"name": f.name, "kind": f.kind.value, "size": f.size, "sha256": d} for f, _, d in stored]}


def _locked(request_id: int) -> ServiceRequest:
    found = ServiceRequest.objects.select_for_update().filter(pk=request_id).first()
    if found is None:
        raise RequestNotFound("چنین درخواستی یافت نشد.")
    return found


def _target(request_id: int) -> Target:
    found = ServiceRequest.objects.select_related("unit", "organisation").filter(pk=request_id).first()
    if found is None:
        raise RequestNotFound("چنین درخواستی یافت نشد.")
    return target_of_request(found)


@dataclass(frozen=True)
class _Step:
    event: Event
    audit: ServiceDeskEvent
    entry_kind: str
    is_public: bool


def _apply_deadline(found: ServiceRequest, effect: DeadlineEffect, at: dt.datetime) -> None:
    if effect is DeadlineEffect.PAUSE:
        Pause.objects.create(request=found, started_at=at)
    elif effect in (DeadlineEffect.RESUME, DeadlineEffect.STOP, DeadlineEffect.RESTART):
        Pause.objects.filter(request=found, ended_at__isnull=True).update(ended_at=at)
    if effect is DeadlineEffect.RESTART:
        found.deadline_started_at = at
    found.due_at = clock.due_moment(found, at)


def _step(
    *,
    actor: Actor,
    capability: Any,
    request_id: int,
    step: _Step,
    text: str = "",
    at: dt.datetime | None,
    target_agency: Organisation | None = None,
    responsible_body: str = "",
    duplicate_of: str | None = None,
    uploads: Sequence[Upload] = (),
) -> ServiceRequest:
    ensure(actor, capability, _target(request_id))
    moment = _now(at)
    checked = check_uploads(uploads)
    with files.kept(checked) as stored, transaction.atomic(durable=True):
        found = _locked(request_id)
        ensure(actor, capability, _target(request_id))  # again under the lock: a referral may have moved it
        before = snapshot(found, AUDITED)
        context = Context(
            _side_of(actor), at=moment, reason=text, answer=text, request_id=str(found.pk),
            target_agency=str(target_agency.pk) if target_agency is not None else (responsible_body or None),
            agency=str(found.organisation_id) if found.organisation_id is not None else None,
            answered_at=found.answered_at, duplicate_of=duplicate_of,
        )  # fmt: skip
        outcome = transition(State(found.state), step.event, context)
        found.state = outcome.state
        if outcome.agency is None:
            found.organisation = None
        elif target_agency is not None:
            found.organisation = target_agency
        if step.event is Event.ANSWER:
            found.answer, found.answered_at = text, moment
        if step.event is Event.DECLARE_NOT_OURS:
            found.responsible_body = text
        if outcome.state is State.CLOSED:
            found.closed_at = moment
        if step.event is Event.REOPEN:
            found.closed_at = None
        _apply_deadline(found, outcome.deadline, moment)
        found.save()
        entry = _history(found, actor, step.entry_kind, text or step.event.label, moment, is_public=step.is_public)
        attached = _attach(found, entry, stored, moment)
        if step.event in NOTIFIED:  # the citizen hears of it by text message (ostan.servicedesk.notifications)
            notify(found, NOTIFIED[step.event], key=str(entry.pk))
        record(
            actor=actor, event=step.audit, obj=found, unit_path=found.unit.path, before=before,
            after={**snapshot(found, AUDITED), **({"text": text} if text else {}), **attached},
        )  # fmt: skip
    return found


def _agency(code_or_pk: object, field: str = "organisation") -> Organisation:
    found = Organisation.objects.filter(code=str(code_or_pk), is_active=True).first()
    if found is None:
        raise InvalidRequest("دستگاهی با این کد نیست.", details={"field": field})
    return found


@action()
def assign_request(
    *, actor: Actor, request_id: int, organisation_code: str, at: dt.datetime | None = None
) -> ServiceRequest:
    """The desk sends a request waiting at the desk to an organisation's inbox."""
    step = _Step(Event.ASSIGN, ServiceDeskEvent.REQUEST_ASSIGNED, EntryKind.PUBLIC, True)
    agency = _agency(organisation_code)
    return _step(actor=actor, capability=ROUTE_REQUEST, request_id=request_id, step=step, at=at, target_agency=agency)


@action()
def accept_request(*, actor: Actor, request_id: int, at: dt.datetime | None = None) -> ServiceRequest:
    step = _Step(Event.ACCEPT, ServiceDeskEvent.REQUEST_ACCEPTED, EntryKind.PUBLIC, True)
    return _step(actor=actor, capability=HANDLE_REQUEST, request_id=request_id, step=step, at=at)


@action()
def ask_citizen(*, actor: Actor, request_id: int, question: str, at: dt.datetime | None = None) -> ServiceRequest:
    """Ask the citizen for what is missing; the deadline stands still until they answer."""
    step = _Step(Event.REQUEST_INFORMATION, ServiceDeskEvent.INFORMATION_REQUESTED, EntryKind.QUESTION, True)
    text = _text(question, "text")
    return _step(actor=actor, capability=HANDLE_REQUEST, request_id=request_id, step=step, text=text, at=at)


@action()
def answer_request(
    *, actor: Actor, request_id: int, answer: str, at: dt.datetime | None = None, uploads: Sequence[Upload] = ()
) -> ServiceRequest:
    """The public answer, with the agency's files (a letter, a permit) for the citizen if any."""
    step = _Step(Event.ANSWER, ServiceDeskEvent.REQUEST_ANSWERED, EntryKind.ANSWER, True)
    text = _text(answer, "text")
    return _step(
        actor=actor, capability=HANDLE_REQUEST, request_id=request_id, step=step, text=text, at=at, uploads=uploads
    )


@action()
def refer_request(
    *, actor: Actor, request_id: int, organisation_code: str, reason: str, at: dt.datetime | None = None
) -> ServiceRequest:
    """Send the request to another organisation's inbox, saying why."""
    step = _Step(Event.REFER, ServiceDeskEvent.REQUEST_REFERRED, EntryKind.REFERRAL, True)
    text = _text(reason, "reason")
    agency = _agency(organisation_code)
    return _step(
        actor=actor, capability=HANDLE_REQUEST, request_id=request_id, step=step, text=text, at=at,
        target_agency=agency,
    )  # fmt: skip


@action()
def return_not_ours(
    *, actor: Actor, request_id: int, responsible_body: str, at: dt.datetime | None = None
) -> ServiceRequest:
    """«Not ours»: the agency returns the request to the desk naming who is responsible instead."""
    step = _Step(Event.RETURN, ServiceDeskEvent.REQUEST_RETURNED, EntryKind.NOTE, False)
    body = _text(responsible_body, "responsible_body", limit=300)
    text = f"خارج از صلاحیت این دستگاه؛ مرجع مسئول: {body}"
    return _step(actor=actor, capability=HANDLE_REQUEST, request_id=request_id, step=step, text=text, at=at)


@action()
def declare_not_ours(
    *, actor: Actor, request_id: int, responsible_body: str, at: dt.datetime | None = None
) -> ServiceRequest:
    """The desk settles a request no organisation on the system answers, naming the body that does."""
    step = _Step(Event.DECLARE_NOT_OURS, ServiceDeskEvent.REQUEST_DECLARED_NOT_OURS, EntryKind.PUBLIC, True)
    body = _text(responsible_body, "responsible_body", limit=300)
    return _step(
        actor=actor, capability=ROUTE_REQUEST, request_id=request_id, step=step, text=body, at=at,
        responsible_body=body,
    )  # fmt: skip


@action()
def provide_information(
    *, actor: Actor, request_id: int, text: str, at: dt.datetime | None = None, uploads: Sequence[Upload] = ()
) -> ServiceRequest:
    """The citizen answers the agency's question (with the missing documents, if any); the deadline runs again."""
    step = _Step(Event.PROVIDE_INFORMATION, ServiceDeskEvent.INFORMATION_PROVIDED, EntryKind.CITIZEN, True)
    cleaned = _text(text, "text")
    capability = RESPOND_AS_CITIZEN if actor.is_citizen else ROUTE_REQUEST
    return _step(
        actor=actor, capability=capability, request_id=request_id, step=step, text=cleaned, at=at, uploads=uploads
    )


@action()
def close_request(*, actor: Actor, request_id: int, at: dt.datetime | None = None) -> ServiceRequest:
    step = _Step(Event.CLOSE, ServiceDeskEvent.REQUEST_CLOSED, EntryKind.PUBLIC, True)
    capability = RESPOND_AS_CITIZEN if actor.is_citizen else ROUTE_REQUEST
    return _step(actor=actor, capability=capability, request_id=request_id, step=step, at=at)


@action()
def reopen_request(*, actor: Actor, request_id: int, reason: str, at: dt.datetime | None = None) -> ServiceRequest:
    """The citizen contests the answer within the window: back to the same organisation, a fresh deadline."""
    step = _Step(Event.REOPEN, ServiceDeskEvent.REQUEST_REOPENED, EntryKind.CITIZEN, True)
    text = _text(reason, "reason")
    capability = RESPOND_AS_CITIZEN if actor.is_citizen else ROUTE_REQUEST
    return _step(actor=actor, capability=capability, request_id=request_id, step=step, text=text, at=at)


@action()
def add_note(*, actor: Actor, request_id: int, text: str, at: dt.datetime | None = None) -> Entry:
    """An internal note: seen by the organisation and the desk, never by the citizen or the status page."""
    ensure(actor, HANDLE_REQUEST, _target(request_id))
    cleaned = _text(text, "text")
    moment = _now(at)
    with transaction.atomic(durable=True):
        found = _locked(request_id)
        ensure(actor, HANDLE_REQUEST, _target(request_id))
        if not found.is_open:
            raise RequestSettled("به درخواست بسته‌شده یادداشت افزوده نمی‌شود.")
        entry = _history(found, actor, EntryKind.NOTE, cleaned, moment, is_public=False)
        record(actor=actor, event=ServiceDeskEvent.NOTE_ADDED, obj=found, unit_path=found.unit.path,
               after={"text": cleaned})  # fmt: skip
    return entry


@action()
def rate_request(
    *, actor: Actor, request_id: int, score: int, comment: str = "", at: dt.datetime | None = None
) -> ServiceRequest:
    """The citizen's satisfaction survey on a closed request: a score from 1 to 5 and a word, once."""
    ensure(actor, RESPOND_AS_CITIZEN, _target(request_id))
    if score not in SATISFACTION_SCORES:
        raise InvalidRequest("امتیاز رضایت از ۱ تا ۵ است.", details={"field": "score"})
    cleaned = _text(comment, "comment", required=False, limit=1000)
    with transaction.atomic(durable=True):
        found = _locked(request_id)
        if found.state != State.CLOSED:
            raise SurveyRefused("نظرسنجی پس از بسته شدن درخواست است.")
        if found.satisfaction is not None:
            raise SurveyRefused("به نظرسنجی این درخواست پیش‌تر پاسخ داده‌اید.")
        found.satisfaction, found.satisfaction_comment = score, cleaned
        found.save(update_fields=["satisfaction", "satisfaction_comment"])
        record(actor=actor, event=ServiceDeskEvent.SURVEY_ANSWERED, obj=found, unit_path=found.unit.path,
               after={"satisfaction": score})  # fmt: skip
    return found


@action()
def correct_holidays(*, actor: Actor, text: str) -> int:
    """Add the administrator's holidays (CSV lines: Jalali date, name, kind), each correcting the provisional
    lunar holiday of the same name nearby; all or nothing, every bad line reported (core ``holidays``)."""
    ensure(actor, MANAGE_CATALOGUE)
    fixes = holidays_from_csv(text.splitlines(), filename="holidays.csv")
    with transaction.atomic(durable=True):
        rows = list(Holiday.objects.select_for_update().order_by("date"))
        kept = with_corrections(
            [HolidayValue(r.date, r.name, HolidayKind(r.kind), r.is_provisional) for r in rows], fixes
        )
        wanted = {(h.date, h.name): h for h in kept}
        for row in rows:
            if (row.date, row.name) not in wanted:
                row.delete()
        present = {(r.date, r.name) for r in rows}
        Holiday.objects.bulk_create(
            Holiday(date=h.date, name=h.name, kind=h.kind.value, is_provisional=h.is_provisional)
            for key, h in wanted.items()
            if key not in present
        )
        record(
            actor=actor, event=ServiceDeskEvent.HOLIDAYS_CORRECTED, object_type="servicedesk.holiday",
            object_label="تعطیلات رسمی", after={"added": [h.date for h in fixes]},
        )  # fmt: skip
    return len(fixes)


@action()
def merge_request(
    *, actor: Actor, request_id: int, original_code: str, at: dt.datetime | None = None
) -> ServiceRequest:
    """The desk closes a request as a duplicate of another (named by its tracking code) it also reaches."""
    ensure(actor, ROUTE_REQUEST, _target(request_id))
    try:
        code = parse_code(original_code)
    except DomainError as exc:
        raise InvalidRequest(exc.message, details={"field": "original"}) from None
    original = ServiceRequest.objects.filter(tracking_code=code).first()
    if original is None:
        raise InvalidRequest("درخواستی با این کد رهگیری نیست.", details={"field": "original"})
    ensure(actor, ROUTE_REQUEST, _target(original.pk))
    step = _Step(Event.MERGE, ServiceDeskEvent.REQUEST_MERGED, EntryKind.PUBLIC, True)
    return _step(
        actor=actor, capability=ROUTE_REQUEST, request_id=request_id, step=step, at=at,
        text=f"با درخواست {display_code(code)} یکی شد.", duplicate_of=str(original.pk),
    )  # fmt: skip


# ---- Open311 keys ---------------------------------------------------------------------------------------


@action()
def create_open311_key(
    *, actor: Actor, name: str, organisation_code: str = "", raw: str = ""
) -> tuple[Open311Key, str]:
    """A new key for another system to file requests with; the key itself is returned once and never kept.
    ``raw`` is for the demo's loader, whose key must read the same each time: at least 32 characters."""
    ensure(actor, MANAGE_OPEN311_KEYS)
    cleaned = _text(name, "name", limit=150)
    organisation = _agency(organisation_code) if organisation_code.strip() else None
    if raw and len(raw) < OPEN311_KEY_MIN:
        raise InvalidRequest("کلید دست‌کم ۳۲ نویسه است.", details={"field": "key"})
    raw = raw or secrets.token_urlsafe(32)
    with transaction.atomic(durable=True):
        if Open311Key.objects.filter(name=cleaned).exists():
            raise InvalidRequest("کلیدی با این نام هست.", details={"field": "name"})
        key = Open311Key.objects.create(name=cleaned, organisation=organisation, key_hash=key_hash(raw), prefix=raw[:6])
        record(actor=actor, event=ServiceDeskEvent.OPEN311_KEY_CREATED, obj=key,
               after={"name": cleaned, "organisation": organisation_code or None})  # fmt: skip
    return key, raw


@action()
def deactivate_open311_key(*, actor: Actor, key_id: int) -> Open311Key:
    """Stop a key: requests filed with it stay, new ones are refused."""
    ensure(actor, MANAGE_OPEN311_KEYS)
    with transaction.atomic(durable=True):
        key = Open311Key.objects.select_for_update().filter(pk=key_id).first()
        if key is None:
            raise InvalidRequest("چنین کلیدی نیست.", details={"field": "key"})
        key.is_active = False
        key.save(update_fields=["is_active"])
        record(actor=actor, event=ServiceDeskEvent.OPEN311_KEY_DEACTIVATED, obj=key, after={"is_active": False})
    return key
