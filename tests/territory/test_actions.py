"""Neighbourhoods and populations: scope, validation, one audit entry per change, nothing on refusal."""

from __future__ import annotations

import pytest

from ostan.accounts.models import User
from ostan.auditlog.models import Entry
from ostan.core.access import OutOfScope, Role
from ostan.core.errors import DomainError
from ostan.territory import actions, errors
from ostan.territory.models import Unit
from tests.actors import as_actor
from tests.territory.conftest import CITY_A, CITY_B, COUNTY_B, make_official

pytestmark = pytest.mark.django_db


def territory_entries() -> int:
    return Entry.objects.filter(event__startswith="territory.").exclude(event="territory.tree_loaded").count()


def test_an_official_adds_a_neighbourhood_in_their_county(official_a: User) -> None:
    hood = actions.create_neighbourhood(
        actor=as_actor(official_a), city=Unit.objects.get(code=CITY_A), name="  محلهٔ  كوثر "
    )
    assert hood.name == "محله کوثر"
    assert hood.code == f"{CITY_A}-001"
    assert hood.path == Unit.objects.get(code=CITY_A).path + "/" + hood.code
    assert (hood.kind, hood.is_user_created, hood.depth) == ("neighbourhood", True, 5)
    entry = Entry.objects.get(event="territory.neighbourhood_created")
    assert (entry.actor, entry.object_id, entry.unit_path) == (official_a, str(hood.pk), hood.path)
    second = actions.create_neighbourhood(
        actor=as_actor(official_a), city=Unit.objects.get(code=CITY_A), name="محله دوم"
    )
    assert second.code == f"{CITY_A}-002"
    assert territory_entries() == 2


def test_a_neighbourhood_goes_under_a_city_zone_too(tree: None) -> None:
    official = make_official("kermanshah-governor", COUNTY_B, Role.GOVERNOR_OFFICE_STAFF)
    zone = Unit.objects.get(code="0502041666")
    hood = actions.create_neighbourhood(actor=as_actor(official), city=zone, name="فرهنگیان")
    assert hood.parent == zone


def test_an_official_cannot_act_in_another_county(official_a: User) -> None:
    with pytest.raises(OutOfScope):
        actions.create_neighbourhood(actor=as_actor(official_a), city=Unit.objects.get(code=CITY_B), name="محله بیرون")
    with pytest.raises(OutOfScope):
        actions.set_population(
            actor=as_actor(official_a), unit=Unit.objects.get(code=CITY_B), population=5, year=1400, reason="x"
        )
    assert not Unit.objects.filter(kind="neighbourhood").exists()
    assert Unit.objects.get(code=CITY_B).population is None
    assert territory_entries() == 0


@pytest.mark.parametrize("role", [Role.OBSERVER, Role.SERVICE_DESK_CLERK])
def test_roles_that_do_not_edit_the_tree_are_refused(tree: None, role: str) -> None:
    user = make_official(f"user-{role}", COUNTY_B, role)
    with pytest.raises(OutOfScope):
        actions.create_neighbourhood(actor=as_actor(user), city=Unit.objects.get(code=CITY_B), name="محله")
    assert territory_entries() == 0


@pytest.mark.parametrize(
    ("code", "name", "error"),
    [
        (CITY_A, "   ", "invalid_territory_input"),
        (CITY_A, "\u200c", "invalid_territory_input"),
        (CITY_A, "م" * 101, "invalid_territory_input"),
        ("0501", "محله", "invalid_territory_input"),  # a county takes no neighbourhood
    ],
)
def test_bad_neighbourhoods_are_refused(official_a: User, code: str, name: str, error: str) -> None:
    with pytest.raises(DomainError) as caught:
        actions.create_neighbourhood(actor=as_actor(official_a), city=Unit.objects.get(code=code), name=name)
    assert caught.value.code == error
    assert territory_entries() == 0


def test_a_duplicate_name_under_the_same_city_is_refused(official_a: User) -> None:
    city = Unit.objects.get(code=CITY_A)
    actions.create_neighbourhood(actor=as_actor(official_a), city=city, name="اسلام آباد")
    with pytest.raises(errors.DuplicateNeighbourhood):
        actions.create_neighbourhood(actor=as_actor(official_a), city=city, name="اسلام‌آباد")
    assert Unit.objects.filter(kind="neighbourhood").count() == 1
    assert territory_entries() == 1


def test_setting_a_population_records_before_after_and_reason(official_a: User) -> None:
    city = Unit.objects.get(code=CITY_A)
    actions.set_population(
        actor=as_actor(official_a), unit=city, population=90559, year=1400, reason="آمار ثبت احوال  شهرستان"
    )
    city.refresh_from_db()
    assert (city.population, city.population_year) == (90559, 1400)
    assert "آمار ثبت احوال شهرستان" in city.population_source
    entry = Entry.objects.get(event="territory.population_set")
    assert entry.before == {"population": None, "population_year": None, "population_source": ""}
    assert entry.after is not None
    assert entry.after["population"] == 90559
    assert entry.after["reason"] == "آمار ثبت احوال شهرستان"


@pytest.mark.parametrize(
    ("population", "year", "reason"),
    [(-1, 1400, "دلیل"), (5, 1400, "  "), (5, 99, "دلیل"), (10**9, 1400, "دلیل"), (True, 1400, "دلیل")],
)
def test_bad_populations_are_refused(official_a: User, population: int, year: int, reason: str) -> None:
    city = Unit.objects.get(code=CITY_A)
    with pytest.raises(errors.InvalidTerritoryInput):
        actions.set_population(actor=as_actor(official_a), unit=city, population=population, year=year, reason=reason)
    city.refresh_from_db()
    assert city.population is None
    assert territory_entries() == 0
