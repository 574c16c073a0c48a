from __future__ import annotations

import pytest
from pytest_django.fixtures import Settings

from ostan.accounts import logins
from ostan.accounts.models import User
from ostan.core.access import Role
from tests.accounts.people import Tree, make_staff
from tests.accounts.staff_fixtures import admin, county_a_official, county_b_official, tree

__all__ = ["admin", "county_a_official", "county_b_official", "tree"]


@pytest.fixture(autouse=True)
def _fast_hashing(settings: Settings) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def entries(county_a_official: User, county_b_official: User, tree: Tree) -> None:
    """Each county's own account creations, plus one sign-in per official."""
    make_staff(county_a_official, "station_in_a", Role.STATION_OFFICIAL, tree.city_a, "کارمند شیراز")
    make_staff(county_b_official, "station_in_b", Role.STATION_OFFICIAL, tree.county_b, "کارمند مرودشت")
    logins.record_sign_in(account=county_a_official, method="password", address="10.0.0.1")
    logins.record_sign_in(account=county_b_official, method="password", address="10.0.0.2")
