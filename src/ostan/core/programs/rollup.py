"""Key projects rolled up by territory, and the "deprived areas first" ordering.

Rules:

- A project belongs to the unit on its path at the roll-up's depth: a project of district
  ``IR/IR-07/IR-07-01/D3`` counts for county ``IR/IR-07/IR-07-01`` and province ``IR/IR-07``. A project
  owned above that depth (a provincial project, in a county roll-up) belongs to no unit of it and is left out.
- Counts cover every status; **mean progress** is taken over the projects that have started (a project not
  started yet would pull the mean down for a reason nobody can act on), and is None when none has.
- **Deprived areas first**: a unit's deprivation is the score given for it, or else for its nearest unit
  above that has one (higher means more deprived). Scored units come before unscored ones, higher scores
  first; among equals the more urgent status first (late, at risk, …), then less progress, then path and id,
  so the order is total and stable.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from ostan.core.programs.status import Assessment, Status
from ostan.core.programs.unit_paths import COUNTY_DEPTH, PROVINCE_DEPTH, ancestor_at, check_path, is_within, lineage

type Score = Decimal | Fraction | int


@dataclass(frozen=True)
class StatusTally:
    unit_path: str
    counts: Mapping[Status, int]  # every status, zero when none
    mean_progress: Fraction | None  # over started projects

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def needing_attention(self) -> int:
        """Projects at risk or late."""
        return self.counts[Status.AT_RISK] + self.counts[Status.LATE]


def tally(assessments: Iterable[Assessment], unit_path: str) -> StatusTally:
    """Counts and mean progress of the projects within ``unit_path`` (the unit itself and below)."""
    check_path(unit_path)
    return _tally(unit_path, [a for a in assessments if is_within(a.unit_path, unit_path)])


def tally_by_depth(assessments: Iterable[Assessment], depth: int) -> tuple[StatusTally, ...]:
    """One tally per unit at ``depth`` that has projects, in path order."""
    groups: dict[str, list[Assessment]] = {}
    for a in assessments:
        unit = ancestor_at(a.unit_path, depth)
        if unit is not None:
            groups.setdefault(unit, []).append(a)
    return tuple(_tally(unit, groups[unit]) for unit in sorted(groups))


def tally_by_county(assessments: Iterable[Assessment]) -> tuple[StatusTally, ...]:
    return tally_by_depth(assessments, COUNTY_DEPTH)


def tally_by_province(assessments: Iterable[Assessment]) -> tuple[StatusTally, ...]:
    return tally_by_depth(assessments, PROVINCE_DEPTH)


def _tally(unit_path: str, members: Sequence[Assessment]) -> StatusTally:
    counts = dict.fromkeys(Status, 0)
    for a in members:
        counts[a.status] += 1
    started = [a.progress for a in members if a.status is not Status.NOT_STARTED]
    mean = sum(started, Fraction(0)) / len(started) if started else None
    return StatusTally(unit_path=unit_path, counts=counts, mean_progress=mean)


def deprivation_of(unit_path: str, scores: Mapping[str, Score]) -> Score | None:
    """The score of ``unit_path``, or of its nearest unit above that has one; None if no unit on the line has."""
    for path in lineage(unit_path):
        if path in scores:
            return scores[path]
    return None


def deprived_first(
    assessments: Iterable[Assessment], scores: Mapping[str, Score], *, limit: int | None = None
) -> tuple[Assessment, ...]:
    """Projects ordered for attention: most deprived unit first, then most urgent status, least progress.

    With ``limit``, only the first ``limit`` of that order (the same ones, without sorting the rest)."""
    found: dict[str, Score | None] = {}

    def key(a: Assessment) -> tuple[bool, Fraction, int, Fraction, str, str]:
        if a.unit_path not in found:
            found[a.unit_path] = deprivation_of(a.unit_path, scores)
        score = found[a.unit_path]
        return (score is None, -Fraction(score or 0), -a.status.severity, a.progress, a.unit_path, a.project_id)

    if limit is not None:
        return tuple(heapq.nsmallest(limit, assessments, key=key))
    return tuple(sorted(assessments, key=key))


def deprived_units_first(tallies: Iterable[StatusTally], scores: Mapping[str, Score]) -> tuple[StatusTally, ...]:
    """Unit tallies ordered most deprived first, then most projects needing attention, then path."""

    def key(t: StatusTally) -> tuple[bool, Fraction, int, str]:
        score = deprivation_of(t.unit_path, scores)
        return (score is None, -Fraction(score or 0), -t.needing_attention, t.unit_path)

    return tuple(sorted(tallies, key=key))
