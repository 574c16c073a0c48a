"""Small builders and hypothesis strategies shared by the network core's tests."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import strategies as st

from ostan.core.network.model import Action

DAY0 = dt.date(2026, 3, 21)  # 1 Farvardin 1405
UNITS = ("IR/IR-07/IR-07-01/N1", "IR/IR-07/IR-07-01/N2", "IR/IR-07/IR-07-02/N3")


def action(
    id: str,
    unit_path: str = UNITS[0],
    *,
    institution: str = "mosque",
    committee: str = "health",
    category: str = "screening",
    start: dt.date = DAY0,
    end: dt.date | None = None,
    progress: int | Decimal = 0,
    budget: int | None = None,
    weight: int | Decimal | None = None,
    plan_id: str | None = None,
    target_group: str | None = None,
    description: str = "",
) -> Action:
    return Action(
        id=id,
        unit_path=unit_path,
        institution=institution,
        committee=committee,
        category=category,
        start=start,
        end=end or start + dt.timedelta(days=90),
        progress=progress,
        budget=budget,
        weight=weight,
        plan_id=plan_id,
        target_group=target_group,
        description=description,
    )


@st.composite
def actions(draw: st.DrawFn, *, min_size: int = 1, max_size: int = 12) -> list[Action]:
    """Actions over three neighbourhoods in two counties, with plans, budgets and explicit weights mixed."""
    count = draw(st.integers(min_size, max_size))
    made = []
    for i in range(count):
        unit = draw(st.sampled_from(UNITS))
        plan = draw(st.sampled_from([None, "a", "b"]))
        start = DAY0 + dt.timedelta(days=draw(st.integers(0, 300)))
        made.append(
            action(
                f"x{i}",
                unit,
                start=start,
                end=start + dt.timedelta(days=draw(st.integers(0, 200))),
                progress=draw(st.integers(0, 100)),
                budget=draw(st.one_of(st.none(), st.integers(0, 10**9))),
                weight=draw(st.one_of(st.none(), st.none(), st.integers(1, 5))),
                plan_id=None if plan is None else f"{unit}#{plan}",
            )
        )
    return made
