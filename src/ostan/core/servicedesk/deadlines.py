"""Response deadlines in Jalali working days, with the clock stopped while the citizen is awaited.

The rules (all days are local days in ``tz``, normally Asia/Tehran; moments are aware datetimes):

- **Start.** The registration day never counts, even when registered at 07:00: counting starts on the
  first working day after it (a request registered on a Friday or on Nowruz starts on the next working
  day like any other).
- **Due.** A request with ``N`` working days is due on the ``N``-th working day after its registration
  day, at the end of that day: the moment the next local day begins. So it is overdue from 00:00 of
  the following day (whatever kind of day that is).
- **Pauses.** While the request awaits the citizen the clock stops. A pause from day ``P`` to day ``R``
  gives back the working days in ``(P, R]``: the day the question went out was the agency's, the day
  the answer came back is not (counting resumes the working day after, as on registration). A pause
  opened and closed on one day gives back nothing. A pause still open at ``at`` is counted as if it
  ended at ``at``, so the remaining days stand still while it lasts. A pause that begins after the
  request is already overdue gives nothing back: a late request stays late.
- **Remaining.** At a moment on day ``T`` the remaining working days are those in ``(T, due]``
  (signed: negative for the working days already past the due day). On the due day it is 0 and the
  request is not overdue yet; on a holiday right after the due day it is also 0 but overdue.
- **Reminder.** ``K`` working days before the due day: the working day from which ``K`` working days
  remain. When ``K >= N`` that is the first working day of the count.
- **Handling time** (for statistics): the working days from the registration day to the answer day,
  ``(registered, answered]``, less the working days given back by pauses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from ostan.core.servicedesk.calendar import WorkingCalendar
from ostan.core.servicedesk.errors import InvalidDeadline

# Officials quote 10 to 15 days for an answer (governance.md §1); a service's own figure overrides it.
DEFAULT_WORKING_DAYS = 10
DEFAULT_REMINDER_DAYS = 2


@dataclass(frozen=True)
class Pause:
    """An interval while the request awaited the citizen; ``ended_at`` is None while it lasts."""

    started_at: dt.datetime
    ended_at: dt.datetime | None = None

    def __post_init__(self) -> None:
        _require_aware(self.started_at, "started_at")
        if self.ended_at is not None:
            _require_aware(self.ended_at, "ended_at")
            if self.ended_at < self.started_at:
                raise InvalidDeadline("پایان توقف پیش از آغاز آن است.", details={"path": "ended_at"})


@dataclass(frozen=True)
class Deadline:
    """What a request's deadline depends on: when it was registered, its working days, its pauses."""

    registered_at: dt.datetime
    working_days: int
    pauses: tuple[Pause, ...] = ()

    def __post_init__(self) -> None:
        _require_aware(self.registered_at, "registered_at")
        if self.working_days < 1:
            raise InvalidDeadline("مهلت پاسخ باید دست‌کم یک روز کاری باشد.", details={"path": "working_days"})
        _check_pauses(self.registered_at, self.pauses)

    def with_pause(self, pause: Pause) -> Deadline:
        return Deadline(self.registered_at, self.working_days, (*self.pauses, pause))


@dataclass(frozen=True)
class DeadlineStatus:
    due_on: dt.date  # the last working day, local
    due_at: dt.datetime  # the moment it ends, UTC
    remaining_working_days: int
    is_overdue: bool
    is_paused: bool
    given_back_working_days: int
    reminder_on: dt.date


def _require_aware(moment: dt.datetime, path: str) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise InvalidDeadline("زمان باید با منطقهٔ زمانی داده شود.", details={"path": path})


def _check_pauses(registered_at: dt.datetime, pauses: Sequence[Pause]) -> None:
    previous_end: dt.datetime | None = registered_at
    for i, pause in enumerate(pauses):
        if previous_end is None:
            raise InvalidDeadline("تنها آخرین توقف می‌تواند باز باشد.", details={"path": f"pauses[{i - 1}]"})
        if pause.started_at < previous_end:
            raise InvalidDeadline(
                "توقف‌ها باید به ترتیب، بی‌هم‌پوشانی و پس از ثبت درخواست باشند.", details={"path": f"pauses[{i}]"}
            )
        previous_end = pause.ended_at


def _local_day(moment: dt.datetime, tz: dt.tzinfo) -> dt.date:
    return moment.astimezone(tz).date()


def end_of_day(day: dt.date, tz: dt.tzinfo) -> dt.datetime:
    """The moment ``day`` ends in ``tz`` (the start of the next local day), in UTC."""
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0), tzinfo=tz).astimezone(dt.UTC)


def due_on(deadline: Deadline, calendar: WorkingCalendar, *, tz: dt.tzinfo, at: dt.datetime | None = None) -> dt.date:
    """The last working day of the deadline, pauses given back; ``at`` closes an open pause for the count."""
    day = calendar.add_working_days(_local_day(deadline.registered_at, tz), deadline.working_days)
    for pause in deadline.pauses:
        if pause.started_at >= end_of_day(day, tz):
            break  # already overdue when the pause began: nothing is given back from here on
        day = calendar.add_working_days(day, _given_back(pause, calendar, tz=tz, at=at))
    return day


def due_at(
    deadline: Deadline, calendar: WorkingCalendar, *, tz: dt.tzinfo, at: dt.datetime | None = None
) -> dt.datetime:
    return end_of_day(due_on(deadline, calendar, tz=tz, at=at), tz)


def _given_back(pause: Pause, calendar: WorkingCalendar, *, tz: dt.tzinfo, at: dt.datetime | None) -> int:
    end = pause.ended_at
    if end is None:
        if at is None:
            raise InvalidDeadline("برای توقفی که هنوز باز است، لحظهٔ محاسبه (at) لازم است.", details={"path": "at"})
        _require_aware(at, "at")
        end = max(at, pause.started_at)
    return max(0, calendar.working_days_between(_local_day(pause.started_at, tz), _local_day(end, tz)))


def given_back_working_days(
    deadline: Deadline, calendar: WorkingCalendar, *, tz: dt.tzinfo, at: dt.datetime | None = None
) -> int:
    """Working days added to the deadline by its pauses (those that began before it ran out)."""
    plain = calendar.add_working_days(_local_day(deadline.registered_at, tz), deadline.working_days)
    return calendar.working_days_between(plain, due_on(deadline, calendar, tz=tz, at=at))


def remaining_working_days(deadline: Deadline, calendar: WorkingCalendar, *, at: dt.datetime, tz: dt.tzinfo) -> int:
    _require_aware(at, "at")
    return calendar.working_days_between(_local_day(at, tz), due_on(deadline, calendar, tz=tz, at=at))


def is_overdue(deadline: Deadline, calendar: WorkingCalendar, *, at: dt.datetime, tz: dt.tzinfo) -> bool:
    _require_aware(at, "at")
    return at >= due_at(deadline, calendar, tz=tz, at=at)


def reminder_on(
    deadline: Deadline,
    calendar: WorkingCalendar,
    *,
    tz: dt.tzinfo,
    before: int = DEFAULT_REMINDER_DAYS,
    at: dt.datetime | None = None,
) -> dt.date:
    """The working day from which ``before`` working days remain (never before the count's first day)."""
    if before < 0:
        raise InvalidDeadline("یادآوری باید چند روز کاری پیش از مهلت باشد.", details={"path": "before"})
    first = calendar.next_working_day(_local_day(deadline.registered_at, tz))
    return max(first, calendar.add_working_days(due_on(deadline, calendar, tz=tz, at=at), -before))


def is_reminder_due(
    deadline: Deadline,
    calendar: WorkingCalendar,
    *,
    at: dt.datetime,
    tz: dt.tzinfo,
    before: int = DEFAULT_REMINDER_DAYS,
) -> bool:
    _require_aware(at, "at")
    return _local_day(at, tz) >= reminder_on(deadline, calendar, tz=tz, before=before, at=at)


def status(
    deadline: Deadline,
    calendar: WorkingCalendar,
    *,
    at: dt.datetime,
    tz: dt.tzinfo,
    reminder_before: int = DEFAULT_REMINDER_DAYS,
) -> DeadlineStatus:
    """Everything a list of requests shows about one deadline at ``at``."""
    _require_aware(at, "at")
    day = due_on(deadline, calendar, tz=tz, at=at)
    ends = end_of_day(day, tz)
    return DeadlineStatus(
        due_on=day,
        due_at=ends,
        remaining_working_days=calendar.working_days_between(_local_day(at, tz), day),
        is_overdue=at >= ends,
        is_paused=bool(deadline.pauses) and deadline.pauses[-1].ended_at is None,
        given_back_working_days=given_back_working_days(deadline, calendar, tz=tz, at=at),
        reminder_on=reminder_on(deadline, calendar, tz=tz, before=reminder_before, at=at),
    )


def handling_working_days(
    registered_at: dt.datetime,
    answered_at: dt.datetime,
    calendar: WorkingCalendar,
    *,
    tz: dt.tzinfo,
    pauses: tuple[Pause, ...] = (),
) -> int:
    """Working days the agency spent: ``(registered, answered]`` less the days its pauses gave back."""
    _require_aware(registered_at, "registered_at")
    _require_aware(answered_at, "answered_at")
    _check_pauses(registered_at, pauses)
    if answered_at < registered_at:
        raise InvalidDeadline("پاسخ پیش از ثبت درخواست آمده است.", details={"path": "answered_at"})
    spent = calendar.working_days_between(_local_day(registered_at, tz), _local_day(answered_at, tz))
    # A pause still open (or closed only after the answer) ends with the answer.
    clipped = [
        Pause(p.started_at, min(p.ended_at or answered_at, answered_at)) for p in pauses if p.started_at < answered_at
    ]
    paused = sum(_given_back(p, calendar, tz=tz, at=None) for p in clipped)
    return max(0, spent - paused)


def working_days_between(start: dt.date, end: dt.date, calendar: WorkingCalendar) -> int:
    """Working days in ``(start, end]`` (see ``calendar.py`` for the rule)."""
    return calendar.working_days_between(start, end)
