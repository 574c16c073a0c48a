"""When polls take check-ins and ballots: the round's schedule, the station's state and the results.

A round's schedule is configuration (the 7th round was postponed; hours are often extended on the
day): an opening and a closing moment, either of which may be left unset. Unset, that side does not
limit voting; the station's own state (open until closed) and the announcement of its results still
do. One entry point, :func:`polls_refusal`; the caller turns the code into its domain error.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass


class PollsRefusal(enum.StrEnum):
    NOT_YET_OPEN = "polls_not_open"
    OVER = "polls_over"
    STATION_CLOSED = "station_closed"
    RESULTS_ANNOUNCED = "results_announced"


MESSAGES = {
    PollsRefusal.NOT_YET_OPEN: "رأی‌گیری هنوز آغاز نشده است؛ پذیرش رأی‌دهنده و رأی از ساعت آغاز برنامهٔ رأی‌گیری است.",
    PollsRefusal.OVER: "زمان رأی‌گیری بر پایهٔ برنامهٔ این دوره به پایان رسیده است؛ رأی‌دهندهٔ تازه و رأی پذیرفته نمی‌شود.",
    PollsRefusal.STATION_CLOSED: "این شعبه بسته شده است.",
    PollsRefusal.RESULTS_ANNOUNCED: "نتیجهٔ این حوزه اعلام شده است؛ رأی‌گیری در آن پایان یافته است.",
}


@dataclass(frozen=True)
class Schedule:
    """The round's polling hours; either end may be None (not limited on that side)."""

    opens_at: dt.datetime | None = None
    closes_at: dt.datetime | None = None

    def __post_init__(self) -> None:
        for moment in (self.opens_at, self.closes_at):
            if moment is not None and moment.tzinfo is None:
                raise ValueError("schedule moments must be timezone-aware")
        if self.opens_at is not None and self.closes_at is not None and self.closes_at <= self.opens_at:
            raise ValueError("polls must close after they open")


NO_GRACE = dt.timedelta(0)


def schedule_refusal(schedule: Schedule, now: dt.datetime, grace: dt.timedelta = NO_GRACE) -> PollsRefusal | None:
    """The schedule's verdict alone: before opening, at or after closing (plus ``grace``), or None (open)."""
    if schedule.opens_at is not None and now < schedule.opens_at:
        return PollsRefusal.NOT_YET_OPEN
    if schedule.closes_at is not None and now >= schedule.closes_at + grace:
        return PollsRefusal.OVER
    return None


def polls_refusal(
    schedule: Schedule,
    now: dt.datetime,
    *,
    is_station_open: bool,
    is_announced: bool,
    grace: dt.timedelta = NO_GRACE,
) -> PollsRefusal | None:
    """Why a check-in or a ballot at ``now`` must be refused, or None when polls take it.

    The order is the one a station official would explain it in: a closed station first, then results
    already announced, then the clock (``grace``: how long after the close a ballot is still taken)."""
    if not is_station_open:
        return PollsRefusal.STATION_CLOSED
    if is_announced:
        return PollsRefusal.RESULTS_ANNOUNCED
    return schedule_refusal(schedule, now, grace)
