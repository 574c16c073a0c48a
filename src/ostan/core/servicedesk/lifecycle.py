"""A request's life as a table of transitions, and the one pure function that applies it.

States: ``registered`` (at the desk) → ``assigned`` (in an agency's inbox, کارتابل) → ``in_progress``
→ ``awaiting_citizen`` (the deadline paused) → ``answered`` → ``closed``. Besides: a referral (ارجاع)
moves the request to another agency's inbox (``assigned`` there) with a reason; an agency can return
it to the desk that routed it (``returned``) with a reason; the desk can close it as a duplicate of
another request (``merged``) or as outside every agency on the system (``not_ours``, naming the body
responsible); the citizen can reopen an answered or closed request within :data:`REOPEN_WINDOW` of its
answer, and the inspection office at any time.

Each :class:`Transition` row says from which states an event leads where, which sides may take it,
what the context must carry, what happens to the deadline and whether the citizen is told. The table
is data so that the documentation and the Open311 mapping are generated from it, never restated.

Deadline effects: ``pause`` opens a pause, ``resume`` closes it; ``stop`` (the request is answered or
settled) and ``restart`` (reopened: a fresh deadline from the moment of reopening) also close any
open pause. So a pause is open exactly while the request is ``awaiting_citizen``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from ostan.core.servicedesk.errors import (
    ReopenWindowClosed,
    RequirementMissing,
    SideNotAllowed,
    TransitionNotAllowed,
)
from ostan.core.text import normalize, to_persian_digits

# House policy (no published rule found): a citizen may contest an answer for 30 days after it.
REOPEN_WINDOW = dt.timedelta(days=30)


class State(StrEnum):
    REGISTERED = "registered"
    ASSIGNED = "assigned"
    IN_PROGRESS = "in_progress"
    AWAITING_CITIZEN = "awaiting_citizen"
    RETURNED = "returned"
    ANSWERED = "answered"
    CLOSED = "closed"
    MERGED = "merged"
    NOT_OURS = "not_ours"

    @property
    def label(self) -> str:
        """The staff's name for the state."""
        return _STATE_LABELS[self]


class Event(StrEnum):
    ASSIGN = "assign"
    ACCEPT = "accept"
    REFER = "refer"
    RETURN = "return"
    REQUEST_INFORMATION = "request_information"
    PROVIDE_INFORMATION = "provide_information"
    ANSWER = "answer"
    MERGE = "merge"
    DECLARE_NOT_OURS = "declare_not_ours"
    CLOSE = "close"
    REOPEN = "reopen"

    @property
    def label(self) -> str:
        return _EVENT_LABELS[self]


class Side(StrEnum):
    CITIZEN = "citizen"
    DESK = "desk"  # a service-desk clerk, also when acting for a citizen at the counter or on the phone
    AGENCY = "agency"
    INSPECTION = "inspection"
    SYSTEM = "system"

    @property
    def label(self) -> str:
        return _SIDE_LABELS[self]


class Requirement(StrEnum):
    REASON = "reason"
    TARGET_AGENCY = "target_agency"
    ANSWER = "answer"
    DUPLICATE_OF = "duplicate_of"

    @property
    def label(self) -> str:
        return _REQUIREMENT_LABELS[self]


class DeadlineEffect(StrEnum):
    NONE = "none"
    PAUSE = "pause"
    RESUME = "resume"
    STOP = "stop"
    RESTART = "restart"


@dataclass(frozen=True)
class Transition:
    event: Event
    sources: frozenset[State]
    target: State
    sides: frozenset[Side]
    requires: frozenset[Requirement] = frozenset()
    deadline: DeadlineEffect = DeadlineEffect.NONE
    is_citizen_notified: bool = False


def _row(
    event: Event,
    sources: set[State],
    target: State,
    sides: set[Side],
    requires: set[Requirement] | None = None,
    deadline: DeadlineEffect = DeadlineEffect.NONE,
    *,
    notify: bool = False,
) -> Transition:
    return Transition(event, frozenset(sources), target, frozenset(sides), frozenset(requires or ()), deadline, notify)


S, E, W, R, D = State, Event, Side, Requirement, DeadlineEffect
_OPEN_AT_AGENCY = {S.ASSIGNED, S.IN_PROGRESS}
_AT_DESK = {S.REGISTERED, S.RETURNED}

TRANSITIONS: tuple[Transition, ...] = (
    _row(E.ASSIGN, _AT_DESK, S.ASSIGNED, {W.DESK, W.SYSTEM}, {R.TARGET_AGENCY}),
    _row(E.ACCEPT, {S.ASSIGNED}, S.IN_PROGRESS, {W.AGENCY}),
    _row(
        E.REFER, _OPEN_AT_AGENCY, S.ASSIGNED, {W.AGENCY, W.DESK, W.INSPECTION}, {R.REASON, R.TARGET_AGENCY}, notify=True
    ),
    _row(E.RETURN, _OPEN_AT_AGENCY, S.RETURNED, {W.AGENCY}, {R.REASON}),
    _row(E.REQUEST_INFORMATION, {S.IN_PROGRESS}, S.AWAITING_CITIZEN, {W.AGENCY}, {R.REASON}, D.PAUSE, notify=True),
    _row(E.PROVIDE_INFORMATION, {S.AWAITING_CITIZEN}, S.IN_PROGRESS, {W.CITIZEN, W.DESK}, None, D.RESUME),
    _row(E.ANSWER, {S.IN_PROGRESS, S.AWAITING_CITIZEN}, S.ANSWERED, {W.AGENCY}, {R.ANSWER}, D.STOP, notify=True),
    _row(E.MERGE, _AT_DESK | _OPEN_AT_AGENCY, S.MERGED, {W.DESK}, {R.DUPLICATE_OF}, D.STOP, notify=True),
    _row(E.DECLARE_NOT_OURS, _AT_DESK, S.NOT_OURS, {W.DESK}, {R.TARGET_AGENCY}, D.STOP, notify=True),
    _row(E.CLOSE, {S.ANSWERED, S.MERGED, S.NOT_OURS}, S.CLOSED, {W.SYSTEM, W.DESK, W.CITIZEN}),
    _row(
        E.REOPEN,
        {S.ANSWERED, S.CLOSED},
        S.ASSIGNED,
        {W.CITIZEN, W.DESK, W.INSPECTION},
        {R.REASON},
        D.RESTART,
        notify=True,
    ),
)

del S, E, W, R, D

# Sides bound by the reopening window; the inspection office oversees answers at any time.
WINDOWED_SIDES = frozenset({Side.CITIZEN, Side.DESK})


@dataclass(frozen=True)
class Context:
    """Who acts and what they bring. ``at`` and ``answered_at`` matter to reopening only."""

    side: Side
    at: dt.datetime | None = None
    reason: str = ""
    target_agency: str | None = None
    answer: str = ""
    duplicate_of: str | None = None
    request_id: str | None = None
    agency: str | None = None  # the agency holding the request now, if any
    answered_at: dt.datetime | None = None  # the latest answer, if any


@dataclass(frozen=True)
class Outcome:
    state: State
    deadline: DeadlineEffect
    is_citizen_notified: bool
    agency: str | None  # who holds the request afterwards (None: the desk, or nobody once settled)
    transition: Transition


def find_transition(state: State, event: Event) -> Transition | None:
    for row in TRANSITIONS:
        if row.event is event and state in row.sources:
            return row
    return None


def events_from(state: State) -> tuple[Event, ...]:
    """The events that some side may take from ``state``, in table order."""
    return tuple(row.event for row in TRANSITIONS if state in row.sources)


def transition(state: State, event: Event, context: Context, *, reopen_window: dt.timedelta = REOPEN_WINDOW) -> Outcome:
    """Apply ``event`` to a request in ``state``, or refuse with a typed, Persian-worded error."""
    row = find_transition(state, event)
    if row is None:
        raise TransitionNotAllowed(
            f"درخواستی که «{state.label}» است، «{event.label}» نمی‌پذیرد.",
            details={"state": state.value, "event": event.value},
        )
    if context.side not in row.sides:
        raise SideNotAllowed(
            f"«{event.label}» در اختیار {context.side.label} نیست.",
            details={"event": event.value, "side": context.side.value},
        )
    _check_requirements(row, context)
    if event is Event.REOPEN:
        _check_reopening(context, reopen_window)
    agency = _agency_after(row, context)
    if row.target is State.ASSIGNED and agency is None:
        raise RequirementMissing(
            "درخواست باید در کارتابل دستگاهی باشد؛ دستگاه را نام ببرید.", details={"requirement": "agency"}
        )
    return Outcome(row.target, row.deadline, row.is_citizen_notified, agency, row)


def _check_requirements(row: Transition, context: Context) -> None:
    for requirement in sorted(row.requires):
        if not _has(requirement, context):
            raise RequirementMissing(
                f"برای «{row.event.label}» {requirement.label} لازم است.",
                details={"event": row.event.value, "requirement": requirement.value},
            )
    if row.event is Event.REFER and context.target_agency == context.agency:
        raise RequirementMissing(
            "ارجاع باید به دستگاهی جز دستگاه کنونی باشد.", details={"requirement": Requirement.TARGET_AGENCY.value}
        )
    if row.event is Event.MERGE and context.request_id is not None and context.duplicate_of == context.request_id:
        raise RequirementMissing(
            "درخواست را نمی‌توان تکرار خودش دانست.", details={"requirement": Requirement.DUPLICATE_OF.value}
        )


def _has(requirement: Requirement, context: Context) -> bool:
    value = {
        Requirement.REASON: context.reason,
        Requirement.TARGET_AGENCY: context.target_agency,
        Requirement.ANSWER: context.answer,
        Requirement.DUPLICATE_OF: context.duplicate_of,
    }[requirement]
    return bool(value and normalize(value))


def _check_reopening(context: Context, window: dt.timedelta) -> None:
    """Only an answered request reopens; the citizen's side must do it within ``window`` of the answer."""
    if context.answered_at is None:
        raise RequirementMissing("تنها درخواستی که پاسخ گرفته بازگشایی می‌شود.", details={"requirement": "answered_at"})
    if context.side not in WINDOWED_SIDES:
        return
    if context.at is None:
        raise RequirementMissing("برای بازگشایی، زمان درخواست بازگشایی لازم است.", details={"requirement": "at"})
    if not context.answered_at <= context.at <= context.answered_at + window:
        raise ReopenWindowClosed(
            f"مهلت اعتراض به پاسخ ({to_persian_digits(window.days)} روز پس از پاسخ) گذشته است؛"
            " درخواست تازه‌ای ثبت کنید.",
            details={"window_days": window.days},
        )


def _agency_after(row: Transition, context: Context) -> str | None:
    if row.event in (Event.ASSIGN, Event.REFER):
        return context.target_agency
    if row.target in (State.RETURNED, State.MERGED, State.NOT_OURS):
        return None
    return context.agency


_STATE_LABELS = {
    State.REGISTERED: "ثبت‌شده",
    State.ASSIGNED: "در کارتابل دستگاه",
    State.IN_PROGRESS: "در حال رسیدگی",
    State.AWAITING_CITIZEN: "در انتظار شهروند",
    State.RETURNED: "عودت‌شده به میز خدمت",
    State.ANSWERED: "پاسخ‌داده‌شده",
    State.CLOSED: "مختومه",
    State.MERGED: "ادغام‌شده",
    State.NOT_OURS: "خارج از صلاحیت",
}
_EVENT_LABELS = {
    Event.ASSIGN: "ارسال به دستگاه",
    Event.ACCEPT: "آغاز رسیدگی",
    Event.REFER: "ارجاع",
    Event.RETURN: "عودت",
    Event.REQUEST_INFORMATION: "درخواست اطلاعات از شهروند",
    Event.PROVIDE_INFORMATION: "ارسال اطلاعات شهروند",
    Event.ANSWER: "پاسخ",
    Event.MERGE: "ادغام با درخواست تکراری",
    Event.DECLARE_NOT_OURS: "اعلام خارج از صلاحیت",
    Event.CLOSE: "بستن",
    Event.REOPEN: "بازگشایی",
}
_SIDE_LABELS = {
    Side.CITIZEN: "شهروند",
    Side.DESK: "میز خدمت",
    Side.AGENCY: "دستگاه اجرایی",
    Side.INSPECTION: "بازرسی",
    Side.SYSTEM: "سامانه",
}
_REQUIREMENT_LABELS = {
    Requirement.REASON: "نوشتن دلیل",
    Requirement.TARGET_AGENCY: "نام دستگاه مقصد",
    Requirement.ANSWER: "متن پاسخ",
    Requirement.DUPLICATE_OF: "درخواستی که این درخواست تکرار آن است",
}


def transition_table() -> list[dict[str, object]]:
    """The table as plain data (for generated documentation and API discovery), one entry per row."""
    return [
        {
            "event": row.event.value,
            "event_label": row.event.label,
            "from": sorted(state.value for state in row.sources),
            "to": row.target.value,
            "sides": sorted(side.value for side in row.sides),
            "requires": sorted(requirement.value for requirement in row.requires),
            "deadline": row.deadline.value,
            "is_citizen_notified": row.is_citizen_notified,
        }
        for row in TRANSITIONS
    ]
