"""Key projects rolled up by county and province, and the "deprived areas first" ordering."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ostan.core.programs import (
    Assessment,
    InvalidUnitPath,
    Milestone,
    Status,
    StatusTally,
    assess,
    deprivation_of,
    deprived_first,
    deprived_units_first,
    tally,
    tally_by_county,
    tally_by_depth,
    tally_by_province,
)

from .conftest import START, day, noon, project

LORESTAN = "IR/IR-15"
KHORRAMABAD = "IR/IR-15/IR-15-01"
KUHDASHT = "IR/IR-15/IR-15-02"
POLDOKHTAR = "IR/IR-15/IR-15-03"
SEMNAN = "IR/IR-20"
SHAHRUD = "IR/IR-20/IR-20-01"


def assessed(id: str, path: str, status: Status, progress: Fraction) -> Assessment:
    return Assessment(id, path, START, status, Fraction(1, 2), progress, progress, None, (), ())


PROJECTS = (
    assessed("a", KHORRAMABAD, Status.ON_TRACK, Fraction(1, 2)),
    assessed("b", KHORRAMABAD + "/D1", Status.LATE, Fraction(1, 10)),  # a district's project: its county's
    assessed("c", KUHDASHT, Status.AT_RISK, Fraction(3, 10)),
    assessed("d", KUHDASHT, Status.NOT_STARTED, Fraction(0)),
    assessed("e", LORESTAN, Status.DONE, Fraction(1)),  # the governor's own: province only
    assessed("f", SHAHRUD, Status.ON_TRACK, Fraction(7, 10)),
)


def counts(t: StatusTally) -> dict[str, int]:
    return {s.value: n for s, n in t.counts.items() if n}


def test_counties_count_their_districts_projects_and_leave_provincial_ones_out() -> None:
    rows = tally_by_county(PROJECTS)
    assert [(t.unit_path, counts(t), t.mean_progress) for t in rows] == [
        (KHORRAMABAD, {"on_track": 1, "late": 1}, Fraction(3, 10)),  # (½ + 1/10) ÷ 2
        (KUHDASHT, {"at_risk": 1, "not_started": 1}, Fraction(3, 10)),  # the project not started stays out
        (SHAHRUD, {"on_track": 1}, Fraction(7, 10)),
    ]
    assert rows[0].needing_attention == 1
    assert rows[1].total == 2


def test_provinces_count_everything_under_them() -> None:
    lorestan, semnan = tally_by_province(PROJECTS)
    assert lorestan.unit_path == LORESTAN
    assert counts(lorestan) == {"on_track": 1, "late": 1, "at_risk": 1, "not_started": 1, "done": 1}
    assert lorestan.mean_progress == (Fraction(1, 2) + Fraction(1, 10) + Fraction(3, 10) + 1) / 4
    assert (semnan.unit_path, semnan.total) == (SEMNAN, 1)


def test_one_territory_and_a_unit_with_no_started_project() -> None:
    assert tally(PROJECTS, KUHDASHT).total == 2
    assert tally([PROJECTS[3]], KUHDASHT).mean_progress is None
    assert tally(PROJECTS, POLDOKHTAR).total == 0
    assert tally(PROJECTS, "IR").total == len(PROJECTS)
    with pytest.raises(InvalidUnitPath):
        tally(PROJECTS, "IR//IR-15")


def test_a_tally_works_on_real_assessments() -> None:
    late = project((Milestone("گام", day(5)),), unit_path=KUHDASHT)
    (row,) = tally_by_county([assess(late, at=noon(day(50)))])
    assert counts(row) == {"late": 1}


def test_deprived_areas_first_then_the_most_urgent() -> None:
    scores = {KUHDASHT: Decimal("0.8"), KHORRAMABAD: Decimal("0.3"), LORESTAN: Decimal("0.5")}
    order = [a.project_id for a in deprived_first(PROJECTS, scores)]
    # Kuhdasht 0.8 (at risk before not started), Lorestan's own 0.5, Khorramabad 0.3 (late first), Shahrud unscored.
    assert order == ["c", "d", "e", "b", "a", "f"]


def test_a_unit_without_a_score_takes_its_nearest_scored_ancestor() -> None:
    scores = {LORESTAN: 2, KHORRAMABAD + "/D1": 9}
    assert deprivation_of(KUHDASHT, scores) == 2
    assert deprivation_of(KHORRAMABAD + "/D1/V7", scores) == 9
    assert deprivation_of(SHAHRUD, scores) is None
    assert [a.project_id for a in deprived_first(PROJECTS, scores)][:2] == ["b", "c"]


def test_units_deprived_first_then_by_projects_needing_attention() -> None:
    rows = tally_by_county(PROJECTS)
    assert [t.unit_path for t in deprived_units_first(rows, {LORESTAN: 1})] == [KHORRAMABAD, KUHDASHT, SHAHRUD]
    assert deprived_units_first(rows, {SHAHRUD: 1})[0].unit_path == SHAHRUD


paths = st.builds(
    lambda province, tail: "/".join(["IR", province, *tail]),
    st.sampled_from(["IR-15", "IR-20"]),
    st.lists(st.sampled_from(["C1", "C2", "D"]), max_size=3),
)
statuses = st.builds(assessed, st.just("x"), paths, st.sampled_from(Status), st.fractions(0, 1))


@settings(max_examples=60)
@given(st.lists(statuses, max_size=30))
def test_counties_add_up_to_their_province_less_its_own_projects(items: list[Assessment]) -> None:
    for province in tally_by_province(items):
        own = sum(1 for a in items if a.unit_path == province.unit_path)
        counties = [t for t in tally_by_county(items) if t.unit_path.startswith(province.unit_path + "/")]
        assert sum(t.total for t in counties) + own == province.total
        for status in Status:
            in_counties = sum(t.counts[status] for t in counties)
            assert (
                in_counties + sum(1 for a in items if a.unit_path == province.unit_path and a.status is status)
                == (province.counts[status])
            )
    assert sum(t.total for t in tally_by_depth(items, 1)) == len(items)


@settings(max_examples=60)
@given(st.lists(statuses, max_size=20), st.dictionaries(paths, st.integers(0, 5), max_size=5))
def test_the_deprived_first_order_is_a_permutation_sorted_by_score(
    items: list[Assessment], scores: dict[str, int]
) -> None:
    ordered = deprived_first(items, scores)
    assert sorted(map(id, ordered)) == sorted(map(id, items))
    keys = [deprivation_of(a.unit_path, scores) for a in ordered]
    scored = [k for k in keys if k is not None]
    assert scored == sorted(scored, reverse=True)
    assert keys == scored + [None] * (len(keys) - len(scored))


@settings(max_examples=50)
@given(st.lists(st.integers(min_value=0, max_value=5), max_size=30), st.integers(min_value=0, max_value=10))
def test_a_limited_deprived_first_is_the_head_of_the_full_order(depths: list[int], limit: int) -> None:
    import datetime as _dt
    from fractions import Fraction as _F

    from ostan.core.programs import Assessment, Status
    from ostan.core.programs.rollup import deprived_first as ordered

    items = [
        Assessment(str(i), "IR/00" + "/x" * d, _dt.date(2026, 1, 1), list(Status)[i % 5], _F(0), _F(i % 7, 7),
                   None, None, (), ())
        for i, d in enumerate(depths)
    ]  # fmt: skip
    scores = {"IR/00/x": 50, "IR/00/x/x/x": 90}
    assert ordered(items, scores, limit=limit) == ordered(items, scores)[:limit]
