"""Every change in participation: stakeholders, meetings and their decisions, circulars and their receipts.

Each action checks its capability on the object's place first, writes in one durable transaction with exactly
one audit entry, and leaves side effects (the reminders' text messages) to after the commit.
"""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils import timezone

from ostan.auditlog.actions import action, record
from ostan.core.access import Actor, Target, ensure
from ostan.core.programs import Circular as CoreCircular
from ostan.core.programs import Decision as CoreDecision
from ostan.core.programs import InvalidCircular, InvalidDecision, Priority, Receipt, due_reminders
from ostan.core.text import normalize, search_key
from ostan.participation import attachments
from ostan.participation import record as chain
from ostan.participation.entries import CircularEntry, MeetingEntry, MinutesEntry, StakeholderEntry
from ostan.participation.errors import (
    AlreadyAcknowledged,
    CircularNotFound,
    DecisionNotFound,
    InvalidCircularEntry,
    InvalidMeeting,
    InvalidStakeholder,
    MeetingNotFound,
    StakeholderNotFound,
)
from ostan.participation.events import ParticipationEvent
from ostan.participation.models import (
    Attachment,
    Circular,
    CircularKind,
    Decision,
    Invitation,
    Meeting,
    MeetingKind,
    Recipient,
    Reminder,
    Ring,
    Stakeholder,
)
from ostan.participation.offices import office_of, reachable
from ostan.participation.permissions import (
    ACKNOWLEDGE_CIRCULAR,
    MANAGE_MEETINGS,
    MANAGE_STAKEHOLDERS,
    READ_COPY,
    SEND_CIRCULAR,
)
from ostan.participation.targets import target_of_copy, target_of_meeting, target_of_stakeholder
from ostan.territory.models import Unit

TEXT_MAX = 8000
LINE_MAX = 200


def _text(value: str, field: str, error: type[Exception], *, limit: int = LINE_MAX, required: bool = True) -> str:
    cleaned = normalize(value or "").strip()
    if required and not cleaned:
        raise error("این بخش را پر کنید.", details={"field": field})  # type: ignore[call-arg]
    if len(cleaned) > limit:
        raise error("متن بیش از اندازه بلند است.", details={"field": field})  # type: ignore[call-arg]
    return cleaned


def _unit(code: str, error: type[Exception]) -> Unit:
    found = Unit.objects.filter(code=normalize(code).strip()).first()
    if found is None:
        raise error("چنین واحدی یافت نشد.", details={"field": "unit"})  # type: ignore[call-arg]
    return found


# ---- stakeholders --------------------------------------------------------------------------------------


@action()
def save_stakeholder(*, actor: Actor, entry: StakeholderEntry, stakeholder_id: int | None = None) -> Stakeholder:
    """Register one of the middle rings in a unit for the actor's office, or correct one it keeps."""
    office = office_of(actor)
    unit = _unit(entry.unit_code, InvalidStakeholder)
    if stakeholder_id is not None:
        kept = Stakeholder.objects.select_related("unit", "keeper").filter(pk=stakeholder_id).first()
        if kept is None:
            raise StakeholderNotFound("چنین ذی‌نفعی یافت نشد.")
        ensure(actor, MANAGE_STAKEHOLDERS, target_of_stakeholder(kept))
    ensure(actor, MANAGE_STAKEHOLDERS, Target(unit_path=unit.path, unit_name=unit.name, organisation_path=office.path))
    if entry.ring not in Ring.values:
        raise InvalidStakeholder("گروه ذی‌نفع را از فهرست برگزینید.", details={"field": "ring"})
    name = _text(entry.name, "name", InvalidStakeholder)
    values = {
        "name": name, "search_key": search_key(name), "ring": entry.ring,
        "affiliation": _text(entry.affiliation, "affiliation", InvalidStakeholder, required=False),
        "phone": _text(entry.phone, "phone", InvalidStakeholder, limit=20, required=False),
        "email": _text(entry.email, "email", InvalidStakeholder, limit=254, required=False),
        "address": _text(entry.address, "address", InvalidStakeholder, limit=300, required=False),
    }  # fmt: skip
    with transaction.atomic(durable=True):
        if stakeholder_id is None:
            found = Stakeholder(unit=unit, keeper=office, created_at=timezone.now())
            before = None
        else:
            kept = Stakeholder.objects.select_for_update().filter(pk=stakeholder_id, keeper=office).first()
            if kept is None:
                raise InvalidStakeholder("این ذی‌نفع در دفتر شما ثبت نشده است.")
            found = kept
            before = {"name": found.name, "ring": found.ring, "unit": found.unit.code}
            found.unit = unit
        for name_, value in values.items():
            setattr(found, name_, value)
        try:
            with transaction.atomic():
                found.save()
        except IntegrityError:
            raise InvalidStakeholder("این نام در همین واحد پیش‌تر ثبت شده است.", details={"field": "name"}) from None
        # Personal data stays out of the audit log: it names only what the entry is.
        record(actor=actor, event=ParticipationEvent.STAKEHOLDER_SAVED, obj=found, unit=unit, before=before,
               after={"name": found.name, "ring": found.ring, "unit": unit.code})  # fmt: skip
    return found


# ---- meetings ------------------------------------------------------------------------------------------


@action()
def schedule_meeting(*, actor: Actor, entry: MeetingEntry) -> Meeting:
    """A meeting or assembly of the actor's office in a unit, with its agenda and the stakeholders invited."""
    office = office_of(actor)
    unit = _unit(entry.unit_code, InvalidMeeting)
    ensure(actor, MANAGE_MEETINGS, Target(unit_path=unit.path, unit_name=unit.name, organisation_path=office.path))
    if entry.kind not in MeetingKind.values:
        raise InvalidMeeting("نوع جلسه را از فهرست برگزینید.", details={"field": "kind"})
    title = _text(entry.title, "title", InvalidMeeting)
    agenda = _text(entry.agenda, "agenda", InvalidMeeting, limit=TEXT_MAX)
    with transaction.atomic(durable=True):
        invited = list(
            Stakeholder.objects.filter(pk__in=entry.stakeholder_ids, unit__path__startswith=unit.path).order_by("pk")
        )
        if len(invited) != len(set(entry.stakeholder_ids)):
            raise InvalidMeeting("دعوت‌شدگان باید از ذی‌نفعان همین واحد باشند.", details={"field": "stakeholders"})
        meeting = Meeting.objects.create(
            unit=unit, organiser=office, kind=entry.kind, title=title, held_at=entry.held_at,
            place=_text(entry.place, "place", InvalidMeeting, required=False), agenda=agenda,
            created_at=timezone.now(),
        )  # fmt: skip
        Invitation.objects.bulk_create([Invitation(meeting=meeting, stakeholder=s) for s in invited])
        record(actor=actor, event=ParticipationEvent.MEETING_SCHEDULED, obj=meeting, unit=unit,
               after={"title": title, "held_at": entry.held_at, "invited": [s.pk for s in invited]})  # fmt: skip
    return meeting


@action()
def record_minutes(*, actor: Actor, meeting_id: int, entry: MinutesEntry) -> Meeting:
    """The minutes of a held meeting: who attended, what was said, and its decisions with owners and due days."""
    with transaction.atomic(durable=True):
        meeting = Meeting.objects.select_for_update().select_related("unit", "organiser").filter(pk=meeting_id).first()
        if meeting is None:
            raise MeetingNotFound("چنین جلسه‌ای یافت نشد.")
        ensure(actor, MANAGE_MEETINGS, target_of_meeting(meeting))
        if meeting.held_at > timezone.now():
            raise InvalidMeeting("صورتجلسه پس از برگزاری جلسه ثبت می‌شود.", details={"field": "minutes"})
        text = _text(entry.text, "minutes", InvalidMeeting, limit=TEXT_MAX)
        invited = set(meeting.invitations.values_list("stakeholder_id", flat=True))
        if not set(entry.attended_ids) <= invited:
            raise InvalidMeeting("حاضران باید از دعوت‌شدگان باشند.", details={"field": "attended"})
        for d in entry.decisions:
            try:
                CoreDecision(id="new", title=normalize(d.title), owner=normalize(d.owner), due_on=d.due_on)
            except InvalidDecision as exc:
                raise InvalidMeeting(exc.message, details={"field": "decisions"}) from None
            if len(d.title) > 300 or len(d.owner) > LINE_MAX:
                raise InvalidMeeting("متن مصوبه بیش از اندازه بلند است.", details={"field": "decisions"})
        before = {"minutes": bool(meeting.minutes), "decisions": meeting.decisions.count()}
        meeting.minutes, meeting.minutes_recorded_at = text, timezone.now()
        meeting.save(update_fields=["minutes", "minutes_recorded_at"])
        meeting.invitations.update(attended=False)
        meeting.invitations.filter(stakeholder_id__in=entry.attended_ids).update(attended=True)
        Decision.objects.bulk_create(
            [Decision(meeting=meeting, title=normalize(d.title).strip(), owner=normalize(d.owner).strip(),
                      due_on=d.due_on) for d in entry.decisions]
        )  # fmt: skip
        record(actor=actor, event=ParticipationEvent.MINUTES_RECORDED, obj=meeting, unit=meeting.unit, before=before,
               after={"attended": sorted(entry.attended_ids), "decisions": meeting.decisions.count()})  # fmt: skip
    return meeting


@action()
def mark_decision_done(*, actor: Actor, decision_id: int, done_on: dt.date, note: str = "") -> Decision:
    with transaction.atomic(durable=True):
        found = Decision.objects.select_for_update().filter(pk=decision_id).first()
        if found is None:
            raise DecisionNotFound("چنین مصوبه‌ای یافت نشد.")
        meeting = Meeting.objects.select_related("unit", "organiser").get(pk=found.meeting_id)
        ensure(actor, MANAGE_MEETINGS, target_of_meeting(meeting))
        if done_on < meeting.held_at.date() or done_on > timezone.localdate() + dt.timedelta(days=1):
            raise InvalidMeeting("روز انجام باید میان روز جلسه و امروز باشد.", details={"field": "done_on"})
        before = {"done_on": found.done_on}
        found.done_on, found.done_note = done_on, _text(note, "note", InvalidMeeting, limit=300, required=False)
        found.save(update_fields=["done_on", "done_note"])
        record(actor=actor, event=ParticipationEvent.DECISION_COMPLETED, obj=found, unit=meeting.unit, before=before,
               after={"done_on": done_on})  # fmt: skip
    return found


# ---- circulars -----------------------------------------------------------------------------------------


@action()
def send_circular(*, actor: Actor, entry: CircularEntry) -> Circular:
    """Send a circular down (or a report up) to the chosen offices, with its attachments, and record on the
    board what was sent to whom. Every recipient has it delivered at once; reading and acknowledging are theirs."""
    ensure(actor, SEND_CIRCULAR)
    sender = office_of(actor)
    if entry.kind not in CircularKind.values:
        raise InvalidCircularEntry("نوع نامه را برگزینید.", details={"field": "kind"})
    if entry.priority not in {p.value for p in Priority}:
        raise InvalidCircularEntry("فوریت را از فهرست برگزینید.", details={"field": "priority"})
    title = _text(entry.title, "title", InvalidCircularEntry)
    body = _text(entry.body, "body", InvalidCircularEntry, limit=TEXT_MAX)
    codes = tuple(dict.fromkeys(entry.recipient_codes))
    offices = {o.code: o for o in reachable(sender, entry.kind).filter(code__in=codes)}
    if not codes or len(offices) != len(codes):
        raise InvalidCircularEntry("گیرندگان را از دفترهای فهرست‌شده برگزینید.", details={"field": "recipients"})
    now = timezone.now()
    try:
        CoreCircular("new", title, sender.code, Priority(entry.priority), now, entry.deadline_at, codes)
    except InvalidCircular as exc:
        raise InvalidCircularEntry(exc.message, details={"field": "deadline"}) from None
    if len(entry.uploads) > attachments.MAX_FILES:
        raise InvalidCircularEntry("حداکثر پنج پیوست پذیرفته است.", details={"field": "attachments"})
    checked = [attachments.check(u) for u in entry.uploads]
    stored = [attachments.store(c) for c in checked]
    try:
        with transaction.atomic(durable=True):
            circular = Circular.objects.create(
                kind=entry.kind, sender=sender, unit=sender.seat, title=title, body=body, priority=entry.priority,
                sent_at=now, deadline_at=entry.deadline_at, sent_by_id=actor.person_id,
            )  # fmt: skip
            Recipient.objects.bulk_create(
                [Recipient(circular=circular, office=offices[c], delivered_at=now) for c in codes]
            )
            Attachment.objects.bulk_create(
                [Attachment(circular=circular, name=c.name, content_type=c.content_type, size=len(c.data),
                            sha256=c.sha256, stored_name=s) for c, s in zip(checked, stored, strict=True)]
            )  # fmt: skip
            circular.board_seq = chain.record_sent(circular)
            circular.save(update_fields=["board_seq"])
            record(actor=actor, event=ParticipationEvent.CIRCULAR_SENT, obj=circular, unit=sender.seat,
                   after={"kind": entry.kind, "priority": entry.priority, "deadline_at": entry.deadline_at,
                          "recipients": list(codes), "attachments": [c.sha256 for c in checked],
                          "board_seq": circular.board_seq})  # fmt: skip
    except BaseException:
        attachments.discard(stored)
        raise
    return circular


def _copy_for_update(copy_id: int) -> Recipient:
    found = Recipient.objects.select_for_update().filter(pk=copy_id).first()
    if found is None:
        raise CircularNotFound("چنین بخشنامه‌ای یافت نشد.")
    return Recipient.objects.select_related("office__seat", "circular").get(pk=found.pk)


@action(may_change_nothing=True)
def mark_read(*, actor: Actor, copy_id: int) -> Recipient:
    """The recipient office opened its copy: the first opening by that office is its reading; others change nothing."""
    with transaction.atomic(durable=True):
        copy = _copy_for_update(copy_id)
        ensure(actor, READ_COPY, target_of_copy(copy))
        if copy.read_at is not None or actor.organisation_id != copy.office_id:
            return copy
        copy.read_at = timezone.now()
        copy.save(update_fields=["read_at"])
        record(actor=actor, event=ParticipationEvent.CIRCULAR_OPENED, obj=copy, unit=copy.office.seat,
               after={"read_at": copy.read_at})  # fmt: skip
    return copy


@action()
def acknowledge(*, actor: Actor, copy_id: int, note: str = "") -> Recipient:
    """The recipient office confirms it has the circular and will act on it; recorded on the board."""
    with transaction.atomic(durable=True):
        copy = _copy_for_update(copy_id)
        ensure(actor, ACKNOWLEDGE_CIRCULAR, target_of_copy(copy))
        if copy.acknowledged_at is not None:
            raise AlreadyAcknowledged("دریافت این بخشنامه پیش‌تر تأیید شده است.")
        now = timezone.now()
        copy.read_at = copy.read_at or now
        copy.acknowledged_at, copy.acknowledged_by_id = now, actor.person_id
        copy.note = _text(note, "note", InvalidCircularEntry, limit=300, required=False)
        copy.board_seq = chain.record_acknowledged(copy)
        copy.save(update_fields=["read_at", "acknowledged_at", "acknowledged_by", "note", "board_seq"])
        record(actor=actor, event=ParticipationEvent.CIRCULAR_ACKNOWLEDGED, obj=copy, unit=copy.office.seat,
               after={"acknowledged_at": now, "board_seq": copy.board_seq})  # fmt: skip
    return copy


def _core(circular: Circular, copies: list[Recipient]) -> tuple[CoreCircular, list[Receipt]]:
    core = CoreCircular(
        str(circular.pk), circular.title, circular.sender.code, Priority(circular.priority), circular.sent_at,
        circular.deadline_at, tuple(c.office.code for c in copies),
    )  # fmt: skip
    receipts = [Receipt(c.office.code, c.delivered_at, c.read_at, c.acknowledged_at) for c in copies]
    return core, receipts


@action(may_change_nothing=True)
def queue_reminders(*, actor: Actor, at: dt.datetime | None = None) -> list[Reminder]:
    """Make the reminders due now for every recipient still waiting (the core's schedule), each once by its
    key, and ask the background queue to send them after the commit. Run again, it makes nothing twice."""
    from ostan.participation.tasks import enqueue_after_commit

    moment = at or timezone.now()
    made: list[Reminder] = []
    with transaction.atomic(durable=True):
        waiting = Circular.objects.filter(recipients__acknowledged_at__isnull=True).distinct().select_related("sender")
        for circular in waiting:
            copies = list(circular.recipients.select_related("office").order_by("pk"))
            core, receipts = _core(circular, copies)
            sent = set(Reminder.objects.filter(recipient__circular=circular).values_list("key", flat=True))
            by_code = {c.office.code: c for c in copies}
            for due in due_reminders(core, receipts, at=moment, sent_keys=sent):
                made.append(Reminder(key=due.key, recipient=by_code[due.recipient], step=due.step, text=due.message,
                                     created_at=timezone.now()))  # fmt: skip
        if not made:
            return []
        Reminder.objects.bulk_create(made, ignore_conflicts=True)
        rows = list(Reminder.objects.filter(key__in=[r.key for r in made], sent_at__isnull=True))
        for row in rows:
            enqueue_after_commit(row.pk)
        record(actor=actor, event=ParticipationEvent.REMINDERS_QUEUED, object_type="participation.reminder",
               object_label="یادآوری بخشنامه‌ها", after={"keys": [r.key for r in rows]})  # fmt: skip
    return rows
