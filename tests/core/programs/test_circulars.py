"""Circulars from the governorate to district offices: receipts, lateness and idempotent reminders.

The worked circular is sent on 1 Mehr 1404 at 09:00 Tehran with a deadline of 5 Mehr at 14:00: 101 hours,
so half the time has passed on 3 Mehr at 11:30; the deadline day's reminder is at 08:00 on 5 Mehr and the
overdue one an hour after the deadline, at 15:00.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ostan.core.jalali import TEHRAN
from ostan.core.programs import (
    Circular,
    InvalidCircular,
    InvalidMoment,
    Priority,
    Receipt,
    Stage,
    circular_status,
    due_reminders,
    next_reminder_at,
    reminder_plan,
)


def mehr(day: int, hour: int, minute: int = 0) -> dt.datetime:
    """A moment in Mehr 1404 (1 Mehr = 23 September 2025), Tehran time."""
    return dt.datetime(2025, 9, 22, hour, minute, tzinfo=TEHRAN) + dt.timedelta(days=day)


CIRCULAR = Circular(
    id="c-1",
    title="آمادگی برای بازگشایی مدارس",
    sender="IR/IR-15",
    priority=Priority.URGENT,
    sent_at=mehr(1, 9),
    deadline_at=mehr(5, 14),
    recipients=("D-1", "D-2", "D-3"),
)
RECEIPTS = (
    Receipt("D-1", mehr(1, 9, 1), mehr(1, 10), mehr(1, 11)),
    Receipt("D-2", mehr(1, 9, 1), mehr(3, 12), mehr(5, 16)),  # acknowledged two hours late
    # D-3 has no receipt: never delivered.
)


def test_the_reminder_plan() -> None:
    assert [(step.code, moment) for step, moment in reminder_plan(CIRCULAR)] == [
        ("half_time", mehr(3, 11, 30)),
        ("deadline_day", mehr(5, 8)),
        ("overdue", mehr(5, 15)),
    ]


def test_who_has_what_at_a_moment() -> None:
    status = circular_status(CIRCULAR, RECEIPTS, at=mehr(3, 12))
    assert [(r.recipient, r.stage) for r in status.recipients] == [
        ("D-1", Stage.ACKNOWLEDGED),
        ("D-2", Stage.READ),
        ("D-3", Stage.SENT),
    ]
    assert status.unacknowledged == ("D-2", "D-3")
    assert status.late == ()
    assert status.count(Stage.ACKNOWLEDGED) == 1


def test_who_is_late_and_who_acknowledged_late() -> None:
    at_deadline = circular_status(CIRCULAR, RECEIPTS, at=mehr(5, 14))
    assert at_deadline.late == ()  # the deadline itself is still in time
    after = circular_status(CIRCULAR, RECEIPTS, at=mehr(5, 15))
    assert after.late == ("D-2", "D-3")
    later = circular_status(CIRCULAR, RECEIPTS, at=mehr(6, 9))
    assert later.late == ("D-3",)
    assert [r.acknowledged_late for r in later.recipients] == [False, True, False]


def test_reminders_step_by_step_and_never_twice() -> None:
    sent: set[str] = set()
    assert due_reminders(CIRCULAR, RECEIPTS, at=mehr(3, 11), sent_keys=sent) == ()  # before half time

    half = due_reminders(CIRCULAR, RECEIPTS, at=mehr(3, 12), sent_keys=sent)
    assert [(r.key, r.stage, r.due_at) for r in half] == [
        ("c-1:D-2:half_time", Stage.READ, mehr(3, 11, 30)),
        ("c-1:D-3:half_time", Stage.SENT, mehr(3, 11, 30)),
    ]
    assert (
        half[0].message
        == "یادآوری: دریافت بخشنامهٔ «آمادگی برای بازگشایی مدارس» (فوری) را تا ۱۴۰۴/۰۷/۰۵ ۱۴:۰۰ تأیید کنید."
    )
    sent |= {r.key for r in half}
    assert due_reminders(CIRCULAR, RECEIPTS, at=mehr(3, 12), sent_keys=sent) == ()  # the job ran twice
    assert due_reminders(CIRCULAR, RECEIPTS, at=mehr(4, 20), sent_keys=sent) == ()

    day_of = due_reminders(CIRCULAR, RECEIPTS, at=mehr(5, 9), sent_keys=sent)
    assert [r.key for r in day_of] == ["c-1:D-2:deadline_day", "c-1:D-3:deadline_day"]
    sent |= {r.key for r in day_of}

    overdue = due_reminders(CIRCULAR, RECEIPTS, at=mehr(5, 15, 30), sent_keys=sent)
    assert [r.key for r in overdue] == ["c-1:D-2:overdue", "c-1:D-3:overdue"]
    assert overdue[0].message.startswith("مهلت تأیید بخشنامهٔ «آمادگی برای بازگشایی مدارس» (۱۴۰۴/۰۷/۰۵ ۱۴:۰۰) گذشته")
    sent |= {r.key for r in overdue}
    assert due_reminders(CIRCULAR, RECEIPTS, at=mehr(9, 9), sent_keys=sent) == ()


def test_a_job_that_wakes_late_sends_only_the_latest_step() -> None:
    # Nobody ran the job until the deadline day: one reminder each, the deadline day's; half time is skipped.
    day_of = due_reminders(CIRCULAR, RECEIPTS, at=mehr(5, 10))
    assert [r.step for r in day_of] == ["deadline_day", "deadline_day"]
    # …and it is never sent afterwards.
    sent = {r.key for r in day_of}
    assert all(r.step == "overdue" for r in due_reminders(CIRCULAR, RECEIPTS, at=mehr(5, 16), sent_keys=sent))


def test_when_the_next_reminder_falls_due() -> None:
    assert next_reminder_at(CIRCULAR, RECEIPTS, at=mehr(1, 12)) == mehr(3, 11, 30)
    assert next_reminder_at(CIRCULAR, RECEIPTS, at=mehr(3, 11, 30)) == mehr(5, 8)
    assert next_reminder_at(CIRCULAR, RECEIPTS, at=mehr(5, 15)) is None
    everyone = [Receipt(r, mehr(1, 9, 1), mehr(1, 10), mehr(1, 11)) for r in CIRCULAR.recipients]
    assert next_reminder_at(CIRCULAR, everyone, at=mehr(1, 12)) is None


def circular(sent_at: dt.datetime, deadline_at: dt.datetime) -> Circular:
    return Circular("c-2", "گزارش فوری", "IR/IR-15", Priority.IMMEDIATE, sent_at, deadline_at, ("D-1",))


def test_a_circular_sent_on_its_deadline_day_has_no_deadline_day_reminder() -> None:
    plan = reminder_plan(circular(mehr(5, 9), mehr(5, 17)))
    assert [(s.code, m) for s, m in plan] == [("half_time", mehr(5, 13)), ("overdue", mehr(5, 18))]


def test_the_deadline_day_reminder_is_never_after_the_deadline() -> None:
    plan = reminder_plan(circular(mehr(1, 9), mehr(3, 7)))
    assert dict((s.code, m) for s, m in plan)["deadline_day"] == mehr(3, 7)


def test_the_deadline_day_is_the_day_in_tehran() -> None:
    # 22:00 UTC on 26 September is 01:30 on 27 September (5 Mehr) in Tehran.
    plan = reminder_plan(circular(mehr(1, 9), dt.datetime(2025, 9, 26, 22, tzinfo=dt.UTC)))
    assert dict((s.code, m) for s, m in plan)["deadline_day"] == mehr(5, 1, 30)  # the deadline itself


def test_priorities_are_labelled_and_ranked() -> None:
    assert [(p.label, p.rank) for p in Priority] == [("عادی", 3), ("فوری", 2), ("خیلی فوری", 1), ("آنی", 0)]


@pytest.mark.parametrize(
    ("build", "path"),
    [
        (lambda: circular(mehr(2, 9), mehr(2, 9)), "deadline_at"),
        (lambda: circular(dt.datetime(2025, 9, 23, 9), mehr(2, 9)), "sent_at"),
        (lambda: Circular("c", "ب", "S", Priority.NORMAL, mehr(1, 9), mehr(2, 9), ()), "recipients"),
        (lambda: Circular("c", "ب", "S", Priority.NORMAL, mehr(1, 9), mehr(2, 9), ("A", "A")), "recipients"),
        (lambda: Circular("c", "ب", "S", Priority.NORMAL, mehr(1, 9), mehr(2, 9), ("S",)), "recipients"),
        (lambda: Receipt("D-1", None, mehr(1, 10)), "delivered_at"),
        (lambda: Receipt("D-1", mehr(1, 10), None, mehr(1, 11)), "read_at"),
        (lambda: Receipt("D-1", mehr(1, 10), mehr(1, 9)), "read_at"),
        (lambda: circular_status(CIRCULAR, [Receipt("D-9")], at=mehr(2, 9)), "receipts"),
        (lambda: circular_status(CIRCULAR, [Receipt("D-1"), Receipt("D-1")], at=mehr(2, 9)), "receipts"),
    ],
)
def test_inconsistent_circulars_and_receipts_are_refused(build: object, path: str) -> None:
    with pytest.raises((InvalidCircular, InvalidMoment)) as error:
        build()  # type: ignore[operator]
    assert error.value.details == {"path": path}


@st.composite
def runs(draw: st.DrawFn) -> tuple[list[Receipt], list[dt.datetime]]:
    """Random acknowledgements over the window and a job run at random increasing moments."""
    span = int((CIRCULAR.deadline_at - CIRCULAR.sent_at).total_seconds() // 60) + 48 * 60
    receipts = []
    for recipient in CIRCULAR.recipients:
        minutes = sorted(draw(st.lists(st.integers(1, span), min_size=0, max_size=3)))
        moments = [CIRCULAR.sent_at + dt.timedelta(minutes=m) for m in minutes]
        receipts.append(Receipt(recipient, *moments))
    ticks = sorted(draw(st.lists(st.integers(0, span), min_size=1, max_size=12)))
    return receipts, [CIRCULAR.sent_at + dt.timedelta(minutes=m) for m in ticks]


@settings(max_examples=80, deadline=None)
@given(runs())
def test_reminders_are_idempotent_and_one_per_recipient_per_run(case: tuple[list[Receipt], list[dt.datetime]]) -> None:
    receipts, ticks = case
    steps = {step.code for step, _ in reminder_plan(CIRCULAR)}
    sent: list[str] = []
    for at in ticks:
        due = due_reminders(CIRCULAR, receipts, at=at, sent_keys=set(sent))
        waiting = set(circular_status(CIRCULAR, receipts, at=at).unacknowledged)
        assert len({r.recipient for r in due}) == len(due)
        assert all(r.recipient in waiting and r.step in steps and r.due_at <= at for r in due)
        sent += [r.key for r in due]
        assert due_reminders(CIRCULAR, receipts, at=at, sent_keys=set(sent)) == ()
    assert len(sent) == len(set(sent))
