"""Entry checks (ranges, comparisons across indicators) and robust outlier flags."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ostan.core.network.errors import InvalidIndicatorValue, InvalidRule
from ostan.core.network.indicators import IndicatorValue
from ostan.core.network.periods import Period, periods_between
from ostan.core.network.validation import (
    Comparison,
    ComparisonRule,
    RangeRule,
    check_values,
    flag_outliers,
    outlier_score,
    validate_values,
)

from .catalogue import N1, N2, Q1

VACCINATED_AT_MOST_CHILDREN = ComparisonRule("vaccinated", Comparison.LE, "children")


def test_ranges_and_comparisons() -> None:
    entry = [
        IndicatorValue("vaccinated", N1, Q1, 120),
        IndicatorValue("children", N1, Q1, 100),
        IndicatorValue("vaccinated", N2, Q1, 50),  # N2 entered no child count: the comparison waits
        IndicatorValue("literacy", N2, Q1, Decimal("101.5")),
    ]
    violations = validate_values(
        entry, ranges=[RangeRule("literacy", 0, 100)], comparisons=[VACCINATED_AT_MOST_CHILDREN]
    )
    assert [(v.code, v.indicator, v.unit_path) for v in violations] == [
        ("above_maximum", "literacy", N2),
        ("comparison_failed", "vaccinated", N1),
    ]
    assert violations[1].message == "مقدار «vaccinated» (۱۲۰) نباید بیشتر از «children» (۱۰۰) باشد."
    with pytest.raises(InvalidIndicatorValue) as info:
        check_values(entry, comparisons=[VACCINATED_AT_MOST_CHILDREN])
    assert info.value.code == "indicator_validation_failed"
    check_values(entry[2:3], comparisons=[VACCINATED_AT_MOST_CHILDREN])  # nothing to refuse


def test_a_range_rule_is_consistent() -> None:
    with pytest.raises(InvalidRule):
        RangeRule("x", 10, 5)
    assert validate_values([IndicatorValue("x", N1, Q1, -1)], ranges=[RangeRule("x", minimum=0)])[0].code == (
        "below_minimum"
    )


def series(values: list[int]) -> list[IndicatorValue]:
    months = periods_between(Period.month(1404, 1), Period.month(1406, 12))
    return [IndicatorValue("visits", N1, months[i], v) for i, v in enumerate(values)]


def test_a_spike_is_flagged_against_the_units_own_history() -> None:
    history = [100, 104, 98, 101, 97, 103, 99, 102]
    flags = flag_outliers(series([*history, 180, 100]))
    assert [(str(f.period), f.value) for f in flags] == [("1404-09", 180)]
    # median 100.5, MAD 2: 0.6745 × 79.5 / 2
    assert flags[0].score == pytest.approx(0.6745 * 79.5 / 2)
    assert flags[0].history_size == 8


def test_one_earlier_error_does_not_hide_the_next() -> None:
    flags = flag_outliers(series([100, 101, 99, 100, 102, 98, 1000, 100, 999]))
    assert [f.value for f in flags] == [1000, 999]


def test_short_history_is_not_judged_and_constant_history_flags_any_change() -> None:
    assert flag_outliers(series([5, 5, 5, 50])) == ()
    flags = flag_outliers(series([5, 5, 5, 5, 5, 5, 6]))
    assert flags[0].score == math.inf
    # over half the history one value (MAD 0): the mean absolute deviation stands in
    assert outlier_score([5, 5, 5, 5, 9, 1], 5) == 0.0
    assert outlier_score([5, 5, 5, 5, 9, 1], 9) == pytest.approx(4 / (1.253314 * 8 / 6))


@given(st.lists(st.integers(0, 1000), min_size=6, max_size=20), st.integers(1, 50), st.integers(-500, 500))
def test_the_score_ignores_scale_and_shift(history: list[int], scale: int, shift: int) -> None:
    value = history[-1] + 7
    base = outlier_score(history, value)
    moved = outlier_score([x * scale + shift for x in history], value * scale + shift)
    assert moved == pytest.approx(base) or (math.isinf(base) and math.isinf(moved))


@given(st.lists(st.integers(0, 1000), min_size=6, max_size=20))
def test_the_median_is_never_an_outlier(history: list[int]) -> None:
    import statistics

    assert outlier_score(history, statistics.median(history)) == 0.0
