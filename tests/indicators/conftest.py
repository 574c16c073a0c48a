"""A small indicators world: a province with two counties, a city with two neighbourhoods and a village, a
catalogue of sums, a ratio, a weighted mean and a bounded mean, a council secretary of the city and a
provincial administrator."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pytest
from pytest_django.fixtures import Settings

from ostan.accounts.models import User
from ostan.core.access import Role
from ostan.indicators import actions
from ostan.indicators.entries import IndicatorEntry
from ostan.indicators.models import Indicator
from ostan.territory.models import Unit, UnitKind
from tests.actors import SYSTEM, make_person
from tests.elections.world import World, make_unit, make_world


@dataclass
class Lab:
    world: World
    north: Unit  # neighbourhoods of city A
    south: Unit
    secretary: User  # council secretary of city A
    far_secretary: User  # of city B, another county
    administrator: User  # governor's office staff at the province
    observer: User


def entry(code: str, aggregation: str = "sum", direction: str = "higher", **fields: object) -> IndicatorEntry:
    return IndicatorEntry(
        code=code, name=f"شاخص {code}", unit_of_measure="نفر", direction=direction, aggregation=aggregation,
        source="مرکز بهداشت", **fields,  # type: ignore[arg-type]
    )  # fmt: skip


def make_catalogue() -> dict[str, Indicator]:
    made = [
        actions.save_indicator(actor=SYSTEM, entry=entry("births")),
        actions.save_indicator(actor=SYSTEM, entry=entry("deaths", direction="lower", suppress_below=5)),
        actions.save_indicator(actor=SYSTEM, entry=entry("children", minimum=Decimal(0))),
        actions.save_indicator(actor=SYSTEM, entry=entry("vaccinated", minimum=Decimal(0))),
        actions.save_indicator(
            actor=SYSTEM,
            entry=entry(
                "imr",
                "ratio",
                "lower",
                numerator="deaths",
                denominator="births",
                factor=Decimal(1000),
                poor_threshold=Decimal(20),
                suppress_below=5,
            ),
        ),
        actions.save_indicator(
            actor=SYSTEM, entry=entry("literacy", "population_weighted_mean", minimum=Decimal(0), maximum=Decimal(100))
        ),
        actions.save_indicator(actor=SYSTEM, entry=entry("wait", "mean", "lower")),
    ]
    actions.save_rule(actor=SYSTEM, left="vaccinated", comparison="<=", right="children")
    return {i.code: i for i in made}


@pytest.fixture
def lab(db: None, settings: Settings) -> Lab:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    world = make_world()
    north = make_unit("0001021101-001", UnitKind.NEIGHBOURHOOD, "شمالی", world.city_a, population=3000)
    south = make_unit("0001021101-002", UnitKind.NEIGHBOURHOOD, "جنوبی", world.city_a, population=1000)
    Unit.objects.filter(pk=world.village_a.pk).update(population=1000)
    return Lab(
        world=world, north=north, south=south,
        secretary=make_person("secretary", Role.COUNCIL_SECRETARY, world.city_a),
        far_secretary=make_person("far_secretary", Role.COUNCIL_SECRETARY, world.city_b),
        administrator=make_person("administrator", Role.GOVERNOR_OFFICE_STAFF, world.province),
        observer=make_person("observer", Role.OBSERVER, world.province),
    )  # fmt: skip
