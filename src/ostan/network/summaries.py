"""The network's part of a unit's one page: a few figures the viewer may see, and a link into the network.

``unit_summary`` answers None when the viewer may not read the network at that unit, so the unit's page
shows nothing of it rather than a refusal."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

from ostan.core.access import Actor, allows
from ostan.core.network import rollup_progress
from ostan.network import records
from ostan.network.models import Council, Overlap
from ostan.network.permissions import READ_COORDINATION, READ_NETWORK
from ostan.network.selectors import crises_covering
from ostan.territory.models import Unit
from ostan.territory.scope import target_of


@dataclass(frozen=True)
class UnitSummary:
    councils: int
    actions: int
    institutions: int
    progress: Decimal | None  # weighted progress of the unit's actions (docs/network.md), None with none
    late: int
    open_overlaps: int | None  # None: the viewer does not see coordination figures
    active_crises: int
    href: str


def unit_summary(*, actor: Actor, unit: Unit) -> UnitSummary | None:
    if not allows(actor, READ_NETWORK, target_of(unit)):
        return None
    loaded = records.actions_under(unit.path)
    node = rollup_progress(loaded.records, today=timezone.localdate()).units.get(unit.path) if loaded.records else None
    sees_coordination = allows(actor, READ_COORDINATION, target_of(unit))
    return UnitSummary(
        councils=Council.objects.filter(records.under_q(unit.path)).count(),
        actions=len(loaded.records),
        institutions=len({r.institution for r in loaded.records}),
        progress=node.progress if node else None,
        late=node.counts.late if node else 0,
        open_overlaps=Overlap.objects.filter(records.under_q(unit.path), decision="").count()
        if sees_coordination
        else None,
        active_crises=crises_covering(unit).count(),
        href=reverse("network:unit", args=[unit.code]),
    )
