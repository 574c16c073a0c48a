"""The dashboard's progress figures from the database's sums, for a county or a province at full size.

Why: the core's roll-up (``ostan.core.network.progress``) sums exact fractions action by action; over a
province's 100,000 actions that took some 15–30 s on the shared machine (``bench/bench_network.py``,
docs/performance.md), far from a page. The weight rule needs only per-plan sums, which the database
computes in one grouped query: inside a plan whose every action has a positive budget an action weighs
``budget × n ÷ Σbudget``, so the plan's weighted progress is ``Σ(progress × budget) × n ÷ Σbudget`` with
weight ``n``; otherwise it is ``Σprogress`` with weight ``n``. Plans (or plan × institution groups) are
then combined in floating point (``math.fsum``): the shown figures (two decimals) agree with the exact
core to within 0.01 — ``tests/network/test_tallies.py`` compares them on generated plans. Statuses follow
the core's rule (done at 100 %; late after the end day; planned before the start day; else running).
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

from django.db.models import Count, F, Q, Sum

from ostan.network import records
from ostan.network.models import Action

PLACES = Decimal("0.01")


@dataclass
class Tally:
    """Weighted progress of a group of actions with its status counts."""

    weight: list[float] = field(default_factory=list)
    weighted: list[float] = field(default_factory=list)
    count: int = 0
    done: int = 0
    late: int = 0
    planned: int = 0

    @property
    def running(self) -> int:
        return self.count - self.done - self.late - self.planned

    @property
    def progress(self) -> Decimal:
        total = math.fsum(self.weight)
        share = math.fsum(self.weighted) / total if total else 0.0
        return Decimal(repr(share)).quantize(PLACES, rounding=ROUND_HALF_EVEN)


def _plans(rows: Iterable[Mapping[str, Any]]) -> dict[int, tuple[int, int, bool]]:
    """Each plan's action count, budget sum and whether every action has a positive budget."""
    return {int(r["plan_id"]): (int(r["n"]), int(r["budget_sum"] or 0), int(r["unbudgeted"]) == 0) for r in rows}


def tallies(path: str, *, today: dt.date, by: str) -> dict[object, Tally]:
    """Tallies of the live actions under ``path``, keyed by ``by`` (``"unit__path"`` or ``"organisation__name"``)."""
    live = Action.objects.filter(records.under_q(path), merged_into__isnull=True)
    plans = _plans(
        live.values("plan_id").annotate(
            n=Count("pk"),
            budget_sum=Sum("budget"),
            unbudgeted=Count("pk", filter=Q(budget__isnull=True) | Q(budget__lte=0)),
        )
    )
    open_ = Q(progress__lt=100)
    groups = live.values("plan_id", by).annotate(
        c=Count("pk"), p=Sum("progress"), b=Sum("budget"), pb=Sum(F("progress") * F("budget")),
        done=Count("pk", filter=Q(progress=100)), late=Count("pk", filter=open_ & Q(ends_on__lt=today)),
        planned=Count("pk", filter=open_ & Q(ends_on__gte=today, starts_on__gt=today)),
    )  # fmt: skip
    found: dict[object, Tally] = defaultdict(Tally)
    for g in groups:
        n, budget, budgeted = plans[int(g["plan_id"])]
        tally = found[g[by]]
        if budgeted and budget > 0:
            scale = n / budget
            tally.weight.append(float(g["b"] or 0) * scale)
            tally.weighted.append(float(g["pb"] or 0) * scale)
        else:
            tally.weight.append(float(g["c"]))
            tally.weighted.append(float(g["p"] or 0))
        tally.count += int(g["c"])
        tally.done += int(g["done"])
        tally.late += int(g["late"])
        tally.planned += int(g["planned"])
    return dict(found)


def combined(parts: Iterable[Tally]) -> Tally:
    total = Tally()
    for part in parts:
        total.weight += part.weight
        total.weighted += part.weighted
        total.count += part.count
        total.done += part.done
        total.late += part.late
        total.planned += part.planned
    return total
