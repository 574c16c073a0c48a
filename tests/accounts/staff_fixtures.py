"""Fixtures for a two-county tree with an administrator and one county election official in each county.

Imported by the conftest of every test package that needs them (accounts, auditlog)."""

from __future__ import annotations

import pytest

from ostan.accounts.models import User
from ostan.core.access import Role
from tests.accounts.people import Tree, make_admin, make_staff, make_tree


@pytest.fixture
def tree(db: None) -> Tree:
    return make_tree()


@pytest.fixture
def admin(tree: Tree) -> User:
    return make_admin()


@pytest.fixture
def county_a_official(admin: User, tree: Tree) -> User:
    return make_staff(admin, "county_a", Role.COUNTY_ELECTION_OFFICIAL, tree.county_a, "زهرا کریمی")


@pytest.fixture
def county_b_official(admin: User, tree: Tree) -> User:
    return make_staff(admin, "county_b", Role.COUNTY_ELECTION_OFFICIAL, tree.county_b, "علی رضایی")
