"""Reporting completeness per period, unit and area, with timeliness."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from ostan.core.network.periods import Period
from ostan.core.network.reporting import Report, reporting_completeness

from .catalogue import C1, C2, N1, N2, N3, PROVINCE

M1, M2 = Period.month(1405, 1), Period.month(1405, 2)  # Farvardin ends 20 April 2026, Ordibehesht 21 May


def test_worked_example() -> None:
    reports = [
        Report(N1, M1, dt.date(2026, 4, 25)),  # 5 days after the month: on time with a 10-day deadline
        Report(N1, M2, dt.date(2026, 6, 10)),  # 20 days after: late
        Report(N2, M1, dt.date(2026, 4, 21)),
        Report(N2, M1, dt.date(2026, 4, 22)),  # a second report for the same cell counts once
        Report("IR/IR-07/IR-07-09/X", M1),  # not an expected unit
    ]
    result = reporting_completeness([N1, N2, N3], [M1, M2], reports, deadline_days=10)
    assert result.overall.expected == 6
    assert result.overall.reported == 3
    assert result.overall.on_time == 2
    assert result.overall.percent == Decimal("50.00")
    assert result.by_period[M1].missing == (N3,)
    assert result.by_period[M2].missing == (N2, N3)
    assert result.by_unit[N1].percent == Decimal("100.00")
    assert result.by_unit[N1].on_time_percent == Decimal("50.00")
    assert result.by_unit[N3].missing == ("1405-01", "1405-02")
    assert result.by_area[C1].percent == Decimal("75.00")
    assert result.by_area[C2].percent == Decimal("0.00")
    assert result.by_area[PROVINCE].reported == 3
    assert len(result.unexpected) == 1


def test_without_a_deadline_timeliness_is_not_measured() -> None:
    result = reporting_completeness([N1], [M1], [Report(N1, M1)])
    assert result.overall.on_time is None
    assert result.overall.on_time_percent is None
    assert reporting_completeness([], [M1], []).overall.percent is None


@given(st.sets(st.tuples(st.sampled_from([N1, N2, N3]), st.sampled_from([M1, M2]))))
def test_reported_plus_missing_is_expected(cells: set[tuple[str, Period]]) -> None:
    result = reporting_completeness([N1, N2, N3], [M1, M2], [Report(u, p) for u, p in cells])
    assert result.overall.reported == len(cells)
    for period, c in result.by_period.items():
        assert c.reported + len(c.missing) == c.expected == 3
        assert set(c.missing) == {u for u in (N1, N2, N3) if (u, period) not in cells}
    assert sum(c.reported for c in result.by_unit.values()) == len(cells)
