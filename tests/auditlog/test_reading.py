"""Reading the audit log: officials see their own county only, on the page, the API and the admin."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from ostan.accounts.models import User
from ostan.auditlog.models import Entry
from ostan.core import jalali
from ostan.core.access import Role
from tests.accounts.people import Tree, make_staff
from tests.actors import make_person

JALALI = re.compile("[۰-۹]{4}/[۰-۹]{2}/[۰-۹]{2} [۰-۹]{2}:[۰-۹]{2}")


@pytest.mark.usefixtures("entries")
def test_page_shows_own_county_only_with_jalali_times(client: Client, county_a_official: User) -> None:
    client.force_login(county_a_official)
    page = client.get("/audit/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "station_in_a" in html
    assert "مرودشت" not in html
    assert "county_b" not in html
    assert JALALI.search(html)
    assert "ساخت حساب" in html


@pytest.mark.usefixtures("entries")
def test_page_filters_by_event(client: Client, county_a_official: User) -> None:
    client.force_login(county_a_official)
    html = client.get("/audit/", {"event": "accounts.signed_in"}).content.decode()
    assert html.count("<tr>") == 2  # header row and the one sign-in
    assert "accounts.account_created" not in html.split("<tbody>")[1]


@pytest.mark.usefixtures("entries")
def test_national_administrator_sees_both_counties(client: Client, admin: User) -> None:
    client.force_login(admin)
    html = client.get("/audit/").content.decode()
    assert "county_a" in html
    assert "county_b" in html


def test_page_paginates(client: Client, county_a_official: User, tree: Tree) -> None:
    for i in range(55):
        make_staff(county_a_official, f"station_{i}", Role.STATION_OFFICIAL, tree.city_a)
    client.force_login(county_a_official)
    first = client.get("/audit/").content.decode()
    assert "صفحهٔ ۱ از ۲" in first
    second = client.get("/audit/", {"page": "2"}).content.decode()
    assert "صفحهٔ ۲ از ۲" in second
    assert client.get("/audit/", {"page": "nonsense"}).status_code == 200


def test_page_is_for_staff_only(client: Client, db: None) -> None:
    assert client.get("/audit/")["Location"].startswith("/accounts/login/")
    citizen = make_person("0499370899", Role.CITIZEN, None)
    client.force_login(citizen)
    assert client.get("/audit/").status_code == 403


@pytest.mark.usefixtures("entries")
def test_api_lists_only_entries_in_scope(county_a_official: User, county_b_official: User) -> None:
    def api(person: User, query: str = "") -> dict[str, Any]:
        client = Client()
        client.force_login(person)
        return client.get("/api/audit/entries" + query).json()  # type: ignore[no-any-return]

    body = api(county_a_official)
    paths = {item["unit_path"] for item in body["items"]}
    assert paths
    assert all(p.startswith("IR/IR-07/IR-07-01") for p in paths)
    assert body["count"] == Entry.objects.filter(unit_path__startswith="IR/IR-07/IR-07-01").count()
    other = api(county_b_official)
    assert all(item["unit_path"].startswith("IR/IR-07/IR-07-02") for item in other["items"])
    logins = api(county_a_official, "?event=accounts.signed_in")
    assert [item["event_label"] for item in logins["items"]] == ["ورود"]


def test_api_refuses_pages_and_events_the_database_cannot_take(county_a_official: User) -> None:
    client = Client()
    client.force_login(county_a_official)
    too_far = client.get("/api/audit/entries", {"page": 2**70})
    assert (too_far.status_code, too_far.json()["code"]) == (422, "invalid_input")
    odd_event = client.get("/api/audit/entries", {"event": "accounts\x00login"})
    assert (odd_event.status_code, odd_event.json()["code"]) == (400, "invalid_characters")


def test_api_refuses_citizens(client: Client, db: None) -> None:
    citizen = make_person("0499370899", Role.CITIZEN, None)
    client.force_login(citizen)
    refused = client.get("/api/audit/entries")
    assert (refused.status_code, refused.json()["code"]) == (403, "out_of_scope")


@pytest.mark.usefixtures("entries")
def test_admin_changelist_is_read_only_with_jalali_dates(client: Client, admin: User) -> None:
    client.force_login(admin)
    page = client.get("/admin/auditlog/entry/")
    assert page.status_code == 200
    html = page.content.decode()
    assert JALALI.search(html)
    assert "/admin/auditlog/entry/add/" not in html
    assert 'dir="rtl"' in html
    entry = Entry.objects.first()
    assert entry is not None
    assert client.get(f"/admin/auditlog/entry/{entry.pk}/change/").status_code == 200
    assert client.post(f"/admin/auditlog/entry/{entry.pk}/delete/").status_code == 403
    assert client.get("/admin/auditlog/entry/add/").status_code == 403


@pytest.mark.usefixtures("entries")
def test_admin_changelist_is_scoped_for_county_officials(client: Client, county_a_official: User) -> None:
    client.force_login(county_a_official)
    html = client.get("/admin/auditlog/entry/").content.decode()
    assert "station_in_a" in html
    assert "station_in_b" not in html
    assert "county_b" not in html


@pytest.mark.usefixtures("entries")
def test_admin_user_list_is_scoped_and_shows_jalali_dates(client: Client, county_a_official: User) -> None:
    client.force_login(county_a_official)
    html = client.get("/admin/accounts/user/").content.decode()
    assert "station_in_a" in html
    assert "station_in_b" not in html
    assert JALALI.search(html)
    assert "/admin/accounts/user/add/" not in html


def _rows(html: str) -> str:
    return html.split("<tbody>")[1].split("</tbody>")[0] if "<tbody>" in html else ""


@pytest.mark.usefixtures("entries")
def test_page_filters_by_actor_and_unit_within_the_readers_scope(client: Client, admin: User) -> None:
    client.force_login(admin)
    by_name = _rows(client.get("/audit/", {"who": "county_b"}).content.decode())
    assert "station_in_b" in by_name
    assert "station_in_a" not in by_name
    under_county_a = _rows(client.get("/audit/", {"unit": "IR-07-01"}).content.decode())
    assert "station_in_a" in under_county_a  # created in the city, under the county
    assert "station_in_b" not in under_county_a
    bad = client.get("/audit/", {"unit": "شیراز"}).content.decode()
    assert 'id="unit-error"' in bad


@pytest.mark.usefixtures("entries")
def test_page_filters_by_jalali_dates(client: Client, admin: User) -> None:
    client.force_login(admin)
    recorded = Entry.objects.order_by("recorded_at").first()
    assert recorded is not None
    today = jalali.format_date(recorded.recorded_at.astimezone(jalali.TEHRAN).date())
    assert "station_in_a" in _rows(client.get("/audit/", {"since": today, "until": today}).content.decode())
    assert _rows(client.get("/audit/", {"until": "۱۴۰۰/۰۱/۰۱"}).content.decode()) == ""
    assert _rows(client.get("/audit/", {"since": "1499/1/1"}).content.decode()) == ""
    bad = client.get("/audit/", {"since": "۱۴۰۵/۱۳/۰۱"}).content.decode()
    assert "چنین روزی در تقویم خورشیدی وجود ندارد" in bad
