"""Staff sign-in through the page and the API, with lockouts per username and per address."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from ostan.accounts.models import User
from ostan.auditlog.models import Entry
from tests.accounts.conftest import Clock
from tests.accounts.people import PASSWORD

LOGIN_URL = "/accounts/login/"
API_LOGIN = "/api/accounts/login"


def post_login(client: Client, username: str, password: str, address: str = "10.0.0.1") -> Any:
    return client.post(LOGIN_URL, {"username": username, "password": password}, REMOTE_ADDR=address)


def api_login(client: Client, username: str, password: str, address: str = "10.0.0.1") -> Any:
    body = {"username": username, "password": password}
    return client.post(API_LOGIN, body, content_type="application/json", REMOTE_ADDR=address)


def test_page_login_signs_in_and_audits_once(client: Client, county_a_official: User) -> None:
    response = post_login(client, "county_a", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("web:home")
    assert int(client.session["_auth_user_id"]) == county_a_official.pk
    entries = Entry.objects.filter(event="accounts.signed_in")
    assert entries.count() == 1
    assert entries.get().unit_path == "IR/IR-07/IR-07-01"
    page = client.get("/")
    assert "زهرا کریمی" in page.content.decode()


def test_login_follows_a_safe_next_and_ignores_an_outside_one(client: Client, county_a_official: User) -> None:
    response = client.post(LOGIN_URL + "?next=/territory/", {"username": "county_a", "password": PASSWORD})
    assert response["Location"] == "/territory/"
    client.logout()
    response = client.post(LOGIN_URL + "?next=https://evil.example/", {"username": "county_a", "password": PASSWORD})
    assert response["Location"] == reverse("web:home")


def test_wrong_password_shows_a_persian_error_and_writes_nothing(client: Client, county_a_official: User) -> None:
    before = Entry.objects.count()
    response = post_login(client, "county_a", "not-the-password")
    assert response.status_code == 200
    assert "نام کاربری یا گذرواژه درست نیست" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert Entry.objects.count() == before


def test_sixth_attempt_is_refused_even_with_the_right_password(
    client: Client, county_a_official: User, clock: Clock
) -> None:
    for _ in range(5):
        clock.advance(seconds=20)
        assert post_login(client, "county_a", "wrong-password").status_code == 200
    assert Entry.objects.filter(event="accounts.sign_in_locked").count() == 1
    clock.advance(seconds=20)
    response = post_login(client, "county_a", PASSWORD)
    assert response.status_code == 429
    assert "دقیقه دیگر ممکن نیست" in response.content.decode()
    assert "_auth_user_id" not in client.session
    lockout = Entry.objects.get(event="accounts.sign_in_locked")
    assert lockout.unit_path == "IR/IR-07/IR-07-01"
    assert PASSWORD not in str(lockout.after)


def test_lockout_ends_after_fifteen_minutes(client: Client, county_a_official: User, clock: Clock) -> None:
    for _ in range(5):
        post_login(client, "county_a", "wrong-password")
    clock.advance(minutes=14, seconds=59)
    assert post_login(client, "county_a", PASSWORD).status_code == 429
    clock.advance(seconds=1)
    assert post_login(client, "county_a", PASSWORD).status_code == 302


def test_username_lockout_holds_from_another_address(client: Client, county_a_official: User, clock: Clock) -> None:
    for i in range(5):
        post_login(client, "county_a", "wrong-password", address=f"10.0.1.{i}")
    assert post_login(client, "county_a", PASSWORD, address="10.9.9.9").status_code == 429


def test_address_lockout_covers_every_username(
    client: Client, county_a_official: User, county_b_official: User, clock: Clock
) -> None:
    for i in range(5):
        post_login(client, f"guess{i}", "wrong-password", address="10.0.0.66")
    assert post_login(client, "county_b", PASSWORD, address="10.0.0.66").status_code == 429
    assert post_login(client, "county_b", PASSWORD, address="10.0.0.67").status_code == 302


def test_success_clears_the_username_counter(client: Client, county_a_official: User, clock: Clock) -> None:
    for _ in range(4):
        post_login(client, "county_a", "wrong-password")
    assert post_login(client, "county_a", PASSWORD).status_code == 302
    client.post("/accounts/logout/")
    for _ in range(4):
        post_login(client, "county_a", "wrong-password", address="10.0.0.2")
    assert post_login(client, "county_a", PASSWORD, address="10.0.0.2").status_code == 302


def test_logout_is_post_only(client: Client, county_a_official: User) -> None:
    client.force_login(county_a_official)
    assert client.get("/accounts/logout/").status_code == 405
    assert "_auth_user_id" in client.session
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_login_page_renders_in_persian(client: Client, db: None) -> None:
    page = client.get(LOGIN_URL).content.decode()
    assert 'dir="rtl"' in page
    assert "ورود کارکنان" in page
    assert 'name="password"' in page


def test_api_login_me_and_errors(client: Client, county_a_official: User, clock: Clock) -> None:
    assert client.get("/api/accounts/me").status_code == 401
    wrong = api_login(client, "county_a", "nope")
    assert wrong.status_code == 401
    assert wrong.json()["code"] == "invalid_credentials"
    ok = api_login(client, "county_a", PASSWORD)
    assert ok.status_code == 200
    assert ok.json()["role"] == "county_election_official"
    me = client.get("/api/accounts/me").json()
    assert me["full_name"] == "زهرا کریمی"
    assert me["unit"]["path"] == "IR/IR-07/IR-07-01"


def test_api_lockout_answers_429_with_a_stable_code(client: Client, county_a_official: User, clock: Clock) -> None:
    for _ in range(5):
        assert api_login(client, "county_a", "nope").status_code == 401
    refused = api_login(client, "county_a", PASSWORD)
    assert refused.status_code == 429
    body = refused.json()
    assert body["code"] == "too_many_attempts"
    assert body["details"]["retry_after_seconds"] == 15 * 60
    assert "دقیقه" in body["message"]


@pytest.mark.parametrize(
    "body",
    [b"", b"not json", b"[]", b'{"username": 5}', b'{"username": "a"}', b'{"username": null, "password": "x"}'],
)
def test_api_login_never_fails_with_500(client: Client, db: None, body: bytes) -> None:
    response = client.post(API_LOGIN, body, content_type="application/json")
    assert response.status_code in {400, 401, 422}
    assert "code" in response.json()


def test_openapi_schema_lists_the_accounts_endpoints(client: Client, db: None) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    assert {"/api/accounts/me", "/api/accounts/login", "/api/accounts/otp/request", "/api/accounts/otp/verify"} <= set(
        paths
    )
