"""The service desk in Chromium, one journey: a citizen signs in with an SMS code, files a request online with
an attachment, gets the tracking code and tracks it without signing in (the automatic first answer names the
deadline); the water company's officer opens the attachment, picks a reply template and answers; the citizen
reads the answer, closes the request and answers the survey. Then a clerk files a scanned letter at the desk
for a citizen, the municipality's officer refers it to the water company and its officer answers."""

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
from ostan.servicedesk import replies
from ostan.servicedesk.models import ServiceRequest
from tests.actors import PASSWORD, as_actor
from tests.core.servicedesk.test_attachments import PDF
from tests.servicedesk.conftest import NATIONAL_CODE, make_desk

pytestmark = pytest.mark.browser
ANSWER = "لوله‌ی اصلی تعمیر شد و آب وصل است."


@pytest.fixture(autouse=True)
def _live_site(settings: Settings, transactional_db: None, tmp_path: Path) -> None:
    settings.OSTAN_DESK_FILES_DIR = tmp_path / "desk-files"
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


def _staff_signs_in(page: Page, url: str, username: str) -> None:
    page.goto(f"{url}/accounts/login/")
    page.get_by_label("نام کاربری").fill(username)
    page.get_by_label("گذرواژه").fill(PASSWORD)
    page.get_by_role("button", name="ورود").click()


def test_the_desk_from_filing_to_survey_and_from_the_desk_through_a_referral(
    page: Page, live_server: LiveServer, tmp_path: Path
) -> None:
    desk = make_desk()
    replies.save_reply_template(
        actor=as_actor(desk.water_officer), organisation_code=desk.water.code, step="answer", state="in_progress",
        title="وصل شد", text="آب درخواست {کد} وصل شد.",
    )  # fmt: skip
    scan = tmp_path / "نامه.pdf"
    scan.write_bytes(PDF)
    url = live_server.url
    _citizen_signs_in(page, url)

    page.goto(f"{url}/desk/")
    page.get_by_role("link", name="قطعی آب").click()
    expect(page.get_by_role("heading", name="قطعی آب")).to_be_visible()
    page.get_by_role("link", name="ثبت درخواست برای این خدمت").click()
    page.get_by_label("گونهٔ درخواست").select_option("complaint")
    page.get_by_label("محل (نام یا کد شهر، روستا یا شهرستان)").fill(to_persian_digits(desk.world.city_a.code))
    page.get_by_label("متن درخواست").fill("آب کوچهٔ ما از دیروز قطع است.")
    page.get_by_label("پیوست‌ها (اختیاری)").set_input_files(str(scan))
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
    expect(page.locator("main")).to_contain_text("پاسخ را تا")  # the automatic first answer and its deadline
    expect(page.locator("main")).not_to_contain_text(NATIONAL_CODE)
    expect(page.locator("main")).not_to_contain_text("نامه.pdf")  # no files on the public page

    # The water company's officer finds it in the inbox, opens the attachment, takes it in progress and
    # answers from a reply template, edited in the text box.
    _staff_signs_in(page, url, desk.water_officer.username)
    page.goto(f"{url}/desk/inbox/")
    page.get_by_role("link", name=to_persian_digits(code)).click()
    with page.expect_download() as download:
        page.get_by_role("link", name="نامه.pdf").click()
    assert Path(download.value.path()).read_bytes() == PDF
    page.get_by_role("button", name="آغاز رسیدگی").click()
    expect(page.locator("#request-state")).to_have_text("در حال رسیدگی")
    page.get_by_label("متن آماده").select_option(label="پاسخ: وصل شد")
    page.get_by_role("button", name="درج در کادر متن").click()
    expect(page.locator("#id_answer-text")).to_have_value(re.compile(r"^آب درخواست .+ وصل شد\.$"))
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
    page.get_by_role("button", name="بستن درخواست").click()
    expect(page.locator("#request-state")).to_have_text("مختومه")
    page.get_by_label("خیلی راضی").check()
    page.get_by_role("button", name="نظرسنجی رضایت").click()
    expect(page.locator("main")).to_contain_text("رضایت شهروند: ۵ از ۵")
    page.get_by_role("button", name="خروج").click()

    # At the desk: the clerk files a citizen's letter with its scan; it goes to the municipality.
    _staff_signs_in(page, url, desk.clerk.username)
    page.goto(f"{url}/desk/file/")
    page.get_by_label("خدمت").select_option("street-repair")
    page.get_by_label("گونهٔ درخواست").select_option("complaint")
    page.get_by_label("محل (نام یا کد شهر، روستا یا شهرستان)").fill(desk.world.city_a.code)
    page.get_by_label("متن درخواست").fill("آب از لولهٔ شکسته زیر آسفالت خیابان بیرون می‌زند.")
    page.get_by_label("مجرای ثبت").select_option("letter")
    page.get_by_label("نام و نام خانوادگی شهروند").fill("زهرا احمدی")
    page.get_by_label("کد ملی شهروند").fill("۰۰۱۲۳۴۵۶۷۹")
    page.get_by_label("پیوست‌ها (اختیاری)").set_input_files(str(scan))
    page.get_by_role("button", name="ثبت درخواست").click()
    expect(page.get_by_role("heading", name="درخواست ثبت شد")).to_be_visible()
    letter = ServiceRequest.objects.get(channel="letter")
    assert letter.organisation == desk.municipality
    assert letter.attachments.count() == 1
    page.get_by_role("button", name="خروج").click()

    # The municipality's officer refers it to the water company, saying why; the water officer answers.
    _staff_signs_in(page, url, desk.city_officer.username)
    page.goto(f"{url}/desk/requests/{letter.pk}/")
    page.get_by_label("دستگاه مقصد").select_option(label=desk.water.name)
    page.get_by_label("دلیل ارجاع").fill("نشت از شبکهٔ آب است، نه از آسفالت.")
    page.get_by_role("button", name="ارجاع به دستگاه دیگر").click()
    expect(page.get_by_role("heading", name="کارتابل میز خدمت")).to_be_visible()  # out of its hands now
    expect(page.locator("main")).to_contain_text("درخواست ارجاع شد.")
    page.get_by_role("button", name="خروج").click()
    _staff_signs_in(page, url, desk.water_officer.username)
    page.goto(f"{url}/desk/inbox/")
    assert letter.tracking_code is not None
    page.get_by_role("link", name=to_persian_digits(letter.tracking_code)).click()
    page.get_by_role("button", name="آغاز رسیدگی").click()
    page.locator("#id_answer-text").fill("لوله تعویض شد.")
    page.get_by_role("button", name="ثبت پاسخ").click()
    expect(page.locator("#request-state")).to_have_text("پاسخ‌داده‌شده")
