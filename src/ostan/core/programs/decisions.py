"""Meetings' decisions (مصوبات جلسه): each with an owner and a due day; their status at a moment.

Rules: a decision is **done** from the local day it was done on (done after its due day, it is still done,
and counted as ``done_late``); otherwise it is **late** from the day after its due day, and **open** until
then. The per-owner summary lists owners with the most late decisions first, then the longest delay, then
the most open, then by name, so a meeting's follow-up starts with who is furthest behind.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from ostan.core.programs.errors import InvalidDecision
from ostan.core.programs.moments import TEHRAN, local_day


class DecisionStatus(StrEnum):
    OPEN = "open"
    LATE = "late"
    DONE = "done"

    @property
    def label(self) -> str:
        return {"open": "در جریان", "late": "معوق", "done": "انجام شده"}[self.value]


@dataclass(frozen=True)
class Decision:
    id: str
    title: str
    owner: str  # the responsible agency or post, as the meeting named it
    due_on: dt.date
    done_on: dt.date | None = None
    meeting_id: str = ""

    def __post_init__(self) -> None:
        if not self.title.strip():
            raise InvalidDecision("مصوبه عنوان ندارد.", details={"path": "title"})
        if not self.owner.strip():
            raise InvalidDecision(f"مصوبهٔ «{self.title}» مسئول ندارد.", details={"path": "owner"})

    def status_on(self, day: dt.date) -> DecisionStatus:
        if self.done_on is not None and self.done_on <= day:
            return DecisionStatus.DONE
        return DecisionStatus.LATE if day > self.due_on else DecisionStatus.OPEN

    def days_late_on(self, day: dt.date) -> int:
        """Days past the due day: until done, or until ``day`` while not done; 0 when in time."""
        end = self.done_on if self.done_on is not None and self.done_on <= day else day
        return max((end - self.due_on).days, 0)


@dataclass(frozen=True)
class OwnerSummary:
    owner: str
    open: int
    late: int
    done: int
    done_late: int  # of ``done``, those finished after their due day
    most_days_late: int  # the longest delay among the late ones still open; 0 when none

    @property
    def total(self) -> int:
        return self.open + self.late + self.done


def decision_status(decision: Decision, *, at: dt.datetime, tz: dt.tzinfo = TEHRAN) -> DecisionStatus:
    return decision.status_on(local_day(at, tz))


def owner_summaries(
    decisions: Iterable[Decision], *, at: dt.datetime, tz: dt.tzinfo = TEHRAN
) -> tuple[OwnerSummary, ...]:
    """One line per owner, most late first."""
    day = local_day(at, tz)
    by_owner: dict[str, list[Decision]] = {}
    seen: set[str] = set()
    for d in decisions:
        if d.id in seen:
            raise InvalidDecision(f"مصوبهٔ «{d.id}» دو بار آمده است.", details={"path": "id"})
        seen.add(d.id)
        by_owner.setdefault(d.owner, []).append(d)
    summaries = [_summary(owner, items, day) for owner, items in by_owner.items()]
    return tuple(sorted(summaries, key=lambda s: (-s.late, -s.most_days_late, -s.open, s.owner)))


def _summary(owner: str, decisions: list[Decision], day: dt.date) -> OwnerSummary:
    statuses = [d.status_on(day) for d in decisions]
    done = [d for d, s in zip(decisions, statuses, strict=True) if s is DecisionStatus.DONE]
    late = [d for d, s in zip(decisions, statuses, strict=True) if s is DecisionStatus.LATE]
    return OwnerSummary(
        owner=owner,
        open=statuses.count(DecisionStatus.OPEN),
        late=len(late),
        done=len(done),
        done_late=sum(1 for d in done if d.days_late_on(day) > 0),
        most_days_late=max((d.days_late_on(day) for d in late), default=0),
    )
