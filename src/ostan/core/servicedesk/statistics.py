"""Figures over handled requests, for dashboards and the bench: handling time, punctuality, satisfaction.

Plain records in, plain numbers out; the app computes each record's handling time with
``deadlines.handling_working_days`` and its due moment with ``deadlines.due_at``.

- **Median handling time**: over answered requests, in working days (a half when the count is even).
- **Share answered on time**: answered by the due moment, over every request whose outcome is known at
  ``at`` — answered ones, and unanswered ones already past their due moment (late whatever happens).
  Unanswered requests still within their deadline are left out.
- **Satisfaction**: the survey's 1–5 score; mean and the count of each score, over answered surveys.

Every figure is ``None`` when nothing qualifies: "no data" is not "0%".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from ostan.core.servicedesk.errors import InvalidRecord

# The satisfaction survey asks for a score from 1 (very dissatisfied) to 5 (very satisfied).
SATISFACTION_SCORES = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class RequestRecord:
    registered_at: dt.datetime
    due_at: dt.datetime
    answered_at: dt.datetime | None = None
    handling_working_days: int | None = None  # set exactly when answered
    satisfaction: int | None = None

    def __post_init__(self) -> None:
        if (self.answered_at is None) != (self.handling_working_days is None):
            raise InvalidRecord("زمان پاسخ و مدت رسیدگی باید با هم داده شوند.", details={"path": "answered_at"})
        if self.handling_working_days is not None and self.handling_working_days < 0:
            raise InvalidRecord("مدت رسیدگی منفی است.", details={"path": "handling_working_days"})
        if self.satisfaction is not None and self.satisfaction not in SATISFACTION_SCORES:
            raise InvalidRecord("امتیاز رضایت باید از ۱ تا ۵ باشد.", details={"path": "satisfaction"})

    @property
    def is_answered(self) -> bool:
        return self.answered_at is not None

    def is_on_time(self, at: dt.datetime) -> bool | None:
        """True/False once known at ``at``; None while unanswered and still within its deadline."""
        if self.answered_at is not None:
            return self.answered_at < self.due_at
        return False if at >= self.due_at else None


@dataclass(frozen=True)
class DeskStatistics:
    requests: int
    answered: int
    median_handling_working_days: Fraction | None
    on_time_share: Fraction | None
    satisfaction_mean: Fraction | None
    satisfaction_counts: dict[int, int]


def median_handling_working_days(records: Iterable[RequestRecord]) -> Fraction | None:
    days = sorted(r.handling_working_days for r in records if r.handling_working_days is not None)
    if not days:
        return None
    middle = len(days) // 2
    if len(days) % 2:
        return Fraction(days[middle])
    return Fraction(days[middle - 1] + days[middle], 2)


def on_time_share(records: Iterable[RequestRecord], *, at: dt.datetime) -> Fraction | None:
    known = [verdict for verdict in (r.is_on_time(at) for r in records) if verdict is not None]
    return Fraction(sum(known), len(known)) if known else None


def satisfaction_counts(records: Iterable[RequestRecord]) -> dict[int, int]:
    counts = dict.fromkeys(SATISFACTION_SCORES, 0)
    for r in records:
        if r.satisfaction is not None:
            counts[r.satisfaction] += 1
    return counts


def satisfaction_mean(records: Iterable[RequestRecord]) -> Fraction | None:
    counts = satisfaction_counts(records)
    total = sum(counts.values())
    return Fraction(sum(score * n for score, n in counts.items()), total) if total else None


def summarize(records: Iterable[RequestRecord], *, at: dt.datetime) -> DeskStatistics:
    rows = list(records)
    counts = satisfaction_counts(rows)
    total = sum(counts.values())
    return DeskStatistics(
        requests=len(rows),
        answered=sum(1 for r in rows if r.is_answered),
        median_handling_working_days=median_handling_working_days(rows),
        on_time_share=on_time_share(rows, at=at),
        satisfaction_mean=Fraction(sum(s * n for s, n in counts.items()), total) if total else None,
        satisfaction_counts=counts,
    )
