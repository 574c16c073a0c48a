"""Demo accounts: every role held by someone, placed sensibly, one person with two posts, able to sign in,
and created only once."""

from __future__ import annotations

from django.contrib.auth import authenticate

from ostan.access.demo import create_demo_organisations
from ostan.access.models import Post
from ostan.accounts.demo import DEMO_PASSWORD, create_demo_accounts
from ostan.accounts.models import User
from ostan.auditlog.models import Entry
from ostan.core.access import Role
from tests.accounts.people import Tree
from tests.actors import only_post


def test_every_role_is_held_idempotently(tree: Tree) -> None:
    codes = {"province_code": "IR-07", "county_code": "IR-07-01", "other_county_code": "IR-07-02"}
    organisations = create_demo_organisations(**codes)
    first = create_demo_accounts(**codes, organisations=organisations)
    entries = Entry.objects.count()
    second = create_demo_accounts(**codes, organisations=create_demo_organisations(**codes))
    assert first == second
    assert Entry.objects.count() == entries
    assert set(Post.objects.values_list("role", flat=True)) == set(Role) - {Role.CITIZEN}
    assert only_post(User.objects.get(username="demo_country")).unit == tree.country
    assert only_post(User.objects.get(username="demo_county")).unit == tree.county_a
    assert only_post(User.objects.get(username="demo_county_other")).unit == tree.county_b
    assert only_post(User.objects.get(username="demo_station")).unit == tree.city_a
    agency = only_post(User.objects.get(username="demo_agency"))
    assert agency.organisation is not None
    assert agency.organisation.seat == tree.county_a
    assert Post.objects.filter(person__username="demo_two_posts", ends_at__isnull=True).count() == 2
    assert authenticate(username="demo_county", password=DEMO_PASSWORD) is not None
    citizen = User.objects.get(is_staff=False)
    assert not citizen.has_usable_password()
    assert {a.username for a in first} >= {"demo_admin", "demo_observer", "demo_two_posts", citizen.username}
    assert Entry.objects.filter(event="accounts.account_created").count() == len(first)
