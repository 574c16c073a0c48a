"""The accounts admin obeys the staff pages' policy: only roles that manage accounts open it, each sees the
accounts with a post in their territory, posts are shown and never edited there, and switching an account
off goes through the action (one audit entry)."""

from __future__ import annotations

import pytest
from django.test import Client

from ostan.access.models import Post
from ostan.accounts.models import User
from ostan.auditlog.models import Entry
from ostan.core.access import Role
from tests.accounts.people import Tree, make_staff
from tests.actors import only_post


def test_posts_are_shown_and_not_changed_in_the_admin(client: Client, county_a_official: User, tree: Tree) -> None:
    station = make_staff(county_a_official, "station_x", Role.STATION_OFFICIAL, tree.city_a)
    client.force_login(county_a_official)
    page = client.get(f"/admin/accounts/user/{station.pk}/change/").content.decode()
    assert "عضو شعبه اخذ رأی" in page
    before = Entry.objects.count()
    client.post(f"/admin/accounts/user/{station.pk}/change/", {"is_active": "on", "role": Role.GOVERNOR})
    assert only_post(station).role == Role.STATION_OFFICIAL
    assert Post.objects.filter(person=station).count() == 1
    assert Entry.objects.count() == before


def test_deactivation_through_the_admin(client: Client, county_a_official: User, tree: Tree) -> None:
    station = make_staff(county_a_official, "station_z", Role.STATION_OFFICIAL, tree.city_a)
    client.force_login(county_a_official)
    client.post(f"/admin/accounts/user/{station.pk}/change/", {})  # is_active unticked
    station.refresh_from_db()
    assert not station.is_active
    assert Entry.objects.filter(event="accounts.account_deactivated").count() == 1


def test_officials_cannot_open_accounts_of_another_county(
    client: Client, county_a_official: User, county_b_official: User
) -> None:
    client.force_login(county_a_official)
    response = client.get(f"/admin/accounts/user/{county_b_official.pk}/change/")
    assert response.status_code == 302  # the admin redirects to the index for objects it cannot find
    assert county_b_official.username not in client.get("/admin/accounts/user/").content.decode()


@pytest.mark.parametrize(
    "role", [Role.STATION_OFFICIAL, Role.OBSERVER, Role.SERVICE_DESK_CLERK, Role.INSTITUTION_REPRESENTATIVE]
)
def test_roles_that_do_not_manage_accounts_read_no_staff_data_in_the_admin(
    client: Client, county_a_official: User, tree: Tree, role: Role
) -> None:
    """Before, any staff role read other staff's national code and mobile here and searched by national code."""
    colleague = make_staff(county_a_official, "colleague", Role.STATION_OFFICIAL, tree.city_a)
    User.objects.filter(pk=colleague.pk).update(national_code="0499370899", mobile="09121234567")
    reader = make_staff(county_a_official, "reader", Role.STATION_OFFICIAL, tree.city_a)
    reader_post = only_post(reader)
    Post.objects.filter(pk=reader_post.pk).update(role=role)
    client.force_login(reader)
    for url in (
        f"/admin/accounts/user/{colleague.pk}/change/",
        "/admin/accounts/user/?q=0499370899",
        "/admin/accounts/user/",
    ):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert "0499370899" not in response.content.decode()
        assert "09121234567" not in response.content.decode()
