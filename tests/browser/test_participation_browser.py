"""Circulars in Chromium: the governorate's political directorate sends a circular to two district offices
with an attachment; one district office opens and acknowledges it; the directorate sees who has not."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from pytest_django.fixtures import Settings
from pytest_django.live_server_helper import LiveServer

from ostan.core.text import to_persian_digits
from tests.actors import PASSWORD
from tests.participation.conftest import make_offices

pytestmark = pytest.mark.browser
TITLE = "ستاد خدمات سفر نوروزی"


@pytest.fixture(autouse=True)
def _live_site(settings: Settings, transactional_db: None) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.OSTAN_BULLETIN_KEY = "22" * 32


def _sign_in(page: Page, url: str, username: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{url}/accounts/login/")
    page.get_by_label("نام کاربری").fill(username)
    page.get_by_label("گذرواژه").fill(PASSWORD)
    page.get_by_role("button", name="ورود").click()


def test_the_directorate_sends_a_district_acknowledges_and_the_office_sees_who_has_not(
    page: Page, live_server: LiveServer, tmp_path: object
) -> None:
    o = make_offices()
    url = live_server.url
    _sign_in(page, url, o.directorate.username)
    page.get_by_role("link", name="مشارکت و بخشنامه‌ها").click()
    page.get_by_role("link", name="ارسال بخشنامه", exact=True).first.click()
    page.get_by_label("عنوان").fill(TITLE)
    page.get_by_label("متن").fill("ستادها را تا پایان هفته تشکیل دهید و فهرست اعضا را بفرستید.")
    page.get_by_label("فوریت").select_option("urgent")
    page.get_by_label("مهلت تأیید دریافت (روز)").fill(to_persian_digits("1410/01/15"))
    page.get_by_label(o.district_1.name).check()
    page.get_by_label(o.district_2.name).check()
    page.set_input_files(
        "input[name=attachments]",
        files=[{"name": "دستورالعمل.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n%%EOF\n"}],
    )
    page.get_by_role("button", name="ارسال").click()
    expect(page.get_by_role("heading", name=f"بخشنامه: {TITLE}")).to_be_visible()
    expect(page.locator("#waiting")).to_contain_text("۲ دفتر هنوز تأیید نکرده‌اند")

    _sign_in(page, url, o.district_1_governor.username)
    page.goto(f"{url}/participation/inbox/")
    page.get_by_role("link", name=TITLE).click()
    with page.expect_download() as download:
        page.get_by_role("link", name="دستورالعمل.pdf").click()
    assert download.value.path().read_bytes().startswith(b"%PDF-")
    page.get_by_label("یادداشت (اختیاری)").fill("به دهیاری‌ها ابلاغ شد")
    page.get_by_role("button", name="تأیید دریافت").click()
    expect(page.locator("#acknowledged")).to_contain_text("تأیید شده است")

    _sign_in(page, url, o.directorate.username)
    page.goto(f"{url}/participation/circulars/pending/")
    rows = page.locator("tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(o.district_2.name)
    page.get_by_role("link", name=TITLE).click()
    expect(page.locator("#waiting")).to_contain_text("۱ دفتر هنوز تأیید نکرده‌اند")
    expect(page.locator("main")).to_contain_text("به دهیاری‌ها ابلاغ شد")
    expect(page.locator("main")).to_contain_text("زنجیرهٔ امضاشدهٔ تابلو سالم است")
