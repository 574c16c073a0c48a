"""Signing in through real pages in Chromium: a staff member with a password, a citizen with an SMS code."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from playwright.sync_api import Page, expect
from pytest_django.fixtures import Settings
from pytest_django.live_server_helper import LiveServer

from ostan.accounts.sms import MemoryBackend
from ostan.core.access import Role
from ostan.core.text import to_persian_digits
from tests.accounts.people import PASSWORD, make_admin, make_staff, make_tree

pytestmark = pytest.mark.browser
NATIONAL_CODE = "0499370899"


@pytest.fixture(autouse=True)
def _live_site(settings: Settings, transactional_db: None) -> None:
    # The live server runs in a thread of this process, so it sees these settings and this outbox.
    settings.OSTAN_SMS_BACKEND = "ostan.accounts.sms.MemoryBackend"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()
    MemoryBackend.outbox.clear()
    return


def test_staff_member_signs_in_and_sees_their_name(page: Page, live_server: LiveServer) -> None:
    tree = make_tree()
    make_staff(make_admin(), "county_a", Role.COUNTY_ELECTION_OFFICIAL, tree.county_a, "زهرا کریمی")
    page.goto(f"{live_server.url}/accounts/login/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    page.get_by_label("نام کاربری").fill("county_a")
    page.get_by_label("گذرواژه").fill(PASSWORD)
    page.get_by_role("button", name="ورود").click()
    header = page.locator(".site-header")
    expect(header).to_contain_text("زهرا کریمی")
    page.get_by_role("button", name="خروج").click()
    expect(header.get_by_role("link", name="ورود")).to_be_visible()
    expect(header).not_to_contain_text("زهرا کریمی")


def test_citizen_signs_in_with_persian_digits_and_the_sms_code(page: Page, live_server: LiveServer) -> None:
    page.goto(f"{live_server.url}/accounts/citizen/")
    page.get_by_label("کد ملی").fill(to_persian_digits(NATIONAL_CODE))
    page.get_by_label("تلفن همراه").fill("۰۹۱۲۱۲۳۴۵۶۷")
    page.get_by_role("button", name="دریافت کد").click()
    expect(page.get_by_role("heading", name="کد ورود")).to_be_visible()
    expect(page.locator(".messages")).to_contain_text("0912***4567")
    assert len(MemoryBackend.outbox) == 1
    match = re.search(r"\b(\d{6})\b", MemoryBackend.outbox[0].text)
    assert match is not None
    page.get_by_label("کد پیامک‌شده").fill(to_persian_digits(match.group(1)))
    page.get_by_role("button", name="ورود").click()
    # The citizen's username is their national code: an identifier, shown as typed (docs: digits by rule).
    expect(page.locator(".site-header")).to_contain_text(NATIONAL_CODE)
    expect(page.locator(".site-header")).to_contain_text("شهروند")
