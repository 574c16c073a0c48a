"""Which deadline alerts a request is due at a moment: a reminder to the holding organisation some working days
before its deadline, and an escalation to the inspection office once the deadline has passed.

Rules: nothing while the request awaits the citizen (its clock stands still) or once it is no longer the
organisation's to answer; each alert at most once per deadline (``sent`` names those already raised for the
current one; a reopening starts a new deadline); a request found already overdue is escalated without a late
reminder first.
"""

from __future__ import annotations

import datetime as dt
import enum

from ostan.core.servicedesk.calendar import WorkingCalendar
from ostan.core.servicedesk.deadlines import DEFAULT_REMINDER_DAYS, Deadline, status


class AlertKind(enum.StrEnum):
    REMINDER = "reminder"
    ESCALATION = "escalation"

    @property
    def label(self) -> str:
        return "یادآوری مهلت" if self is AlertKind.REMINDER else "ارجاع به بازرسی پس از مهلت"


def alerts_due(
    deadline: Deadline,
    calendar: WorkingCalendar,
    *,
    at: dt.datetime,
    tz: dt.tzinfo,
    sent: frozenset[AlertKind] = frozenset(),
    before: int = DEFAULT_REMINDER_DAYS,
    is_open: bool = True,
) -> tuple[AlertKind, ...]:
    """The alerts to raise now, in order (at most one of each kind)."""
    if not is_open:
        return ()
    now = status(deadline, calendar, at=at, tz=tz, reminder_before=before)
    if now.is_paused:
        return ()
    if now.is_overdue:
        return () if AlertKind.ESCALATION in sent else (AlertKind.ESCALATION,)
    if AlertKind.REMINDER in sent or at.astimezone(tz).date() < now.reminder_on:
        return ()
    return (AlertKind.REMINDER,)
