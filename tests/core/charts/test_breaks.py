"""Class breaks: quantiles share regions out evenly; fixed thresholds are the caller's; none is left empty."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ostan.core.charts import MAX_CLASSES, Breaks, InvalidBreaks, fixed_breaks, quantile_breaks
from ostan.core.charts.breaks import round_significant

# The 31 provinces' 1395 census populations (territory/data/provinces.csv), a real distribution.
PROVINCES_1395 = [
    1429475, 2530696, 3283582, 3909652, 3265219, 1952434, 4710509, 4851274, 3164718, 6434501, 5120850,
    2775014, 1603011, 1738234, 947763, 1760649, 580158, 713052, 1163400, 1057461, 702360, 1138533,
    1776415, 13267637, 1270420, 1292283, 1273761, 1868819, 863092, 768898, 2712400,
]  # fmt: skip


def test_quantiles_of_the_provinces() -> None:
    # n = 31, k = 5: ranks 6, 12, 18, 24 of the sorted populations are 1,057,461, 1,429,475, 1,952,434 and
    # 3,283,582; to two significant digits 1.1, 1.4, 2.0 and 3.3 million.
    breaks = quantile_breaks(PROVINCES_1395, 5)
    assert breaks.method == "quantile"
    assert breaks.thresholds == (Decimal(1100000), Decimal(1400000), Decimal(2000000), Decimal(3300000))
    sizes = Counter(breaks.class_of(v) for v in PROVINCES_1395)
    assert [sizes[i] for i in range(5)] == [7, 5, 7, 6, 6]  # 3,283,582 falls just under 3.3 million


def test_a_threshold_opens_the_class_above_it() -> None:
    breaks = fixed_breaks([10, 20])
    assert [breaks.class_of(v) for v in (0, 9.99, 10, 19, 20, 10**6)] == [0, 0, 1, 1, 2, 2]


def test_ties_and_tiny_data_merge_classes() -> None:
    assert quantile_breaks([], 5).thresholds == ()
    assert quantile_breaks([7], 5).thresholds == ()
    assert quantile_breaks([7, 7, 7, 7], 4).thresholds == ()
    assert quantile_breaks([1, 1, 1, 9], 4, significant=None).thresholds == (Decimal(9),)


def test_refusals() -> None:
    with pytest.raises(InvalidBreaks):
        fixed_breaks([5, 5])
    with pytest.raises(InvalidBreaks):
        fixed_breaks([3, 1])
    with pytest.raises(InvalidBreaks):
        fixed_breaks(list(range(MAX_CLASSES)))
    with pytest.raises(InvalidBreaks):
        quantile_breaks([1, 2], MAX_CLASSES + 1)
    with pytest.raises(InvalidBreaks):
        Breaks((), "jenks")


def test_rounding_to_significant_digits() -> None:
    assert round_significant(Decimal(1429475), 2) == Decimal(1400000)
    assert round_significant(Decimal(1450000), 2) == Decimal(1500000)  # halves up
    assert round_significant(Decimal("0.04567"), 2) == Decimal("0.046")
    assert round_significant(Decimal(0), 2) == 0


@settings(max_examples=150)
@given(st.lists(st.integers(0, 10**7), min_size=1, max_size=60, unique=True), st.integers(1, MAX_CLASSES))
def test_exact_quantiles_of_distinct_values_give_equal_classes(values: list[int], classes: int) -> None:
    breaks = quantile_breaks(values, classes, significant=None)
    sizes = Counter(breaks.class_of(v) for v in values)
    n, k = len(values), min(classes, len(values))
    assert breaks.classes == k
    assert set(sizes.values()) <= {n // k, -(-n // k)}


@settings(max_examples=150)
@given(st.lists(st.integers(0, 10**7), min_size=1, max_size=60), st.integers(1, MAX_CLASSES))
def test_rounded_quantiles_leave_no_class_empty(values: list[int], classes: int) -> None:
    breaks = quantile_breaks(values, classes)
    used = {breaks.class_of(v) for v in values}
    assert used == set(range(breaks.classes))
    assert breaks.classes <= classes
    for t in breaks.thresholds:
        assert len(t.normalize().as_tuple().digits) <= 2
