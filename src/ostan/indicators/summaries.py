"""What the one page of a territorial unit shows of its indicators: a few figures the viewer may see and a
link into the indicators' pages (``indicators/_unit_summary.html`` draws it)."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from ostan.core.access import Actor
from ostan.core.network import Direction
from ostan.core.network.targets import is_met
from ostan.indicators.completeness import completeness
from ostan.indicators.dashboard import Row, dashboard
from ostan.territory.models import Unit


@dataclass(frozen=True)
class UnitSummary:
    unit_name: str
    period_label: str  # the latest month with a value at or under the unit; "" when none
    with_values: int  # indicators with a figure the viewer may see for that month
    poor: int  # of them, worse than their target (or the catalogue's poor threshold)
    reported: int | None  # neighbourhoods and villages that reported that month (None: not the viewer's to see)
    expected: int | None
    url: str  # the unit's indicators: its dashboard for officials, the catalogue for the public
    is_full: bool


def _is_poor(row: Row) -> bool:
    value = row.latest.value
    if value is None:
        return False
    limit = row.target if row.target is not None else row.indicator.poor_threshold
    return limit is not None and not is_met(Direction(row.indicator.direction), value, limit)


def unit_summary(*, actor: Actor, unit: Unit) -> UnitSummary:
    board = dashboard(actor=actor, area=unit)
    shown = [r for r in board.rows if r.latest.value is not None]
    reported = expected = None
    if board.is_full and board.month is not None:
        overall = completeness(area=unit, first=board.month, last=board.month).report.overall
        reported, expected = overall.reported, overall.expected
    url = reverse("indicators:dashboard", args=[unit.code]) if board.is_full else reverse("indicators:catalogue")
    return UnitSummary(
        unit_name=unit.name, period_label=board.month.label if board.month else "", with_values=len(shown),
        poor=sum(1 for r in shown if _is_poor(r)), reported=reported, expected=expected, url=url,
        is_full=board.is_full,
    )  # fmt: skip
