"""The service desk in Chromium: a citizen signs in with an SMS code, files a request online, gets the
tracking code and tracks it without signing in; the water company's officer answers it from the inbox;
the citizen reads the answer on the status page and in their own requests."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from playwright.sync_api import Page, expect
from pytest_django.fixtures import Settings
from pytest_django.live_server_helper import LiveServer

from ostan.accounts.sms import MemoryBackend
from ostan.core.text import to_persian_digits
from tests.actors import PASSWORD
from tests.servicedesk.conftest import NATIONAL_CODE, make_desk

pytestmark = pytest.mark.browser
ANSWER = "لوله‌ی اصلی تعمیر شد و آب وصل است."


@pytest.fixture(autouse=True)
def _live_site(settings: Settings, transactional_db: None) -> None:
    settings.OSTAN_SMS_BACKEND = "ostan.accounts.sms.MemoryBackend"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()
    MemoryBackend.outbox.clear()


def _citizen_signs_in(page: Page, url: str) -> None:
    MemoryBackend.outbox.clear()
    page.goto(f"{url}/accounts/citizen/")
    page.get_by_label("کد ملی").fill(to_persian_digits(NATIONAL_CODE))
    page.get_by_label("تلفن همراه").fill("۰۹۱۲۱۲۳۴۵۶۷")
    page.get_by_role("button", name="دریافت کد").click()
    expect(page.get_by_role("heading", name="کد ورود")).to_be_visible()
    match = re.search(r"\b(\d{6})\b", MemoryBackend.outbox[-1].text)
    assert match is not None
    page.get_by_label("کد پیامک‌شده").fill(match.group(1))
    page.get_by_role("button", name="ورود").click()
    expect(page.locator(".site-header")).to_contain_text("شهروند")


def test_citizen_files_tracks_and_reads_the_officers_answer(page: Page, live_server: LiveServer) -> None:
    desk = make_desk()
    url = live_server.url
    _citizen_signs_in(page, url)

    page.goto(f"{url}/desk/")
    page.get_by_role("link", name="قطعی آب").click()
    expect(page.get_by_role("heading", name="قطعی آب")).to_be_visible()
    page.get_by_role("link", name="ثبت درخواست برای این خدمت").click()
    page.get_by_label("گونهٔ درخواست").select_option("complaint")
    page.get_by_label("محل (نام یا کد شهر، روستا یا شهرستان)").fill(to_persian_digits(desk.world.city_a.code))
    page.get_by_label("متن درخواست").fill("آب کوچهٔ ما از دیروز قطع است.")
    page.get_by_role("button", name="ثبت درخواست").click()
    expect(page.get_by_role("heading", name="درخواست ثبت شد")).to_be_visible()
    shown = page.locator("#tracking-code").inner_text()
    code = "".join(str("۰۱۲۳۴۵۶۷۸۹".index(c)) for c in shown if c in "۰۱۲۳۴۵۶۷۸۹")
    assert len(code) == 10

    # Anyone with the code, signed in or not, reads the status; typed in Persian digits with the dashes.
    page.context.clear_cookies()
    page.goto(f"{url}/desk/track/")
    page.get_by_label("کد رهگیری").fill(shown)
    page.get_by_role("button", name="پیگیری").click()
    expect(page.locator(".status")).to_have_text("به دستگاه مسئول فرستاده شد")
    expect(page.locator("main")).not_to_contain_text(NATIONAL_CODE)

    # The water company's officer finds it in the inbox, takes it in progress and answers.
    page.goto(f"{url}/accounts/login/")
    page.get_by_label("نام کاربری").fill(desk.water_officer.username)
    page.get_by_label("گذرواژه").fill(PASSWORD)
    page.get_by_role("button", name="ورود").click()
    page.goto(f"{url}/desk/inbox/")
    page.get_by_role("link", name=to_persian_digits(code)).click()
    page.get_by_role("button", name="آغاز رسیدگی").click()
    expect(page.locator("#request-state")).to_have_text("در حال رسیدگی")
    page.locator("#id_answer-text").fill(ANSWER)
    page.get_by_role("button", name="ثبت پاسخ").click()
    expect(page.locator("#request-state")).to_have_text("پاسخ‌داده‌شده")
    page.get_by_role("button", name="خروج").click()

    # The citizen reads the answer on the status page and among their own requests.
    page.goto(f"{url}/desk/track/?code={code}")
    expect(page.locator(".status")).to_have_text("پاسخ داده شد")
    expect(page.locator(".answer")).to_contain_text(ANSWER)
    _citizen_signs_in(page, url)
    page.goto(f"{url}/desk/mine/")
    page.get_by_role("link", name=to_persian_digits(code)).click()
    expect(page.locator("#request-answer")).to_contain_text(ANSWER)
    expect(page.get_by_role("button", name="اعتراض به پاسخ و بازگشایی")).to_be_visible()
