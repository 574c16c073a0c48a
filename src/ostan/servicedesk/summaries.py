"""The service desk's part of a unit's page: the requests in it the viewer's inbox reaches (a desk or the
inspection office for its units, an agency for its own), how many are open or overdue, and the share
answered on time (the statistics core's rule). Nothing for a viewer with no inbox."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from ostan.core.access import Actor
from ostan.servicedesk.permissions import READ_INBOX
from ostan.servicedesk.selectors import unit_figures
from ostan.territory.models import Unit


@dataclass(frozen=True)
class DeskSummary:
    requests: int
    open: int
    overdue: int
    on_time_share: Fraction | None

    @property
    def on_time_percent(self) -> float | None:
        return None if self.on_time_share is None else float(self.on_time_share * 100)


def unit_summary(*, actor: Actor, unit: Unit) -> DeskSummary | None:
    if READ_INBOX.reach_for(actor.role) is None and not actor.is_system:
        return None
    total, open_count, overdue, figures = unit_figures(actor, unit.path)
    return DeskSummary(total, open_count, overdue, figures.on_time_share)
