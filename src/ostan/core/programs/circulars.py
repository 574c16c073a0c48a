"""Circulars (بخشنامه) sent from one office to many: who has them, who is late, when to remind whom.

Rules:

- Each recipient moves through **sent → delivered → read → acknowledged**; a receipt records the moments,
  and a moment after the one asked about does not count yet. Acknowledging is what the sender waits for.
- A recipient is **late** when it has not acknowledged by the deadline and the moment is past it; one that
  acknowledged after the deadline is not waiting any more but is reported as ``acknowledged_late``.
- **Reminders** follow the schedule of the circular's priority (:data:`REMINDER_SCHEDULE`): by default when
  half the time from sending to the deadline has passed, on the deadline's local day at office opening
  (never after the deadline itself), and once an hour after the deadline for those still waiting. A step
  whose moment is not after the sending is dropped (a circular sent on its deadline day gets no
  "deadline day" reminder).
- At a given moment a recipient that has not acknowledged is owed at most **one** reminder: that of the
  latest step already reached. Each reminder has a key ``circular:recipient:step``; keys the caller has
  already sent are never returned again, and a step passed over because a later one was reached is never
  sent afterwards. A caller records the keys it sends, and running the job twice sends nothing twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from ostan.core.jalali import format_datetime
from ostan.core.programs.errors import InvalidCircular
from ostan.core.programs.moments import TEHRAN, require_aware


class Priority(StrEnum):
    """The correspondence classes of Iranian government offices."""

    NORMAL = "normal"  # عادی
    URGENT = "urgent"  # فوری
    VERY_URGENT = "very_urgent"  # خیلی فوری
    IMMEDIATE = "immediate"  # آنی

    @property
    def label(self) -> str:
        return {"normal": "عادی", "urgent": "فوری", "very_urgent": "خیلی فوری", "immediate": "آنی"}[self.value]

    @property
    def rank(self) -> int:
        """0 for the most pressing (آنی) up to 3 for عادی."""
        return list(reversed(Priority)).index(self)


class Stage(StrEnum):
    SENT = "sent"  # not yet delivered
    DELIVERED = "delivered"
    READ = "read"
    ACKNOWLEDGED = "acknowledged"


class StepKind(StrEnum):
    ELAPSED_SHARE = "elapsed_share"  # when this share of the time from sending to the deadline has passed
    DEADLINE_DAY = "deadline_day"  # at a local time of day on the deadline's date, never after the deadline
    AFTER_DEADLINE = "after_deadline"  # this long after the deadline


@dataclass(frozen=True)
class ReminderStep:
    code: str
    kind: StepKind
    share: Fraction = Fraction(0)  # ELAPSED_SHARE
    time_of_day: dt.time = dt.time(0)  # DEADLINE_DAY, local
    delay: dt.timedelta = dt.timedelta(0)  # AFTER_DEADLINE


# House defaults after the brief "remind at half the time and on the deadline day"; none is in a regulation.
HALF_TIME = ReminderStep("half_time", StepKind.ELAPSED_SHARE, share=Fraction(1, 2))
DEADLINE_DAY = ReminderStep("deadline_day", StepKind.DEADLINE_DAY, time_of_day=dt.time(8, 0))  # offices open at 8
OVERDUE = ReminderStep("overdue", StepKind.AFTER_DEADLINE, delay=dt.timedelta(hours=1))  # acks still in flight
DEFAULT_STEPS = (HALF_TIME, DEADLINE_DAY, OVERDUE)
REMINDER_SCHEDULE: Mapping[Priority, tuple[ReminderStep, ...]] = dict.fromkeys(Priority, DEFAULT_STEPS)


@dataclass(frozen=True)
class Circular:
    id: str
    title: str
    sender: str  # the sending office's code (or its unit path)
    priority: Priority
    sent_at: dt.datetime
    deadline_at: dt.datetime  # acknowledgement is due by this moment
    recipients: tuple[str, ...]

    def __post_init__(self) -> None:
        require_aware(self.sent_at, "sent_at")
        require_aware(self.deadline_at, "deadline_at")
        if self.deadline_at <= self.sent_at:
            raise InvalidCircular("مهلت بخشنامه باید پس از زمان ارسال آن باشد.", details={"path": "deadline_at"})
        if not self.recipients or len(set(self.recipients)) != len(self.recipients):
            raise InvalidCircular("گیرندگان بخشنامه باید دست‌کم یکی و بی‌تکرار باشند.", details={"path": "recipients"})
        if self.sender in self.recipients:
            raise InvalidCircular("فرستنده نمی‌تواند گیرندهٔ بخشنامهٔ خود باشد.", details={"path": "recipients"})


@dataclass(frozen=True)
class Receipt:
    """What happened to the circular at one recipient; each moment implies the ones before it."""

    recipient: str
    delivered_at: dt.datetime | None = None
    read_at: dt.datetime | None = None
    acknowledged_at: dt.datetime | None = None

    def __post_init__(self) -> None:
        chain = [
            ("delivered_at", self.delivered_at),
            ("read_at", self.read_at),
            ("acknowledged_at", self.acknowledged_at),
        ]
        previous: dt.datetime | None = None
        for i, (field, moment) in enumerate(chain):
            if moment is None:
                if any(later is not None for _, later in chain[i + 1 :]):
                    raise InvalidCircular("رسید بخشنامه مرحله‌ای را جا انداخته است.", details={"path": field})
                return
            require_aware(moment, field)
            if previous is not None and moment < previous:
                raise InvalidCircular("زمان‌های رسید بخشنامه به ترتیب نیستند.", details={"path": field})
            previous = moment

    def stage_at(self, at: dt.datetime) -> Stage:
        if self.acknowledged_at is not None and self.acknowledged_at <= at:
            return Stage.ACKNOWLEDGED
        if self.read_at is not None and self.read_at <= at:
            return Stage.READ
        if self.delivered_at is not None and self.delivered_at <= at:
            return Stage.DELIVERED
        return Stage.SENT


@dataclass(frozen=True)
class RecipientState:
    recipient: str
    stage: Stage
    is_late: bool  # still waiting and past the deadline
    acknowledged_late: bool  # acknowledged, but after the deadline


@dataclass(frozen=True)
class CircularStatus:
    circular_id: str
    at: dt.datetime
    recipients: tuple[RecipientState, ...]  # in the circular's order

    @property
    def unacknowledged(self) -> tuple[str, ...]:
        return tuple(r.recipient for r in self.recipients if r.stage is not Stage.ACKNOWLEDGED)

    @property
    def late(self) -> tuple[str, ...]:
        return tuple(r.recipient for r in self.recipients if r.is_late)

    def count(self, stage: Stage) -> int:
        return sum(1 for r in self.recipients if r.stage is stage)


@dataclass(frozen=True)
class Reminder:
    key: str  # circular:recipient:step — record it when sent; it is never returned again
    circular_id: str
    recipient: str
    step: str
    due_at: dt.datetime
    stage: Stage  # how far the recipient got: a circular never delivered may need another channel
    message: str


def circular_status(circular: Circular, receipts: Iterable[Receipt], *, at: dt.datetime) -> CircularStatus:
    """Every recipient's stage at the moment ``at``, and who is late."""
    require_aware(at, "at")
    by_recipient = _receipts(circular, receipts)
    states = []
    for recipient in circular.recipients:
        receipt = by_recipient.get(recipient, Receipt(recipient))
        stage = receipt.stage_at(at)
        acked = receipt.acknowledged_at
        states.append(
            RecipientState(
                recipient=recipient,
                stage=stage,
                is_late=stage is not Stage.ACKNOWLEDGED and at > circular.deadline_at,
                acknowledged_late=stage is Stage.ACKNOWLEDGED and acked is not None and acked > circular.deadline_at,
            )
        )
    return CircularStatus(circular_id=circular.id, at=at, recipients=tuple(states))


def reminder_plan(
    circular: Circular,
    schedule: Mapping[Priority, tuple[ReminderStep, ...]] = REMINDER_SCHEDULE,
    tz: dt.tzinfo = TEHRAN,
) -> tuple[tuple[ReminderStep, dt.datetime], ...]:
    """The steps that apply to this circular with their moments, earliest first."""
    timed = [(step, _moment(circular, step, tz)) for step in schedule[circular.priority]]
    kept = [(i, step, moment) for i, (step, moment) in enumerate(timed) if moment > circular.sent_at]
    return tuple((step, moment) for _, step, moment in sorted(kept, key=lambda t: (t[2], t[0])))


def due_reminders(
    circular: Circular,
    receipts: Iterable[Receipt],
    *,
    at: dt.datetime,
    sent_keys: Collection[str] = (),
    schedule: Mapping[Priority, tuple[ReminderStep, ...]] = REMINDER_SCHEDULE,
    tz: dt.tzinfo = TEHRAN,
) -> tuple[Reminder, ...]:
    """The reminders to send at ``at``: one per waiting recipient at most, none whose key was sent."""
    reached = [(step, moment) for step, moment in reminder_plan(circular, schedule, tz) if moment <= at]
    if not reached:
        return ()
    step, moment = reached[-1]
    status = circular_status(circular, receipts, at=at)
    reminders = []
    for state in status.recipients:
        key = reminder_key(circular.id, state.recipient, step.code)
        if state.stage is Stage.ACKNOWLEDGED or key in sent_keys:
            continue
        reminders.append(
            Reminder(key, circular.id, state.recipient, step.code, moment, state.stage, _message(circular, step, tz))
        )
    return tuple(reminders)


def next_reminder_at(
    circular: Circular,
    receipts: Iterable[Receipt],
    *,
    at: dt.datetime,
    schedule: Mapping[Priority, tuple[ReminderStep, ...]] = REMINDER_SCHEDULE,
    tz: dt.tzinfo = TEHRAN,
) -> dt.datetime | None:
    """When the next reminder falls due after ``at``; None when none will (all acknowledged, or steps used)."""
    if not circular_status(circular, receipts, at=at).unacknowledged:
        return None
    return next((moment for _, moment in reminder_plan(circular, schedule, tz) if moment > at), None)


def reminder_key(circular_id: str, recipient: str, step: str) -> str:
    return f"{circular_id}:{recipient}:{step}"


def _receipts(circular: Circular, receipts: Iterable[Receipt]) -> dict[str, Receipt]:
    by_recipient: dict[str, Receipt] = {}
    for r in receipts:
        if r.recipient not in circular.recipients:
            raise InvalidCircular(f"«{r.recipient}» گیرندهٔ این بخشنامه نیست.", details={"path": "receipts"})
        if r.recipient in by_recipient:
            raise InvalidCircular(f"برای «{r.recipient}» دو رسید آمده است.", details={"path": "receipts"})
        by_recipient[r.recipient] = r
    return by_recipient


def _moment(circular: Circular, step: ReminderStep, tz: dt.tzinfo) -> dt.datetime:
    if step.kind is StepKind.ELAPSED_SHARE:
        window = circular.deadline_at - circular.sent_at
        return circular.sent_at + window * step.share.numerator / step.share.denominator
    if step.kind is StepKind.DEADLINE_DAY:
        local = circular.deadline_at.astimezone(tz)
        opening = dt.datetime.combine(local.date(), step.time_of_day, tzinfo=tz)
        return min(opening, circular.deadline_at)
    return circular.deadline_at + step.delay


def _message(circular: Circular, step: ReminderStep, tz: dt.tzinfo) -> str:
    deadline = format_datetime(circular.deadline_at, tz)
    if step.kind is StepKind.AFTER_DEADLINE:
        return f"مهلت تأیید بخشنامهٔ «{circular.title}» ({deadline}) گذشته است؛ لطفاً دریافت آن را تأیید کنید."
    return f"یادآوری: دریافت بخشنامهٔ «{circular.title}» ({circular.priority.label}) را تا {deadline} تأیید کنید."
