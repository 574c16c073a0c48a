"""Staff accounts through /api/accounts/staff: scoped like the pages, with the standard error shape."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from ostan.accounts import actions
from ostan.accounts.models import User
from ostan.auditlog.models import Entry
from ostan.core.access import Role
from tests.accounts.people import PASSWORD, Tree, make_staff
from tests.actors import as_actor

STAFF = "/api/accounts/staff"
TEMPORARY = "Golestan-Bahar-7391"


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def post(client: Client, path: str, body: dict[str, Any] | None = None) -> Any:
    return client.post(path, body or {}, content_type="application/json")


def test_list_is_scoped_filtered_and_paged(county_a_official: User, county_b_official: User, tree: Tree) -> None:
    make_staff(county_a_official, "station_a", Role.STATION_OFFICIAL, tree.city_a, "حسن نوری")
    client = signed_in(county_a_official)
    body = client.get(STAFF).json()
    assert {item["username"] for item in body["items"]} == {"county_a", "station_a"}
    assert (body["count"], body["page"], body["page_count"]) == (2, 1, 1)
    found = client.get(STAFF, {"q": "نوري", "status": "active"}).json()
    assert [item["username"] for item in found["items"]] == ["station_a"]
    assert found["items"][0]["unit"]["code"] == tree.city_a.code
    assert found["items"][0]["role_label"] == "عضو شعبه اخذ رأی"
    assert client.get(STAFF, {"unit": tree.city_a.code}).json()["count"] == 1


def test_list_refusals_have_the_standard_shape(county_a_official: User, tree: Tree) -> None:
    station = make_staff(county_a_official, "station_x", Role.STATION_OFFICIAL, tree.city_a)
    assert Client().get(STAFF).json()["code"] == "authentication_required"
    refused = signed_in(station).get(STAFF)
    assert refused.status_code == 403
    assert set(refused.json()) == {"code", "message", "details"}
    client = signed_in(county_a_official)
    assert client.get(STAFF, {"role": "citizen"}).json()["code"] == "invalid_account"
    assert client.get(STAFF, {"status": "asleep"}).status_code == 422
    assert client.get(STAFF, {"unit": "IR-07-02"}).json()["count"] == 0  # a foreign unit holds nothing of theirs


def test_create_then_manage_an_account(county_a_official: User, tree: Tree) -> None:
    client = signed_in(county_a_official)
    payload = {"username": "api_station", "full_name": "ليلا حسيني", "mobile": "09171112233",
               "role": Role.STATION_OFFICIAL, "unit": tree.city_a.code, "password": TEMPORARY}  # fmt: skip
    created = post(client, STAFF, payload)
    assert created.status_code == 201, created.json()
    account = created.json()
    assert account["full_name"] == "لیلا حسینی"
    assert account["must_change_password"] is True
    assert "password" not in account
    base = f"{STAFF}/{account['id']}"
    assert client.get(base).json()["username"] == "api_station"
    assert post(client, base + "/deactivate").json()["is_active"] is False
    repeated = post(client, base + "/deactivate")
    assert (repeated.status_code, repeated.json()["code"]) == (409, "already_inactive")
    assert post(client, base + "/reactivate").json()["is_active"] is True
    moved = post(client, base + "/role", {"role": Role.CONSTITUENCY_ELECTION_OFFICIAL, "unit": tree.county_a.code})
    assert moved.json()["unit"]["code"] == tree.county_a.code
    assert post(client, base + "/temporary-password", {"password": TEMPORARY + "x"}).status_code == 200
    assert post(client, base + "/unlock").json()["code"] == "not_locked"
    events = list(Entry.objects.filter(object_id=str(account["id"])).values_list("event", flat=True))
    assert sorted(events) == sorted(
        ["accounts.account_created", "accounts.account_deactivated", "accounts.account_reactivated",
         "accounts.post_replaced", "accounts.temporary_password_set"]
    )  # fmt: skip
    assert TEMPORARY not in str(list(Entry.objects.values_list("before", "after")))


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"role": Role.PROVINCE_ELECTION_OFFICIAL}, (403, "role_not_assignable")),
        ({"unit": "IR-07-02"}, (403, "out_of_scope")),
        ({"mobile": "12345"}, (400, "invalid_mobile")),
        ({"password": "short"}, (400, "invalid_account")),
        ({"username": "bad name"}, (400, "invalid_account")),
        ({"username": "x\u0000y"}, (400, "invalid_account")),
        ({"full_name": "نام\u0000"}, (400, "invalid_account")),
        ({"unit": "\u0000"}, (400, "invalid_account")),
    ],
)
def test_create_refusals_write_nothing(
    county_a_official: User, tree: Tree, change: dict[str, str], expected: tuple[int, str]
) -> None:
    payload = {"username": "api_new", "full_name": "نام", "role": Role.STATION_OFFICIAL,
               "unit": tree.city_a.code, "password": TEMPORARY} | change  # fmt: skip
    before = (User.objects.count(), Entry.objects.count())
    response = post(signed_in(county_a_official), STAFF, payload)
    assert (response.status_code, response.json()["code"]) == expected
    assert (User.objects.count(), Entry.objects.count()) == before


def test_foreign_and_missing_accounts_answer_404(county_a_official: User, county_b_official: User) -> None:
    client = signed_in(county_a_official)
    for account_id in (county_b_official.pk, 987_654_321, 2**70):
        assert client.get(f"{STAFF}/{account_id}").status_code == 404
        refused = post(client, f"{STAFF}/{account_id}/deactivate")
        assert (refused.status_code, refused.json()["code"]) == (404, "not_found")
    county_b_official.refresh_from_db()
    assert county_b_official.is_active


def test_own_account_is_refused(county_a_official: User) -> None:
    refused = post(signed_in(county_a_official), f"{STAFF}/{county_a_official.pk}/deactivate")
    assert (refused.status_code, refused.json()["code"]) == (403, "own_account")


def test_a_temporary_password_closes_the_api_until_replaced(county_a_official: User, tree: Tree) -> None:
    station = make_staff(county_a_official, "station_t", Role.STATION_OFFICIAL, tree.city_a)
    actions.set_temporary_password(actor=as_actor(county_a_official), account_id=station.pk, password=TEMPORARY)
    client = Client()
    signed = post(client, "/api/accounts/login", {"username": "station_t", "password": TEMPORARY})
    assert signed.json()["must_change_password"] is True
    refused = client.get("/api/elections/rounds")
    assert (refused.status_code, refused.json()["code"]) == (403, "password_change_required")
    wrong = post(client, "/api/accounts/password", {"current_password": PASSWORD, "new_password": "Kuh-Dena-4402"})
    assert (wrong.status_code, wrong.json()["code"]) == (400, "wrong_password")
    changed = post(client, "/api/accounts/password", {"current_password": TEMPORARY, "new_password": "Kuh-Dena-4402"})
    assert changed.status_code == 200
    assert changed.json()["must_change_password"] is False
    assert client.get("/api/elections/rounds").status_code == 200
