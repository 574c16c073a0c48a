"""The inbox's search in Chromium: the inspection office types a query with a letter wrong and in Arabic
letters, narrows it by service and state from the form, and is told in Persian when a date is not one."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from pytest_django.fixtures import Settings
from pytest_django.live_server_helper import LiveServer

from ostan.core.text import to_persian_digits
from ostan.servicedesk import actions
from ostan.servicedesk.entries import Filing
from tests.actors import PASSWORD, as_actor
from tests.servicedesk.conftest import make_desk

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def _live_site(settings: Settings, transactional_db: None) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def test_the_inspection_office_finds_a_request_by_a_mistyped_word(page: Page, live_server: LiveServer) -> None:
    desk = make_desk()
    citizen = as_actor(desk.citizen)
    pipe = actions.file_request(actor=citizen, filing=Filing("water-outage", "complaint", desk.world.city_a.code,
                                                             "ترکیدگی لوله آب در خیابان مطهری"))  # fmt: skip
    pothole = actions.file_request(actor=citizen, filing=Filing("street-repair", "complaint", desk.world.city_a.code,
                                                                "چاله بزرگ در خیابان مطهری"))  # fmt: skip
    assert pipe.tracking_code is not None
    assert pothole.tracking_code is not None
    url = live_server.url
    page.goto(f"{url}/accounts/login/")
    page.get_by_label("نام کاربری").fill(desk.inspector.username)
    page.get_by_label("گذرواژه").fill(PASSWORD)
    page.get_by_role("button", name="ورود").click()

    page.goto(f"{url}/desk/inbox/")
    page.get_by_label("جست‌وجو در متن، نام شهروند یا کد رهگیری").fill("لوبه مطهري")  # ل→ب, Arabic ي
    page.get_by_label("وضعیت").select_option("all")
    page.get_by_role("button", name="نمایش").click()
    main = page.locator("main")
    expect(main).to_contain_text(to_persian_digits(pipe.tracking_code))
    expect(main).not_to_contain_text(to_persian_digits(pothole.tracking_code))

    page.get_by_label("جست‌وجو در متن، نام شهروند یا کد رهگیری").fill("مطهری")
    page.get_by_label("خدمت").select_option("street-repair")
    page.get_by_role("button", name="نمایش").click()
    expect(main).to_contain_text(to_persian_digits(pothole.tracking_code))
    expect(main).not_to_contain_text(to_persian_digits(pipe.tracking_code))

    page.get_by_label("ثبت از تاریخ").fill("۱۴۰۵/۱۳/۰۱")
    page.get_by_role("button", name="نمایش").click()
    expect(main).to_contain_text("چنین روزی در تقویم خورشیدی وجود ندارد.")
