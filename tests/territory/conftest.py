"""A small real-looking tree (two provinces, four counties) loaded with the project's own loader."""

from __future__ import annotations

from pathlib import Path

import pytest

from ostan.accounts.models import User
from ostan.core.access import Role
from ostan.territory.loading import load_territory
from ostan.territory.models import Unit
from tests.actors import make_person

FIXTURE_TREE = Path(__file__).resolve().parent / "fixtures" / "tree"
# County A (اسلام‌آباد غرب) and county B (کرمانشاه) of Kermanshah province, with a city in each.
COUNTY_A, CITY_A = "0501", "0501031256"
COUNTY_B, CITY_B = "0502", "0502041258"


@pytest.fixture
def tree(db: None) -> None:
    load_territory(FIXTURE_TREE)


def make_official(username: str, unit_code: str, role: str = Role.COUNTY_ELECTION_OFFICIAL) -> User:
    return make_person(username, role, Unit.objects.get(code=unit_code), password="a-long-test-password")


@pytest.fixture
def official_a(tree: None) -> User:
    return make_official("official-a", COUNTY_A)


@pytest.fixture
def official_b(tree: None) -> User:
    return make_official("official-b", COUNTY_B)
