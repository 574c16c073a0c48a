"""The accounts admin: changes go through the actions (one audit entry each) and stay inside scope."""

from __future__ import annotations

from django.test import Client

from ostan.accounts.models import Role, User
from ostan.auditlog.models import Entry
from tests.accounts.people import Tree, make_staff


def change(client: Client, account: User, **data: object) -> object:
    form = {"role": account.role, "unit": account.unit_id or "", "is_active": "on"} | data
    return client.post(f"/admin/accounts/user/{account.pk}/change/", form)


def test_role_change_through_the_admin_is_audited_once(client: Client, county_a_official: User, tree: Tree) -> None:
    station = make_staff(county_a_official, "station_x", Role.STATION_OFFICIAL, tree.city_a)
    client.force_login(county_a_official)
    before = Entry.objects.count()
    response = change(client, station, role=Role.CONSTITUENCY_ELECTION_OFFICIAL)
    assert response.status_code == 302  # type: ignore[attr-defined]
    station.refresh_from_db()
    assert station.role == Role.CONSTITUENCY_ELECTION_OFFICIAL
    assert Entry.objects.count() == before + 1
    assert Entry.objects.filter(event="accounts.change_role").count() == 1


def test_moving_an_account_out_of_scope_is_refused_in_the_form(
    client: Client, county_a_official: User, tree: Tree
) -> None:
    station = make_staff(county_a_official, "station_y", Role.STATION_OFFICIAL, tree.city_a)
    client.force_login(county_a_official)
    before = Entry.objects.count()
    response = change(client, station, unit=tree.county_b.pk)
    assert response.status_code == 200  # type: ignore[attr-defined]
    assert "خارج از حوزه مسئولیت شماست" in response.content.decode()  # type: ignore[attr-defined]
    station.refresh_from_db()
    assert station.unit == tree.city_a
    assert Entry.objects.count() == before


def test_deactivation_through_the_admin(client: Client, county_a_official: User, tree: Tree) -> None:
    station = make_staff(county_a_official, "station_z", Role.STATION_OFFICIAL, tree.city_a)
    client.force_login(county_a_official)
    form = {"role": station.role, "unit": station.unit_id}  # is_active unticked
    client.post(f"/admin/accounts/user/{station.pk}/change/", form)
    station.refresh_from_db()
    assert not station.is_active
    assert Entry.objects.filter(event="accounts.deactivate").count() == 1


def test_officials_cannot_open_accounts_of_another_county(
    client: Client, county_a_official: User, county_b_official: User
) -> None:
    client.force_login(county_a_official)
    response = client.get(f"/admin/accounts/user/{county_b_official.pk}/change/")
    assert response.status_code == 302  # the admin redirects to the index for objects it cannot find
    assert county_b_official.username not in client.get("/admin/accounts/user/").content.decode()
