"""Routing: the agency serving the unit, else the nearest one up the territory tree."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ostan.core.servicedesk import (
    AmbiguousRoute,
    InvalidRoutingTable,
    NoResponsibleAgency,
    RoutingTable,
    responsible_agency,
    route,
)
from ostan.core.servicedesk.routing import ancestors

LORESTAN = "IR/IR-15"
KHORRAMABAD = f"{LORESTAN}/IR-15-01"
VILLAGE = f"{KHORRAMABAD}/IR-15-01-03/IR-15-01-03-07"
TABLE = RoutingTable.from_entries(
    [
        ("water", LORESTAN, "abfa-lorestan"),
        ("water", KHORRAMABAD, "abfa-khorramabad"),
        ("roads", "IR", "roads-ministry"),
        ("permits", KHORRAMABAD, "municipality"),
        ("permits", KHORRAMABAD, "county-office"),
    ]
)


def test_the_unit_itself_first() -> None:
    found = route(TABLE, "water", KHORRAMABAD)
    assert (found.agencies, found.served_at, found.is_inherited) == (("abfa-khorramabad",), KHORRAMABAD, False)


def test_else_the_nearest_unit_above() -> None:
    assert responsible_agency(TABLE, "water", VILLAGE) == "abfa-khorramabad"
    assert responsible_agency(TABLE, "water", f"{LORESTAN}/IR-15-02") == "abfa-lorestan"
    found = route(TABLE, "roads", VILLAGE)
    assert (found.served_at, found.is_inherited) == ("IR", True)


def test_nothing_anywhere_is_a_typed_refusal() -> None:
    with pytest.raises(NoResponsibleAgency) as info:
        route(TABLE, "water", "IR/IR-07/IR-07-01")
    assert info.value.code == "no_responsible_agency"
    assert info.value.details == {"service": "water", "unit_path": "IR/IR-07/IR-07-01"}
    with pytest.raises(NoResponsibleAgency):
        route(TABLE, "unknown-service", KHORRAMABAD)


def test_two_agencies_at_the_nearest_unit_must_be_chosen_between() -> None:
    assert route(TABLE, "permits", VILLAGE).agencies == ("county-office", "municipality")
    with pytest.raises(AmbiguousRoute) as info:
        responsible_agency(TABLE, "permits", VILLAGE)
    assert info.value.details["agencies"] == ["county-office", "municipality"]  # type: ignore[index]


@pytest.mark.parametrize("path", ["", "/IR", "IR/", "IR//IR-15", "IR/ IR-15"])
def test_malformed_paths_are_refused(path: str) -> None:
    with pytest.raises(InvalidRoutingTable):
        route(TABLE, "water", path)
    with pytest.raises(InvalidRoutingTable):
        RoutingTable({"water": {path: frozenset({"a"})}})


def test_an_entry_without_agencies_is_refused() -> None:
    with pytest.raises(InvalidRoutingTable):
        RoutingTable({"water": {"IR": frozenset()}})


segments = st.lists(st.from_regex(r"[A-Z0-9-]{1,5}", fullmatch=True), min_size=1, max_size=6)


@given(segments, st.data())
def test_the_answer_is_the_deepest_served_ancestor(path_segments: list[str], data: st.DataObject) -> None:
    path = "/".join(path_segments)
    chain = ancestors(path)
    assert chain[0] == path
    assert chain[-1] == path_segments[0]
    assert len(chain) == len(path_segments)
    served = data.draw(st.sets(st.sampled_from(chain)))
    table = RoutingTable({"s": {unit: frozenset({f"agency@{unit}"}) for unit in served}})
    if not served:
        with pytest.raises(NoResponsibleAgency):
            route(table, "s", path)
        return
    deepest = max(served, key=len)
    assert responsible_agency(table, "s", path) == f"agency@{deepest}"
