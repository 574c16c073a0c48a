"""Staff accounts in Chromium: a province official creates a county official, who signs in with the
temporary password, is made to replace it, and lands on the home page."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from playwright.sync_api import Page, expect
from pytest_django.fixtures import Settings
from pytest_django.live_server_helper import LiveServer

from ostan.accounts.models import User
from ostan.core.access import Role
from tests.accounts.people import PASSWORD, make_admin, make_staff, make_tree

pytestmark = pytest.mark.browser
TEMPORARY = "Golestan-Bahar-7391"
CHOSEN = "Kuh-Dena-Barf-4402"


@pytest.fixture(autouse=True)
def _live_site(settings: Settings, transactional_db: None) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()


def sign_in(page: Page, base: str, username: str, password: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("نام کاربری", exact=True).fill(username)
    page.get_by_label("گذرواژه", exact=True).fill(password)
    page.get_by_role("button", name="ورود").click()


def test_a_new_county_official_replaces_the_temporary_password(page: Page, live_server: LiveServer) -> None:
    tree = make_tree()
    make_staff(make_admin(), "fars_province", Role.PROVINCE_ELECTION_OFFICIAL, tree.province, "سارا محمدی")
    base = live_server.url

    sign_in(page, base, "fars_province", PASSWORD)
    page.get_by_role("navigation", name="بخش‌های سامانه").get_by_role("link", name="حساب‌های کارکنان").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("حساب‌های کارکنان")
    page.get_by_role("link", name="حساب تازه").click()
    page.get_by_label("نام کاربری", exact=True).fill("marvdasht_county")
    page.get_by_label("نام و نام خانوادگی", exact=True).fill("كاوه رحيمي")  # Arabic kaf and yeh
    page.get_by_label("تلفن همراه", exact=True).fill("۰۹۱۷ ۱۲۳ ۴۵۶۷")
    page.get_by_label("نقش", exact=True).select_option(label="مسئول انتخابات شهرستان")
    page.get_by_label("واحد محل خدمت", exact=True).fill("مرودشت")
    page.get_by_label("گذرواژهٔ موقت", exact=True).fill(TEMPORARY)
    page.get_by_role("button", name="ساخت حساب").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("کاوه رحیمی")
    expect(page.locator(".messages")).to_contain_text("گذرواژهٔ موقت را")
    expect(page.locator(".facts")).to_contain_text("شهرستان مرودشت")
    expect(page.locator(".facts")).to_contain_text("۰۹۱۷۱۲۳۴۵۶۷")
    page.get_by_role("button", name="خروج").click()

    sign_in(page, base, "marvdasht_county", TEMPORARY)
    expect(page).to_have_url(re.compile(r"/accounts/password/"))
    expect(page.get_by_role("note")).to_contain_text("گذرواژهٔ شما موقت است")
    page.get_by_label("گذرواژهٔ کنونی", exact=True).fill(TEMPORARY)
    page.get_by_label("گذرواژهٔ تازه", exact=True).fill(CHOSEN)
    page.get_by_label("تکرار گذرواژهٔ تازه", exact=True).fill(CHOSEN)
    page.get_by_role("button", name="ثبت گذرواژهٔ تازه").click()
    expect(page).to_have_url(f"{base}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("سامانه استان")
    expect(page.locator(".messages")).to_contain_text("گذرواژهٔ شما عوض شد")
    expect(page.locator(".site-header")).to_contain_text("کاوه رحیمی")
    official = User.objects.get(username="marvdasht_county")
    assert not official.must_change_password
    assert official.check_password(CHOSEN)
