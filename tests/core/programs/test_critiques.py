"""Critiques' on-time share per office: worked example and invariants."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ostan.core.programs.critiques import CritiqueRecord, timeliness
from ostan.core.programs.errors import InvalidMoment

AT = dt.datetime(2026, 6, 1, 12, tzinfo=dt.UTC)
DAY = dt.timedelta(days=1)


def test_worked_example() -> None:
    records = [
        CritiqueRecord("a", AT - 5 * DAY, AT - 6 * DAY),  # answered a day early: on time
        CritiqueRecord("a", AT - 5 * DAY, AT - 4 * DAY),  # answered a day late
        CritiqueRecord("a", AT - DAY, None),  # unanswered past its deadline: late
        CritiqueRecord("a", AT + DAY, None),  # still inside its deadline: not judged
        CritiqueRecord("b", AT + 3 * DAY, None),
    ]
    a, b = timeliness(records, at=AT)
    assert (a.office, a.filed, a.answered, a.on_time, a.late, a.pending) == ("a", 4, 2, 1, 2, 1)
    assert a.on_time_share == Fraction(1, 3)
    assert b.on_time_share is None  # nothing judged is not 0%


def test_a_naive_moment_is_refused() -> None:
    with pytest.raises(InvalidMoment):
        timeliness([], at=dt.datetime(2026, 6, 1))


offsets = st.integers(min_value=-30, max_value=30)


def _record(office: str, due: int, answered: int | None) -> CritiqueRecord:
    return CritiqueRecord(office, AT + due * DAY, None if answered is None else AT + answered * DAY)


record = st.builds(_record, st.sampled_from("abc"), offsets, st.none() | offsets)


@settings(max_examples=200)
@given(st.lists(record, max_size=40))
def test_every_critique_is_counted_once_and_the_share_stays_in_range(records: list[CritiqueRecord]) -> None:
    lines = timeliness(records, at=AT)
    assert sum(t.filed for t in lines) == len(records)
    for t in lines:
        assert t.on_time + t.late + t.pending == t.filed
        assert t.answered <= t.filed
        assert t.on_time_share is None or 0 <= t.on_time_share <= 1


@settings(max_examples=100)
@given(st.lists(record, min_size=1, max_size=30), st.integers(min_value=1, max_value=60))
def test_waiting_longer_never_makes_an_office_look_more_timely(records: list[CritiqueRecord], days: int) -> None:
    now, later = timeliness(records, at=AT), timeliness(records, at=AT + days * DAY)
    for t, u in zip(now, later, strict=True):
        assert u.late >= t.late
        assert u.on_time == t.on_time
