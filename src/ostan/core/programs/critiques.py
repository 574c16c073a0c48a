"""The share of critiques an office answered on time (governance.md §3: "each answered publicly within a
deadline; the share answered on time is reported per office").

Rules: a critique answered by its deadline counts on time; one answered after it, or still unanswered past
it, counts late; one still open inside its deadline is not judged yet and counts in neither. The share is
on time ÷ (on time + late), None when nothing has been judged — "no record" is not "0%".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from ostan.core.programs.moments import require_aware


@dataclass(frozen=True)
class CritiqueRecord:
    office: str
    due_at: dt.datetime | None
    answered_at: dt.datetime | None


@dataclass(frozen=True)
class OfficeTimeliness:
    office: str
    filed: int
    answered: int
    on_time: int
    late: int
    pending: int  # open and inside the deadline

    @property
    def on_time_share(self) -> Fraction | None:
        judged = self.on_time + self.late
        return Fraction(self.on_time, judged) if judged else None


def timeliness(records: Iterable[CritiqueRecord], *, at: dt.datetime) -> tuple[OfficeTimeliness, ...]:
    """One line per office, in office order, judged at the moment ``at`` (aware)."""
    require_aware(at, "at")
    counts: dict[str, list[int]] = {}
    for r in records:
        filed, answered, on_time, late, pending = counts.setdefault(r.office, [0, 0, 0, 0, 0])
        filed += 1
        if r.answered_at is not None:
            answered += 1
            if r.due_at is None or r.answered_at <= r.due_at:
                on_time += 1
            else:
                late += 1
        elif r.due_at is not None and at >= r.due_at:
            late += 1
        else:
            pending += 1
        counts[r.office] = [filed, answered, on_time, late, pending]
    return tuple(OfficeTimeliness(office, *numbers) for office, numbers in sorted(counts.items()))
