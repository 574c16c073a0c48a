"""Search by folded key (Arabic ي/ك, ZWNJ and spaces), ranking, and the reads that keep scope."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ostan.accounts.models import User
from ostan.core.errors import NotFound
from ostan.territory import actions, selectors
from ostan.territory.models import Unit
from tests.actors import as_actor
from tests.territory.conftest import CITY_A, COUNTY_A

pytestmark = pytest.mark.django_db


def codes(units: list[Unit]) -> list[str]:
    return [u.code for u in units]


@pytest.mark.usefixtures("tree")
@pytest.mark.parametrize("typed", ["كرمانشاه", "کرمانشاه", "كرمانشاه ", "کرمان‌شاه", "KERMAN"[:0] + "كرمان"])
def test_kermanshah_is_found_however_it_is_typed(typed: str) -> None:
    found = selectors.search_units(typed)
    assert found[0].code == "05"
    assert "0502" in codes(found)


@pytest.mark.usefixtures("tree")
@pytest.mark.parametrize("typed", ["اسلام آباد غرب", "اسلام‌آباد غرب", "اسلام‌آبادغرب", "اسلاماباد غرب"])
def test_names_differing_by_zwnj_or_spaces_meet(typed: str) -> None:
    found = selectors.search_units(typed)
    assert codes(found)[:2] == ["0501", "0501031256"]


@pytest.mark.usefixtures("tree")
def test_prefix_matches_come_before_substring_matches() -> None:
    rural = Unit.objects.get(code="0502040001")
    Unit.objects.create(
        code="0502040001999999",
        kind="village",
        name="باغ شاهین",
        search_key="باغشاهین",
        parent=rural,
        path=rural.path + "/0502040001999999",
        depth=rural.depth + 1,
    )
    Unit.objects.create(
        code="0502040001999998",
        kind="village",
        name="شاهین",
        search_key="شاهین",
        parent=rural,
        path=rural.path + "/0502040001999998",
        depth=rural.depth + 1,
    )
    found = codes(selectors.search_units("شاهین"))
    assert found == ["0502040001999998", "0502040001999999"]
    assert codes(selectors.search_units("ش", limit=5))[0] == "0502040001999998"  # one letter: prefix only


@pytest.mark.usefixtures("tree")
def test_an_exact_name_comes_before_longer_names_with_that_prefix() -> None:
    found = selectors.search_units("اراک")
    assert [(u.kind, u.name) for u in found[:2]] == [("county", "اراک"), ("city", "اراک")]
    assert found[2].name == "اراک 1"


@pytest.mark.usefixtures("tree")
def test_search_filters_by_kind_and_within_and_limits() -> None:
    assert codes(selectors.search_units("کرمانشاه", kinds=["county"])) == ["0502"]
    within = selectors.search_units("کرمانشاه", within=Unit.objects.get(code="050204"))
    assert {u.kind for u in within} == {"city", "city_zone"}
    assert len(selectors.search_units("کرمانشاه", limit=3)) == 3
    assert selectors.search_units("   ") == []
    assert selectors.search_units("\x00کرمانشاه")[0].code == "05"


@pytest.mark.usefixtures("tree")
def test_children_are_ordered_by_name_with_counts_in_one_query() -> None:
    country = selectors.get_unit("IR")
    with CaptureQueriesContext(connection) as queries:
        provinces = list(selectors.children(country))
    assert len(queries) == 1
    assert [(p.name, p.child_count) for p in provinces] == [("کرمانشاه", 2), ("مرکزی", 2)]  # type: ignore[attr-defined]


@pytest.mark.usefixtures("tree")
def test_ancestors_come_from_the_path_in_one_query() -> None:
    village = selectors.get_unit("0001020001000268")
    with CaptureQueriesContext(connection) as queries:
        chain = selectors.ancestors(village)
    assert len(queries) == 1
    assert codes(chain) == ["IR", "00", "0001", "000102", "0001020001"]
    assert selectors.ancestors(selectors.get_unit("IR")) == []


def test_unknown_or_odd_codes_are_not_found(tree: None) -> None:
    for code in ["99", "IR/00", "x\x00", "؟"]:
        with pytest.raises(NotFound):
            selectors.get_unit(code)


def test_neighbourhoods_are_seen_only_inside_scope(official_a: User, official_b: User) -> None:
    hood = actions.create_neighbourhood(
        actor=as_actor(official_a), city=Unit.objects.get(code=CITY_A), name="محله شهدا"
    )
    assert selectors.get_unit(hood.code, actor=as_actor(official_a)) == hood
    for outsider in (official_b, AnonymousUser(), None):
        with pytest.raises(NotFound):
            selectors.get_unit(hood.code, actor=as_actor(outsider))
        assert hood.code not in codes(selectors.search_units("شهدا", actor=as_actor(outsider)))
    assert hood.code in codes(selectors.search_units("شهدا", actor=as_actor(official_a)))
    city = Unit.objects.get(code=CITY_A)
    assert codes(list(selectors.neighbourhoods(city, actor=as_actor(official_a)))) == [hood.code]
    assert list(selectors.neighbourhoods(city, actor=as_actor(official_b))) == []
    assert selectors.children_summary(city, actor=as_actor(official_b)) == {}
    assert Unit.objects.get(code=COUNTY_A).is_user_created is False
