"""Demo accounts: one per role, placed sensibly, able to sign in, and created only once."""

from __future__ import annotations

from django.contrib.auth import authenticate

from ostan.accounts.demo import DEMO_PASSWORD, create_demo_accounts
from ostan.accounts.models import Role, User
from ostan.auditlog.models import Entry
from tests.accounts.people import Tree


def test_one_account_per_role_idempotently(tree: Tree) -> None:
    codes = {"province_code": "IR-07", "county_code": "IR-07-01", "other_county_code": "IR-07-02"}
    first = create_demo_accounts(**codes)
    entries = Entry.objects.count()
    second = create_demo_accounts(**codes)
    assert first == second
    assert Entry.objects.count() == entries
    assert {u.role for u in User.objects.all()} == set(Role)
    assert User.objects.get(username="demo_country").unit == tree.country
    assert User.objects.get(username="demo_county").unit == tree.county_a
    assert User.objects.get(username="demo_county_other").unit == tree.county_b
    assert User.objects.get(username="demo_station").unit == tree.city_a
    assert authenticate(username="demo_county", password=DEMO_PASSWORD) is not None
    citizen = User.objects.get(role=Role.CITIZEN)
    assert not citizen.has_usable_password()
    assert {a.username for a in first} >= {"demo_admin", "demo_observer", citizen.username}
    assert Entry.objects.filter(event="accounts.create").count() == len(first)
