"""Reporting completeness (as DHIS2's reporting rates): of the reports expected, how many came, and in time.

Rules:

* Every expected unit owes one report for every period asked about: expected = units × periods. A
  report from a unit that is not expected is not counted (it is listed in ``unexpected``).
* A report is **on time** when it was submitted no later than ``deadline_days`` after the period's
  last day; with no deadline, timeliness is not measured (None).
* Completeness is given per period (with the missing units), per unit (with the periods it missed),
  per area (every ancestor of an expected unit: county, province, over all its units and periods) and
  overall. Percentages are rounded half-even to 0.01; with nothing expected there is none (None).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from ostan.core.network.paths import check_path, lineage
from ostan.core.network.periods import Period
from ostan.core.network.rounding import to_decimal


@dataclass(frozen=True)
class Report:
    unit_path: str
    period: Period
    submitted_on: dt.date | None = None

    def __post_init__(self) -> None:
        check_path(self.unit_path)


@dataclass(frozen=True)
class Completeness:
    expected: int
    reported: int
    on_time: int | None
    missing: tuple[str, ...]  # units (per period or area) or periods (per unit), canonical spellings

    @property
    def percent(self) -> Decimal | None:
        return None if not self.expected else to_decimal(Fraction(self.reported * 100, self.expected), Decimal("0.01"))

    @property
    def on_time_percent(self) -> Decimal | None:
        if not self.expected or self.on_time is None:
            return None
        return to_decimal(Fraction(self.on_time * 100, self.expected), Decimal("0.01"))


@dataclass(frozen=True)
class CompletenessReport:
    by_period: Mapping[Period, Completeness]
    by_unit: Mapping[str, Completeness]
    by_area: Mapping[str, Completeness]
    overall: Completeness
    unexpected: tuple[Report, ...]


def reporting_completeness(
    expected_units: Iterable[str],
    periods: Sequence[Period],
    reports: Iterable[Report],
    *,
    deadline_days: int | None = None,
) -> CompletenessReport:
    """Completeness of ``reports`` against every expected unit and period (rules in the module docstring)."""
    units = sorted({check_path(u) for u in expected_units})
    wanted = sorted(set(periods))
    received, unexpected = _received(units, wanted, reports, deadline_days)
    measured = deadline_days is not None
    areas: dict[str, list[str]] = defaultdict(list)
    for unit in units:
        for ancestor in lineage(unit):
            areas[ancestor].append(unit)
    return CompletenessReport(
        by_period={p: _tally([(u, p) for u in units], received, measured, _unit_of) for p in wanted},
        by_unit={u: _tally([(u, p) for p in wanted], received, measured, _period_of) for u in units},
        by_area={
            path: _tally([(u, p) for u in members for p in wanted], received, measured, _unit_of)
            for path, members in sorted(areas.items())
        },
        overall=_tally([(u, p) for u in units for p in wanted], received, measured, _unit_of),
        unexpected=tuple(unexpected),
    )


type Cell = tuple[str, Period]


def _received(
    units: Sequence[str], periods: Sequence[Period], reports: Iterable[Report], deadline_days: int | None
) -> tuple[dict[Cell, bool], list[Report]]:
    """Each received (unit, period) with whether any of its reports was on time; and the unexpected ones."""
    expected, wanted = set(units), set(periods)
    received: dict[Cell, bool] = {}
    unexpected: list[Report] = []
    for report in reports:
        if report.unit_path not in expected or report.period not in wanted:
            unexpected.append(report)
            continue
        cell = (report.unit_path, report.period)
        received[cell] = received.get(cell, False) or _is_on_time(report, deadline_days)
    return received, unexpected


def _is_on_time(report: Report, deadline_days: int | None) -> bool:
    if deadline_days is None or report.submitted_on is None:
        return False
    return report.submitted_on <= report.period.last_day + dt.timedelta(days=deadline_days)


def _unit_of(cell: Cell) -> str:
    return cell[0]


def _period_of(cell: Cell) -> str:
    return str(cell[1])


def _tally(
    cells: Sequence[Cell], received: Mapping[Cell, bool], measured: bool, label: Callable[[Cell], str]
) -> Completeness:
    return Completeness(
        expected=len(cells),
        reported=sum(1 for c in cells if c in received),
        on_time=sum(1 for c in cells if received.get(c)) if measured else None,
        missing=tuple(sorted({label(c) for c in cells if c not in received})),
    )
