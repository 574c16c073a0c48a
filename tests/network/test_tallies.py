"""The dashboard's database-side tallies agree with the exact core roll-up on generated plans."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from ostan.core.network import rollup_progress
from ostan.network import actions, records, tallies
from ostan.network.models import Action
from tests.actors import SYSTEM
from tests.network.conftest import make_net

plans_st = st.lists(
    st.lists(st.tuples(st.integers(0, 100), st.one_of(st.none(), st.integers(1, 10**9)), st.integers(-30, 30)),
             min_size=1, max_size=5),
    min_size=1, max_size=3,
)  # fmt: skip


class TalliesAgreeWithTheCore(TestCase):
    @settings(max_examples=5, deadline=None)
    @given(plans_st)
    def test_weighted_progress_and_statuses(self, plans: list[list[tuple[int, int | None, int]]]) -> None:
        net = make_net()
        Action.objects.all().delete()
        today = timezone.localdate()
        for i, members in enumerate(plans):
            plan = net.plan if i == 0 else actions.create_plan(
                actor=SYSTEM, council_id=net.council.pk, period=f"1405Q{i}", needs="n", goals="g")  # fmt: skip
            for progress, budget, shift in members:
                Action.objects.create(
                    plan=plan, unit=net.narmak, organisation=net.mosque, committee="health",
                    category="health_screening",
                    target_group="elderly", title="t", budget=budget, budget_source="popular",
                    starts_on=today + dt.timedelta(days=shift), ends_on=today + dt.timedelta(days=shift + 3),
                    progress=progress,
                )  # fmt: skip
        exact = rollup_progress(records.actions_under(net.narmak.path).records, today=today).units[net.narmak.path]
        fast = tallies.combined(tallies.tallies(net.world.county_a.path, today=today, by="unit__path").values())
        assert abs(fast.progress - exact.progress) <= Decimal("0.01")
        assert (fast.count, fast.done, fast.late, fast.planned, fast.running) == (
            exact.action_count,
            exact.counts.done,
            exact.counts.late,
            exact.counts.planned,
            exact.counts.running,
        )
