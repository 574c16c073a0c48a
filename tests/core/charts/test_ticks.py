"""Nice ticks: 1, 2 or 5 times a power of ten, covering the data in at most five intervals."""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ostan.core.charts import InvalidChart, nice_scale


def ticks(low: float | int, high: float | int, **kwargs: int) -> list[str]:
    return [str(t.normalize()) if t != 0 else "0" for t in nice_scale(low, high, **kwargs).ticks]


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [
        (0, 12840, ["0", "5E+3", "1E+4", "1.5E+4"]),  # a constituency's winning tally
        (0, 100, ["0", "2E+1", "4E+1", "6E+1", "8E+1", "1E+2"]),
        (0, 55, ["0", "2E+1", "4E+1", "6E+1"]),  # turnout by 20:00
        (0, 7, ["0", "2", "4", "6", "8"]),
        (0, 1, ["0", "0.2", "0.4", "0.6", "0.8", "1"]),
        (0, 0.37, ["0", "0.1", "0.2", "0.3", "0.4"]),
        (-3, 8, ["-5", "0", "5", "1E+1"]),
        (0, 13_267_637, ["0", "5E+6", "1E+7", "1.5E+7"]),  # Tehran province, 1395
    ],
)
def test_worked_examples(low: float, high: float, expected: list[str]) -> None:
    assert ticks(low, high) == expected


def test_a_single_value_or_all_zeros_still_gets_an_axis() -> None:
    assert ticks(0, 0) == ["0", "0.2", "0.4", "0.6", "0.8", "1"]
    assert ticks(42, 42) == ["0", "1E+1", "2E+1", "3E+1", "4E+1", "5E+1"]  # widened to reach zero
    assert ticks(-4, -4) == ["-4", "-3", "-2", "-1", "0"]


def test_refusals() -> None:
    with pytest.raises(InvalidChart):
        nice_scale(5, 1)
    with pytest.raises(InvalidChart):
        nice_scale(0, 1, max_intervals=1)
    with pytest.raises(InvalidChart):
        nice_scale(0, float("nan"))


values = st.decimals(min_value=-(10**9), max_value=10**9, allow_nan=False, allow_infinity=False, places=3)


@settings(max_examples=200)
@given(values, values, st.integers(2, 10))
def test_ticks_cover_the_data_evenly_with_a_nice_step(a: Decimal, b: Decimal, intervals: int) -> None:
    low, high = min(a, b), max(a, b)
    scale = nice_scale(low, high, max_intervals=intervals)
    t = scale.ticks
    assert t[0] <= low
    assert t[-1] >= high
    assert 2 <= len(t) <= intervals + 1
    assert all(y - x == scale.step for x, y in itertools.pairwise(t))
    digits = scale.step.normalize().as_tuple().digits
    assert digits in ((1,), (2,), (5,))
    assert all(x % scale.step == 0 for x in t)  # ticks sit on multiples of the step: 0 is one when in range
