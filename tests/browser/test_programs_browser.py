"""Key projects in Chromium: a فرماندار creates a project with milestones and an indicator, posts progress
with an evidence file, the governor's office sees it in the province roll-up, a citizen files a critique of
it from its public page, the county office answers it in the service desk's inbox, and anyone reads the
answer beside the project."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.core.cache import cache
from playwright.sync_api import Page, expect
from pytest_django.fixtures import Settings
from pytest_django.live_server_helper import LiveServer

from ostan.accounts.sms import MemoryBackend
from ostan.core.text import to_persian_digits
from ostan.programs.models import KeyProject
from tests.actors import PASSWORD
from tests.programs.conftest import NATIONAL_CODE, make_programs

pytestmark = pytest.mark.browser
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
ANSWER = "ایستگاه به زمین دیگری منتقل می‌شود."


@pytest.fixture(autouse=True)
def _live_site(settings: Settings, transactional_db: None, tmp_path: Path) -> None:
    settings.OSTAN_SMS_BACKEND = "ostan.accounts.sms.MemoryBackend"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.OSTAN_EVIDENCE_ROOT = tmp_path / "evidence"
    cache.clear()
    MemoryBackend.outbox.clear()


def _staff_signs_in(page: Page, url: str, username: str) -> None:
    page.goto(f"{url}/accounts/login/")
    page.get_by_label("نام کاربری").fill(username)
    page.get_by_label("گذرواژه").fill(PASSWORD)
    page.get_by_role("button", name="ورود").click()
    expect(page.get_by_role("button", name="خروج")).to_be_visible()


def _signs_out(page: Page) -> None:
    page.get_by_role("button", name="خروج").click()


def _citizen_signs_in(page: Page, url: str) -> None:
    MemoryBackend.outbox.clear()
    page.goto(f"{url}/accounts/citizen/")
    page.get_by_label("کد ملی").fill(to_persian_digits(NATIONAL_CODE))
    page.get_by_label("تلفن همراه").fill("۰۹۱۲۱۲۳۴۵۶۷")
    page.get_by_role("button", name="دریافت کد").click()
    match = re.search(r"\b(\d{6})\b", MemoryBackend.outbox[-1].text)
    assert match is not None
    page.get_by_label("کد پیامک‌شده").fill(match.group(1))
    page.get_by_role("button", name="ورود").click()
    expect(page.locator(".site-header")).to_contain_text("شهروند")


def test_a_project_from_creation_to_an_answered_critique(page: Page, live_server: LiveServer) -> None:
    world = make_programs()
    url = live_server.url

    _staff_signs_in(page, url, world.governor.username)
    page.goto(f"{url}/programs/")
    page.get_by_role("link", name="تعریف کار شاخص").click()
    page.get_by_label("واحد").select_option(world.world.county_a.code)
    page.get_by_label("عنوان کار شاخص").fill("ساماندهی پسماند شهر اراک")
    page.get_by_label("چالش").select_option("waste")
    page.get_by_label("هدف‌ها").fill("پسماند رهاشده به یک‌پنجم برسد.")
    page.get_by_label("آغاز").fill("۱۴۰۴/۰۱/۰۱")
    page.get_by_label("پایان").fill("۱۴۰۷/۱۲/۲۹")
    page.get_by_label("نقاط عطف").fill("خرید خودروی حمل | ۱۴۰۴/۰۶/۰۱\nایستگاه انتقال | ۱۴۰۶/۰۶/۰۱")
    page.get_by_label("شاخص‌ها").fill("پسماند رهاشده | ۱۲۰ | ۲۰ | تن در روز")
    page.get_by_role("button", name="ثبت کار شاخص").click()
    expect(page.get_by_role("heading", name="ساماندهی پسماند شهر اراک")).to_be_visible()
    expect(page.locator("#project-status")).to_contain_text("دلیل وضعیت")
    project = KeyProject.objects.get()

    page.get_by_role("link", name="ثبت گزارش پیشرفت").click()
    page.get_by_label("تاریخ گزارش").fill("۱۴۰۴/۰۵/۲۰")
    page.get_by_label("شرح پیشرفت").fill("خودروها خریده و تحویل شد.")
    page.get_by_label("خرید خودروی حمل").check()
    page.locator("#id_evidence").set_input_files({"name": "رسید.pdf", "mimeType": "application/pdf", "buffer": PDF})
    page.get_by_role("button", name="ثبت گزارش").click()
    expect(page.locator("#updates")).to_contain_text("خودروها خریده و تحویل شد.")
    expect(page.locator("#updates").get_by_role("link", name="رسید.pdf")).to_be_visible()
    _signs_out(page)

    _staff_signs_in(page, url, world.office.username)
    page.goto(f"{url}/programs/rollup/")
    expect(page.locator("#rollup-total")).to_contain_text("همه: ۱")
    expect(page.locator("#rollup-rows")).to_contain_text("اراک")
    _signs_out(page)

    _citizen_signs_in(page, url)
    page.goto(f"{url}/programs/{project.pk}/")
    page.get_by_label("گونه").select_option("criticism")
    page.get_by_label("متن").fill("ایستگاه انتقال کنار مدرسه ساخته می‌شود.")
    page.get_by_role("button", name="ثبت انتقاد").click()
    expect(page.locator(".messages")).to_contain_text("کد رهگیری")
    _signs_out(page)

    _staff_signs_in(page, url, world.answerer.username)
    page.goto(f"{url}/desk/inbox/")
    page.locator("table a").first.click()
    page.get_by_role("button", name="آغاز رسیدگی").click()
    page.locator("#id_answer-text").fill(ANSWER)
    page.get_by_role("button", name="ثبت پاسخ").click()
    expect(page.locator("#request-state")).to_have_text("پاسخ‌داده‌شده")
    _signs_out(page)

    page.goto(f"{url}/programs/{project.pk}/")
    expect(page.locator(".critiques")).to_contain_text(ANSWER)
    expect(page.locator(".critiques")).to_contain_text("به‌موقع")
