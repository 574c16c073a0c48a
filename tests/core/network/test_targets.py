"""Targets, attainment and trends, in both directions of good."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ostan.core.network.errors import InvalidPeriod
from ostan.core.network.indicators import Indicator
from ostan.core.network.periods import Period
from ostan.core.network.targets import Target, attainment, trend

from .catalogue import CATALOGUE, N1, Q1

LITERACY = CATALOGUE.get("literacy")  # higher is better
IMR = CATALOGUE.get("imr")  # lower is better


@pytest.mark.parametrize(
    ("indicator", "target", "baseline", "actual", "percent", "met"),
    [
        (LITERACY, 90, None, 81, Decimal("90.00"), False),
        (LITERACY, 90, 80, 85, Decimal("50.00"), False),  # half the way from 80 to 90
        (LITERACY, 90, 80, 95, Decimal("150.00"), True),
        (LITERACY, 90, 80, 75, Decimal("-50.00"), False),  # the wrong way
        (IMR, 10, 20, 15, Decimal("50.00"), False),  # half the way down from 20 to 10
        (IMR, 10, None, 20, Decimal("50.00"), False),
        (IMR, 10, None, 8, Decimal("125.00"), True),
        (IMR, 10, None, 0, None, True),  # a zero actual: the ratio is undefined, "met" still speaks
        (IMR, 10, 10, 9, None, True),  # target equal to baseline
    ],
)
def test_attainment(
    indicator: Indicator, target: int, baseline: int | None, actual: int, percent: Decimal | None, met: bool
) -> None:
    result = attainment(indicator, Target(indicator.code, N1, Q1, target, baseline), actual)
    assert (result.percent, result.is_met) == (percent, met)


def test_trend_skips_missing_periods_and_reads_the_direction() -> None:
    months = {
        Period.month(1405, 1): 20,
        Period.month(1405, 2): 15,
        Period.month(1405, 4): 15,
        Period.month(1405, 5): 18,
    }
    steps = trend(IMR, months)
    assert [s.compared_with for s in steps] == [
        None,
        Period.month(1405, 1),
        Period.month(1405, 2),
        Period.month(1405, 4),
    ]
    assert [s.change for s in steps] == [None, -5, 0, 3]
    assert [s.change_percent for s in steps] == [None, Decimal("-25.00"), Decimal("0.00"), Decimal("20.00")]
    assert [s.is_better for s in steps] == [None, True, None, False]  # fewer infant deaths is better
    assert trend(LITERACY, {Period.month(1405, 1): 0, Period.month(1405, 2): 5})[1].change_percent is None


def test_trend_refuses_mixed_kinds() -> None:
    with pytest.raises(InvalidPeriod):
        trend(IMR, {Period.month(1405, 1): 1, Period.quarter(1405, 1): 1})


@given(st.integers(-1000, 1000), st.integers(-1000, 1000), st.integers(-1000, 1000))
def test_meeting_the_target_with_a_baseline_is_attaining_at_least_100(target: int, baseline: int, actual: int) -> None:
    indicator = LITERACY if target > baseline else IMR  # the target lies in the direction of good
    if target == baseline:
        return
    result = attainment(indicator, Target(indicator.code, N1, Q1, target, baseline), actual)
    assert result.percent is not None
    assert result.is_met == (result.percent >= 100)
