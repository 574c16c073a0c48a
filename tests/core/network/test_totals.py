"""Roll-ups from running totals give what the roll-up over every value gives, for every aggregation."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ostan.core.network.errors import PopulationUnknown
from ostan.core.network.indicators import IndicatorValue, rollup_indicator
from ostan.core.network.reporting import Report, reporting_completeness
from ostan.core.network.totals import Totals, finish, rollup_totals, unit_totals

from .catalogue import C1, C2, CATALOGUE, N1, N2, N3, POPULATIONS, PROVINCE, Q1, values

UNITS = (N1, N2, N3)
amounts = st.one_of(st.integers(0, 10_000), st.decimals(0, 1000, places=4, allow_nan=False, allow_infinity=False))
tables = st.dictionaries(st.sampled_from(UNITS), amounts, max_size=3)


def _through_totals(code: str, listed: list[IndicatorValue]) -> dict[str, tuple[Decimal | None, int]]:
    indicator = CATALOGUE.get(code)
    per_unit = unit_totals(indicator, listed, POPULATIONS)
    return {path: (finish(indicator, path, t).value, t.count) for path, t in rollup_totals(per_unit).items()}


def _directly(code: str, listed: list[IndicatorValue]) -> dict[str, tuple[Decimal | None, int]]:
    rolled = rollup_indicator(CATALOGUE, code, listed, period=Q1, populations=POPULATIONS)
    return {path: (r.value, r.reporting_units) for path, r in rolled.items()}


def test_worked_example_every_aggregation() -> None:
    for code in ("births", "infant_deaths", "imr", "literacy", "clinic_wait"):
        assert _through_totals(code, values()) == _directly(code, values()), code
    assert _through_totals("imr", values())[C1] == (Decimal("14.0000"), 2)  # (4 + 3) ÷ (400 + 100) × 1000
    assert _through_totals("literacy", values())[PROVINCE] == (
        Decimal("82.0000"),
        3,
    )  # (90×3000 + 60×1000 + 80×1000) ÷ 5000


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(births=tables, deaths=tables, literacy=tables, waits=tables)
def test_totals_finish_as_the_roll_up_over_every_value(
    births: dict[str, Decimal], deaths: dict[str, Decimal], literacy: dict[str, Decimal], waits: dict[str, Decimal]
) -> None:
    listed = [
        IndicatorValue(code, unit, Q1, value)
        for code, table in (
            ("births", births),
            ("infant_deaths", deaths),
            ("literacy", literacy),
            ("clinic_wait", waits),
        )
        for unit, value in table.items()
    ]
    for code in ("births", "infant_deaths", "imr", "literacy", "clinic_wait"):
        assert _through_totals(code, listed) == _directly(code, listed), code


@given(st.lists(st.tuples(st.integers(0, 50), amounts, st.integers(0, 5000)), max_size=6))
def test_totals_of_disjoint_groups_add_up(parts: list[tuple[int, Decimal, int]]) -> None:
    one = [Totals(1, v, v * p, p, 1 if p else 0) for _, v, p in parts]
    whole = sum(one, Totals())
    halves = sum(one[: len(one) // 2], Totals()) + sum(one[len(one) // 2 :], Totals())
    assert whole == halves
    assert whole.count == len(parts)


def test_a_weighted_mean_without_every_population_is_refused() -> None:
    indicator = CATALOGUE.get("literacy")
    with pytest.raises(PopulationUnknown):
        finish(indicator, C2, Totals(count=2, total=140, weighted=80_000, weight=1000, weighed=1))


def test_no_reporting_unit_gives_no_value() -> None:
    assert finish(CATALOGUE.get("imr"), C2, Totals()).value is None


@given(st.sets(st.tuples(st.sampled_from(UNITS), st.sampled_from([Q1, Q1.next(), Q1.next().next()]))))
def test_completeness_of_an_area_adds_up_its_units(cells: set[tuple[str, object]]) -> None:
    periods = [Q1, Q1.next(), Q1.next().next()]
    report = reporting_completeness(UNITS, periods, [Report(u, p) for u, p in cells])  # type: ignore[arg-type]
    for area in (C1, C2, PROVINCE):
        members = [u for u in UNITS if u.startswith(area + "/")]
        assert report.by_area[area].expected == len(members) * len(periods)
        assert report.by_area[area].reported == sum(report.by_unit[u].reported for u in members)
    assert report.overall.reported == len(cells) == sum(c.reported for c in report.by_period.values())
