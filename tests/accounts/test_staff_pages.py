"""The staff-accounts pages: a scoped, searchable list; a new account; one account with its buttons."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from ostan.accounts import actions
from ostan.accounts.models import User
from ostan.auditlog.models import Entry
from ostan.core.access import Role
from tests.accounts.conftest import Clock
from tests.accounts.people import PASSWORD, Tree, make_staff
from tests.actors import as_actor, only_post

LIST = "/accounts/staff/"
NEW = "/accounts/staff/new/"
TEMPORARY = "Golestan-Bahar-7391"


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def page_text(response: Any) -> str:
    return str(response.content.decode())


def listed(response: Any) -> str:
    """The accounts table alone (the header names the reader, the filters name every role)."""
    found = re.search(r"<tbody>.*</tbody>", page_text(response), re.S)
    return found.group(0) if found else ""


@pytest.fixture
def province_official(admin: User, tree: Tree) -> User:
    return make_staff(admin, "province", Role.PROVINCE_ELECTION_OFFICIAL, tree.province, "سارا محمدی")


def test_the_list_holds_only_the_readers_scope(
    province_official: User, county_a_official: User, county_b_official: User, tree: Tree
) -> None:
    make_staff(county_a_official, "station_a", Role.STATION_OFFICIAL, tree.city_a, "حسن نوری")
    county_page = listed(signed_in(county_a_official).get(LIST))
    assert "حسن نوری" in county_page
    assert "زهرا کریمی" in county_page
    assert "علی رضایی" not in county_page
    assert "سارا محمدی" not in county_page
    province_page = listed(signed_in(province_official).get(LIST))
    assert all(name in province_page for name in ("حسن نوری", "زهرا کریمی", "علی رضایی", "سارا محمدی"))
    assert "مدیر سامانه" not in province_page  # the unitless administrator is above every unit


def test_search_folds_arabic_letters_and_spacing(county_a_official: User, tree: Tree) -> None:
    make_staff(county_a_official, "station_k", Role.STATION_OFFICIAL, tree.city_a, "محمدعلی کیانی")
    make_staff(county_a_official, "station_m", Role.STATION_OFFICIAL, tree.city_a, "مینا سلیمانی")
    client = signed_in(county_a_official)
    for query in ("كياني", "محمد علی", "STATION_K"):
        found = listed(client.get(LIST, {"q": query}))
        assert "محمدعلی کیانی" in found, query
        assert "مینا سلیمانی" not in found, query


def test_filters_by_role_unit_and_state(county_a_official: User, tree: Tree, clock: Clock) -> None:
    station = make_staff(county_a_official, "station_f", Role.STATION_OFFICIAL, tree.city_a, "فرهاد امینی")
    make_staff(county_a_official, "constituency_f", Role.CONSTITUENCY_ELECTION_OFFICIAL, tree.county_a, "نسرین پاکزاد")
    client = signed_in(county_a_official)
    by_role = listed(client.get(LIST, {"role": Role.STATION_OFFICIAL}))
    assert "فرهاد امینی" in by_role
    assert "نسرین پاکزاد" not in by_role
    by_unit = listed(client.get(LIST, {"unit": tree.city_a.code}))
    assert "فرهاد امینی" in by_unit
    assert "زهرا کریمی" not in by_unit
    actions.deactivate_account(actor=as_actor(county_a_official), account_id=station.pk)
    inactive = listed(client.get(LIST, {"status": "inactive"}))
    assert "فرهاد امینی" in inactive
    assert "نسرین پاکزاد" not in inactive
    assert "فرهاد امینی" not in listed(client.get(LIST, {"status": "active"}))
    for _ in range(5):
        Client().post("/accounts/login/", {"username": "constituency_f", "password": "wrong"})
    locked = listed(client.get(LIST, {"status": "locked"}))
    assert "نسرین پاکزاد" in locked
    assert "فرهاد امینی" not in locked
    assert "ورود بسته" in locked


def test_an_unknown_or_ambiguous_unit_filter_says_why(county_a_official: User, tree: Tree) -> None:
    client = signed_in(county_a_official)
    response = client.get(LIST, {"unit": "ناکجاآباد"})
    assert response.status_code == 400
    assert "یافت نشد" in page_text(response)
    response = client.get(LIST, {"unit": "شیراز"})  # the county and the city share the name
    assert response.status_code == 400
    assert "کد واحد را وارد کنید" in page_text(response)


def test_the_list_pages_through_many_accounts(admin: User, tree: Tree) -> None:
    for n in range(35):
        make_staff(admin, f"clerk{n:02d}", Role.SERVICE_DESK_CLERK, tree.county_b, f"کارمند {n:02d}")
    client = signed_in(admin)
    first, second = page_text(client.get(LIST, {"role": Role.SERVICE_DESK_CLERK})), ""
    second = page_text(client.get(LIST, {"role": Role.SERVICE_DESK_CLERK, "page": 2}))
    assert "۳۵ حساب" in first
    assert "صفحهٔ ۱ از ۲" in first
    assert "صفحهٔ ۲ از ۲" in second
    assert "role=service_desk_clerk&amp;page=2" in first
    rows = lambda text: set(re.findall(r"clerk\d\d", text))  # noqa: E731
    assert len(rows(first)) == 30
    assert len(rows(second)) == 5
    assert not rows(first) & rows(second)


def test_only_account_managers_open_the_pages(county_a_official: User, tree: Tree) -> None:
    station = make_staff(county_a_official, "station_s", Role.STATION_OFFICIAL, tree.city_a)
    assert Client().get(LIST).status_code == 302  # to the sign-in page
    assert signed_in(station).get(LIST).status_code == 403
    assert "حساب‌های کارکنان" not in page_text(signed_in(station).get("/"))
    assert "حساب‌های کارکنان" in page_text(signed_in(county_a_official).get("/"))


def test_create_form_makes_an_account_with_a_temporary_password(province_official: User, tree: Tree) -> None:
    client = signed_in(province_official)
    form = page_text(client.get(NEW))
    assert 'value="county_election_official"' in form
    assert 'value="country_election_official"' not in form
    data = {"username": "new_county", "full_name": "پرویز نادری", "mobile": "۰۹۱۷ ۱۲۳ ۴۵۶۷",
            "role": Role.COUNTY_ELECTION_OFFICIAL, "unit": tree.county_b.code, "password": TEMPORARY}  # fmt: skip
    response = client.post(NEW, data)
    created = User.objects.get(username="new_county")
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/staff/{created.pk}/"
    assert only_post(created).unit == tree.county_b
    assert created.mobile == "09171234567"
    assert created.must_change_password
    detail = page_text(client.get(response["Location"]))
    assert "ساخت حساب" in detail  # the account's own audit entry
    assert TEMPORARY not in detail


def test_create_form_shows_refusals_on_their_fields(county_a_official: User, tree: Tree) -> None:
    client = signed_in(county_a_official)
    before = (User.objects.count(), Entry.objects.count())
    data = {"username": "far", "full_name": "دور", "role": Role.STATION_OFFICIAL, "unit": tree.county_b.code,
            "password": TEMPORARY}  # fmt: skip
    response = client.post(NEW, data)
    assert response.status_code == 400
    assert re.search(r'id="id_unit-error">«مرودشت» خارج از حوزه', page_text(response))
    response = client.post(NEW, data | {"unit": tree.city_a.code, "password": "short"})
    assert response.status_code == 400
    assert 'id="id_password-error">گذرواژه کوتاه است' in page_text(response)
    assert (User.objects.count(), Entry.objects.count()) == before


def test_another_countys_account_is_not_found(county_a_official: User, county_b_official: User) -> None:
    client = signed_in(county_a_official)
    before = Entry.objects.count()
    base = f"/accounts/staff/{county_b_official.pk}/"
    assert client.get(base).status_code == 404
    for action in ("deactivate/", "unlock/", "reactivate/"):
        assert client.post(base + action).status_code == 404
    assert client.post(base + "password/", {"password": TEMPORARY}).status_code == 404
    assert client.post(base + "role/", {"role": Role.STATION_OFFICIAL, "unit": "IR-07-01"}).status_code == 404
    assert Entry.objects.count() == before
    county_b_official.refresh_from_db()
    assert county_b_official.is_active
    assert county_b_official.check_password(PASSWORD)


def test_detail_buttons_change_the_account(county_a_official: User, tree: Tree) -> None:
    station = make_staff(county_a_official, "station_b", Role.STATION_OFFICIAL, tree.city_a, "بهرام صادقی")
    client = signed_in(county_a_official)
    url = f"/accounts/staff/{station.pk}/"
    detail = page_text(client.get(url))
    assert "غیرفعال کردن حساب" in detail
    assert "باز کردن ورود" not in detail
    assert re.search(r"[۰-۹]{4}/[۰-۹]{2}/[۰-۹]{2}", detail)  # the Jalali date, in Persian digits
    response = client.post(url + "deactivate/", follow=True)
    assert "حساب غیرفعال شد" in page_text(response)
    assert "فعال کردن دوبارهٔ حساب" in page_text(response)
    assert "فعال: بله ← خیر" in page_text(response)
    response = client.post(url + "role/", {"role": Role.CONSTITUENCY_ELECTION_OFFICIAL, "unit": "شیراز"})
    assert response.status_code == 400
    assert "کد واحد را وارد کنید" in page_text(response)
    response = client.post(url + "role/", {"role": Role.CONSTITUENCY_ELECTION_OFFICIAL, "unit": tree.county_a.code})
    assert response.status_code == 302
    response = client.post(url + "password/", {"password": TEMPORARY}, follow=True)
    assert "گذرواژهٔ موقت ثبت شد" in page_text(response)
    station.refresh_from_db()
    assert not station.is_active
    assert only_post(station).role == Role.CONSTITUENCY_ELECTION_OFFICIAL
    assert station.must_change_password
    assert station.check_password(TEMPORARY)


def test_own_account_offers_no_buttons(county_a_official: User) -> None:
    detail = page_text(signed_in(county_a_official).get(f"/accounts/staff/{county_a_official.pk}/"))
    assert "این حساب خودتان است" in detail
    assert "غیرفعال کردن حساب" not in detail


def test_forms_need_the_csrf_token(county_a_official: User, tree: Tree) -> None:
    station = make_staff(county_a_official, "station_c", Role.STATION_OFFICIAL, tree.city_a)
    client = Client(enforce_csrf_checks=True)
    client.force_login(county_a_official)
    assert client.post(f"/accounts/staff/{station.pk}/deactivate/").status_code == 403
    station.refresh_from_db()
    assert station.is_active


def test_unit_suggestions_stay_in_scope(county_a_official: User, tree: Tree) -> None:
    client = signed_in(county_a_official)
    options = page_text(client.get("/accounts/staff/units/", {"unit": "شیر"}))
    assert f'value="{tree.city_a.code}"' in options
    assert f'value="{tree.county_a.code}"' in options
    assert "مرودشت" not in page_text(client.get("/accounts/staff/units/", {"unit": "مرو"}))


def test_changing_ones_password_through_the_page(county_a_official: User) -> None:
    client = signed_in(county_a_official)
    url = "/accounts/password/?next=/territory/"
    response = client.post(url, {"current_password": PASSWORD, "new_password": "Kuh-Dena-Barf-4402",
                                 "new_password_again": "Kuh-Dena-Barf-4403"})  # fmt: skip
    assert response.status_code == 400
    assert "یکی نیست" in page_text(response)
    response = client.post(url, {"current_password": PASSWORD, "new_password": "Kuh-Dena-Barf-4402",
                                 "new_password_again": "Kuh-Dena-Barf-4402"})  # fmt: skip
    assert response.status_code == 302
    assert response["Location"] == "/territory/"
    assert client.get("/accounts/staff/").status_code == 200  # still signed in with the new password


def test_an_account_without_a_name_is_shown_by_its_username_as_typed(county_a_official: User, tree: Tree) -> None:
    """A username is an identifier: «pishva_member1», never «pishva_member۱»."""
    account = make_staff(county_a_official, "pishva_member1", Role.STATION_OFFICIAL, tree.city_a)
    User.objects.filter(pk=account.pk).update(first_name="", last_name="")
    client = signed_in(county_a_official)
    assert '<bdi dir="ltr">pishva_member1</bdi>' in listed(client.get(LIST))
    detail = page_text(client.get(f"/accounts/staff/{account.pk}/"))
    assert "pishva_member1" in detail
    assert "pishva_member۱" not in detail
