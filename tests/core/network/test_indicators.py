"""Indicator catalogue and roll-ups: a worked example by hand, the refusals, and the invariants."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ostan.core.network.errors import InvalidIndicator, InvalidIndicatorValue, PopulationUnknown
from ostan.core.network.indicators import (
    Aggregation,
    Catalogue,
    Direction,
    Formula,
    Indicator,
    IndicatorValue,
    rollup_indicator,
    unit_values,
)
from ostan.core.network.periods import Period

from .catalogue import C1, C2, CATALOGUE, N1, N2, N3, POPULATIONS, PROVINCE, Q1, values


def test_sum_adds_up_the_tree() -> None:
    rolled = rollup_indicator(CATALOGUE, "births", values(), period=Q1)
    assert {p: r.value for p, r in rolled.items()} == {
        N1: 400,
        N2: 100,
        N3: 500,
        C1: 500,
        C2: 500,
        PROVINCE: 1000,
        "IR": 1000,
    }
    assert rolled[C1].reporting_units == 2


def test_a_ratio_rolls_up_as_a_ratio_of_sums_never_a_mean_of_ratios() -> None:
    rolled = rollup_indicator(CATALOGUE, "imr", values(), period=Q1)
    assert rolled[N1].value == Decimal("10.0000")  # 4 / 400 × 1000
    assert rolled[N2].value == Decimal("30.0000")
    assert rolled[C1].value == Decimal("14.0000")  # 7 / 500 × 1000, where the mean of 10 and 30 would say 20
    assert rolled[PROVINCE].value == Decimal("9.0000")  # 9 / 1000 × 1000
    assert (rolled[C1].numerator, rolled[C1].denominator) == (Decimal(7), Decimal(500))


def test_means() -> None:
    literacy = rollup_indicator(CATALOGUE, "literacy", values(), period=Q1, populations=POPULATIONS)
    assert literacy[C1].value == Decimal("82.5000")  # (90×3000 + 60×1000) / 4000
    assert literacy[PROVINCE].value == Decimal("82.0000")
    wait = rollup_indicator(CATALOGUE, "clinic_wait", values(), period=Q1)
    assert wait[C1].value == Decimal("4.0000")
    assert C2 not in wait  # N3 did not report it


def test_unit_values() -> None:
    assert unit_values(CATALOGUE, "imr", values(), Q1) == {N1: Decimal(10), N2: Decimal(30), N3: Decimal(4)}
    assert unit_values(CATALOGUE, "births", values(), Period.quarter(1405, 2)) == {}


def test_population_is_never_guessed() -> None:
    with pytest.raises(PopulationUnknown) as info:
        rollup_indicator(CATALOGUE, "literacy", values(), period=Q1, populations={N1: 3000})
    assert info.value.details == {"units": [N2, N3]}


def test_values_are_refused_when_they_would_count_twice() -> None:
    nested = [*values(), IndicatorValue("births", C1, Q1, 500)]
    with pytest.raises(InvalidIndicatorValue):
        rollup_indicator(CATALOGUE, "births", nested, period=Q1)
    # Not fooled by a sibling whose code sorts between a unit and its child ("-" sorts before "/").
    tricky = [IndicatorValue("births", p, Q1, 1) for p in ("IR/A", "IR/A-1", "IR/A/B")]
    with pytest.raises(InvalidIndicatorValue):
        rollup_indicator(CATALOGUE, "births", tricky, period=Q1)
    with pytest.raises(InvalidIndicatorValue):
        rollup_indicator(CATALOGUE, "births", [*values(), IndicatorValue("births", N1, Q1, 1)], period=Q1)
    with pytest.raises(InvalidIndicatorValue):  # a ratio is computed, never entered
        rollup_indicator(CATALOGUE, "imr", [*values(), IndicatorValue("imr", N1, Q1, 10)], period=Q1)
    with pytest.raises(InvalidIndicatorValue):
        rollup_indicator(CATALOGUE, "unknown", values(), period=Q1)


def test_catalogue_consistency() -> None:
    births = CATALOGUE.get("births")
    with pytest.raises(InvalidIndicator):
        Catalogue((births, births))
    with pytest.raises(InvalidIndicator):  # a formula over a mean
        Catalogue(
            (
                births,
                CATALOGUE.get("literacy"),
                Indicator("x", "x", "", Direction.HIGHER, Aggregation.RATIO, "", formula=Formula("literacy", "births")),
            )
        )
    with pytest.raises(InvalidIndicator):  # a ratio without a formula
        Indicator("x", "x", "", Direction.HIGHER, Aggregation.RATIO, "")
    with pytest.raises(InvalidIndicator):  # a formula on a sum
        Indicator("x", "x", "", Direction.HIGHER, Aggregation.SUM, "", formula=Formula("a", "b"))
    with pytest.raises(InvalidIndicator):
        Indicator("x", "x", "", Direction.HIGHER, Aggregation.SUM, "", suppress_below=1)


leaf_values = st.dictionaries(st.sampled_from([N1, N2, N3, "IR/IR-08/IR-08-01/N9"]), st.integers(0, 10_000), min_size=1)


@given(leaf_values, leaf_values)
def test_ratio_roll_up_is_the_ratio_of_the_sums(deaths: dict[str, int], births: dict[str, int]) -> None:
    made = [IndicatorValue("infant_deaths", u, Q1, v) for u, v in deaths.items()]
    made += [IndicatorValue("births", u, Q1, v) for u, v in births.items()]
    rolled = rollup_indicator(CATALOGUE, "imr", made, period=Q1)
    both = [u for u in deaths if u in births]
    top, bottom = sum(deaths[u] for u in both), sum(births[u] for u in both)
    if both:
        assert rolled["IR"].value == (
            None if bottom == 0 else (Decimal(top) * 1000 / bottom).quantize(Decimal("0.0001"))
        )
    else:
        assert rolled == {}


@given(leaf_values)
def test_a_mean_stays_between_its_parts_and_equal_populations_give_the_plain_mean(table: dict[str, int]) -> None:
    made = [IndicatorValue(code, u, Q1, v) for u, v in table.items() for code in ("literacy", "clinic_wait")]
    plain = rollup_indicator(CATALOGUE, "clinic_wait", made, period=Q1)
    weighted = rollup_indicator(CATALOGUE, "literacy", made, period=Q1, populations=dict.fromkeys(table, 7))
    assert {p: r.value for p, r in plain.items()} == {p: r.value for p, r in weighted.items()}
    for node in plain.values():
        assert node.value is not None
        assert min(table.values()) <= node.value <= max(table.values())
