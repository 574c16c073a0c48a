"""The elections' part of a unit's page: its council (the members of its latest counted constituency) and
how many constituencies lie in it, as far as the viewer may see them (published, or in their scope)."""

from __future__ import annotations

from dataclasses import dataclass

from ostan.core.access import Actor
from ostan.elections.models import Constituency
from ostan.elections.selectors import can_see_unpublished, latest_count, visible_constituencies
from ostan.territory.models import Unit
from ostan.territory.scope import path_q

MEMBERS_SHOWN = 15


@dataclass(frozen=True)
class ElectionsSummary:
    constituencies: int
    published: int
    own: Constituency | None
    members: list[str]
    is_counted: bool


def unit_summary(*, actor: Actor, unit: Unit) -> ElectionsSummary | None:
    rows = visible_constituencies(actor).filter(path_q(unit.path, "unit__path"))
    total = rows.count()
    if not total:
        return None
    own = rows.filter(unit=unit).first()  # the latest round's comes first
    members: list[str] = []
    counted = False
    if own is not None and (own.is_published or can_see_unpublished(actor, own)):
        record = latest_count(own)
        if record is not None:
            counted = True
            candidates = record.result.get("candidates", []) if isinstance(record.result, dict) else []
            members = [str(c["name"]) for c in candidates if c.get("status") == "member"][:MEMBERS_SHOWN]
    published = rows.filter(results_published_at__isnull=False).count()
    return ElectionsSummary(total, published, own, members, counted)
