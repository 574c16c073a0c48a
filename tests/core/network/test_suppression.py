"""Small-count suppression: primary cells, complements, a territory tree and a two-way table."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ostan.core.network.errors import InvalidRule
from ostan.core.network.indicators import rollup_indicator
from ostan.core.network.suppression import Equation, suppress_counts, suppress_rollup, suppress_table, tree_equations

from .catalogue import C1, C2, CATALOGUE, N1, N2, N3, PROVINCE, Q1, values


def test_one_small_cell_in_a_row_with_its_total_gets_a_complement() -> None:
    counts = {"a": 3, "b": 12, "c": 40, "d": 0, "total": 55}
    result = suppress_counts(counts, threshold=5, equations=[Equation("total", ("a", "b", "c", "d"))])
    assert result.primary == {"a"}
    assert result.complementary == {"b"}  # the smallest positive cell still shown; the zero would not protect
    assert result.shown(counts) == {"a": None, "b": None, "c": 40, "d": 0, "total": 55}


def test_a_territory_tree() -> None:
    # Infant deaths, k = 5: every neighbourhood is small; C2 has one unit, so C2 = N3 is small too; the
    # province = C1 + C2 would give C2 away from C1, so C1 is suppressed as its complement.
    rolled = rollup_indicator(CATALOGUE, "infant_deaths", values(), period=Q1)
    shown = suppress_rollup(CATALOGUE.get("infant_deaths"), rolled)
    assert shown == {N1: None, N2: None, N3: None, C1: None, C2: None, PROVINCE: Decimal(9), "IR": Decimal(9)}
    # The rate is hidden where its count of deaths is: the same cells.
    rates = suppress_rollup(CATALOGUE.get("imr"), rollup_indicator(CATALOGUE, "imr", values(), period=Q1))
    assert {p for p, v in rates.items() if v is None} == {N1, N2, N3, C1, C2}
    births = rollup_indicator(CATALOGUE, "births", values(), period=Q1)
    assert None not in suppress_rollup(CATALOGUE.get("births"), births).values()  # no threshold set


def test_a_two_way_table() -> None:
    result, counts = suppress_table(
        {("N1", "girls"): 2, ("N1", "boys"): 30, ("N2", "girls"): 20, ("N2", "boys"): 25}, threshold=5
    )
    assert result.primary == {"N1|girls"}
    # Row N1 needs N1|boys, column girls needs N2|girls, and then row N2 needs N2|boys.
    assert result.suppressed == {"N1|girls", "N1|boys", "N2|girls", "N2|boys"}
    assert counts["*|*"] == 77


def test_threshold_must_suppress_something() -> None:
    with pytest.raises(InvalidRule):
        suppress_counts({"a": 1}, threshold=1)


tables = st.dictionaries(
    st.tuples(st.sampled_from("ABCD"), st.sampled_from("xyz")), st.integers(0, 30), min_size=1, max_size=12
)


@given(tables, st.integers(2, 10))
def test_no_suppressed_entry_can_be_derived_from_one_equation(cells: dict[tuple[str, str], int], k: int) -> None:
    result, counts = suppress_table(cells, threshold=k)
    assert {key for key, v in counts.items() if 0 < v < k} == result.primary
    rows = {r for r, _ in cells}
    columns = {c for _, c in cells}
    equations = [[f"{r}|*", *(f"{r}|{c}" for rr, c in cells if rr == r)] for r in rows]
    equations += [[f"*|{c}", *(f"{r}|{c}" for r, cc in cells if cc == c)] for c in columns]
    for entries in equations:
        assert sum(1 for key in entries if key in result.suppressed) != 1


@given(st.dictionaries(st.sampled_from([N1, N2, N3, "IR/IR-07/IR-07-02/N4"]), st.integers(0, 20), min_size=1))
def test_tree_equations_protect_every_level(leaves: dict[str, int]) -> None:
    counts: dict[str, int] = {}
    for path, value in leaves.items():
        parts = path.split("/")
        for i in range(1, len(parts) + 1):
            counts["/".join(parts[:i])] = counts.get("/".join(parts[:i]), 0) + value
    equations = tree_equations(counts)
    hidden = suppress_counts(counts, threshold=5, equations=equations).suppressed
    for e in equations:
        assert sum(1 for key in (e.total, *e.parts) if key in hidden) != 1
