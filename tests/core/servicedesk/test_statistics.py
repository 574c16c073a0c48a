"""Statistics over handled requests: medians, punctuality, satisfaction, and "no data" kept apart from zero."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ostan.core.servicedesk import InvalidRecord, RequestRecord, summarize
from ostan.core.servicedesk.statistics import median_handling_working_days, on_time_share, satisfaction_mean

T0 = dt.datetime(2026, 4, 1, 6, 0, tzinfo=dt.UTC)
DUE = T0 + dt.timedelta(days=14)
NOW = T0 + dt.timedelta(days=20)


def answered(days: int, *, late: bool = False, score: int | None = None) -> RequestRecord:
    at = DUE + dt.timedelta(hours=1) if late else T0 + dt.timedelta(days=days)
    return RequestRecord(T0, DUE, answered_at=at, handling_working_days=days, satisfaction=score)


def test_a_small_desk_by_hand() -> None:
    records = [
        answered(3, score=5),
        answered(5, score=4),
        answered(12, late=True, score=1),
        answered(8),
        RequestRecord(T0, DUE),  # unanswered and past due at NOW: late
        RequestRecord(T0, NOW + dt.timedelta(days=1)),  # unanswered, still within its deadline: unknown
    ]
    figures = summarize(records, at=NOW)
    assert (figures.requests, figures.answered) == (6, 4)
    assert figures.median_handling_working_days == Fraction(13, 2)  # 3, 5, 8, 12
    assert figures.on_time_share == Fraction(3, 5)
    assert figures.satisfaction_mean == Fraction(10, 3)
    assert figures.satisfaction_counts == {1: 1, 2: 0, 3: 0, 4: 1, 5: 1}


def test_no_data_is_none_not_zero() -> None:
    figures = summarize([RequestRecord(T0, NOW + dt.timedelta(days=1))], at=NOW)
    assert figures.median_handling_working_days is None
    assert figures.on_time_share is None
    assert figures.satisfaction_mean is None
    assert summarize([], at=NOW).requests == 0


def test_answered_at_the_due_moment_is_late() -> None:
    record = RequestRecord(T0, DUE, answered_at=DUE, handling_working_days=10)
    assert on_time_share([record], at=NOW) == 0


@pytest.mark.parametrize(
    "fields",
    [
        {"answered_at": T0},
        {"handling_working_days": 3},
        {"answered_at": T0, "handling_working_days": -1},
        {"satisfaction": 0},
        {"satisfaction": 6},
    ],
)
def test_contradictory_records_are_refused(fields: dict[str, object]) -> None:
    with pytest.raises(InvalidRecord):
        RequestRecord(T0, DUE, **fields)  # type: ignore[arg-type]


@given(st.lists(st.integers(0, 60), min_size=1, max_size=50))
def test_the_median_splits_the_handling_times(days: list[int]) -> None:
    median = median_handling_working_days([answered(d) for d in days])
    assert median is not None
    assert sum(d < median for d in days) <= len(days) / 2
    assert sum(d > median for d in days) <= len(days) / 2


@given(st.lists(st.sampled_from([1, 2, 3, 4, 5]), min_size=1, max_size=50))
def test_the_mean_lies_within_the_scale(scores: list[int]) -> None:
    mean = satisfaction_mean([answered(1, score=s) for s in scores])
    assert mean == Fraction(sum(scores), len(scores))
    assert 1 <= mean <= 5
