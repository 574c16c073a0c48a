"""The board's part of a unit's page: the constituencies in it whose results are published, with their
ballots and stations counted (public: the board is for everyone)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Sum

from ostan.core.access import Actor
from ostan.publication.models import ConstituencyResult
from ostan.publication.selectors import published_constituencies
from ostan.territory.models import Unit
from ostan.territory.scope import path_q

SHOWN = 5


@dataclass(frozen=True)
class ResultsSummary:
    published: int
    ballots: int
    latest: list[ConstituencyResult]


def unit_summary(*, actor: Actor, unit: Unit) -> ResultsSummary | None:
    rows = published_constituencies().filter(path_q(unit.path, "constituency__unit__path"))
    total = rows.count()
    if not total:
        return None
    ballots = rows.aggregate(n=Sum("ballots"))["n"] or 0
    latest = list(rows.order_by("-constituency__election_round__number", "-aggregated_at")[:SHOWN])
    return ResultsSummary(total, ballots, latest)
