"""Election day in Chromium: the device pages make their Ed25519 keys with WebCrypto, a station
official registers them, a voter checks in at station A, votes at the kiosk (types codes, corrects,
reviews, confirms twice) and gets a receipt; the same voter is then refused at station B."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from ostan.polling import actions, constituencies, device_requests
from ostan.polling.edge import stations as stations_cache
from ostan.polling.models import CastBallot, CheckIn, DeviceKind
from tests.actors import as_actor
from tests.polling.world import PollingWorld, make_polling_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


@pytest.fixture
def site(live_server: Any) -> tuple[str, PollingWorld]:
    device_requests._cache.clear()
    stations_cache._cache.clear()
    constituencies.forget_all()
    return str(live_server.url), make_polling_world(stations=2, voters=5)


def _pair(page: Page, url: str, pw: PollingWorld, station: int, kind: str, device_id: str) -> None:
    page.goto(url)
    expect(page.locator("[data-ready='1']")).to_be_attached()
    public_key = page.locator("[data-public-key]").text_content() or ""
    assert len(public_key) == 64  # the raw Ed25519 public key the browser made, in hex
    actions.register_device(
        actor=as_actor(pw.members[station]), station=pw.stations[station], device_id=device_id, kind=kind,
        public_key=public_key,
    )  # fmt: skip
    page.get_by_text("جفت‌کردن این دستگاه با شعبه").click()
    page.get_by_label("شناسهٔ دستگاه").fill(device_id)
    page.get_by_label("کد شعبه").fill(pw.stations[station].code)
    page.get_by_role("button", name="ذخیره").click()


def _check_in(page: Page, code: str) -> None:
    page.get_by_label("کد ملی رأی‌دهنده").fill(code.translate(PERSIAN))
    page.get_by_label("تأیید هویت", exact=False).fill(code[-4:])
    page.get_by_role("button", name="احراز هویت").click()


def test_check_in_vote_receipt_and_refusal_elsewhere(
    page: Page, browser: Browser, site: tuple[str, PollingWorld]
) -> None:
    url, pw = site
    voter = pw.voters[0]
    _pair(page, f"{url}/polling/checkin/", pw, 0, DeviceKind.AUTHENTICATION, "A001-web-auth")
    _check_in(page, voter)
    short = page.locator("[data-short-code]")  # the token as nine digits with a check digit, and as a QR code
    expect(short).to_be_visible()
    expect(page.locator("[data-token-card] svg")).to_be_visible()
    token_text = short.get_attribute("data-short-code") or ""
    assert len(token_text) == 9

    kiosk = page.context.new_page()
    _pair(kiosk, f"{url}/polling/kiosk/", pw, 0, DeviceKind.VOTING, "A001-web-voting")
    box = kiosk.get_by_label("رمز رأی", exact=False)
    wrong = token_text[:3] + token_text[4] + token_text[3] + token_text[5:]  # two digits swapped
    if wrong != token_text:
        box.fill(wrong.translate(PERSIAN))
        kiosk.get_by_role("button", name="گشودن برگهٔ رأی").click()
        expect(kiosk.locator("[data-error]")).to_contain_text("رقم کنترل")
    box.fill(" ".join(token_text).translate(PERSIAN))  # Persian digits, spaced as read aloud
    kiosk.get_by_role("button", name="گشودن برگهٔ رأی").click()
    code_box = kiosk.get_by_label("کد نامزد یا فهرست")
    for added, code in enumerate(("۱۰۱", "102", "103"), start=1):
        code_box.fill(code)
        code_box.press("Enter")
        expect(kiosk.locator("[data-choices] li")).to_have_count(added)
    expect(kiosk.locator("[data-choices]")).to_contain_text("زهرا حسینی")
    kiosk.get_by_role("button", name="حذف زهرا حسینی").click()  # a correction
    kiosk.get_by_role("button", name="بازبینی").click()
    review = kiosk.locator("[data-review-list]")
    expect(review).to_contain_text("علی محمدی")
    expect(review).not_to_contain_text("زهرا حسینی")
    kiosk.get_by_role("button", name="تأیید").click()
    expect(kiosk.locator("[data-confirm-hint]")).to_contain_text("یک بار دیگر")
    assert CastBallot.objects.count() == 0  # one press is not a vote
    kiosk.get_by_role("button", name="تأیید").click()
    receipt = kiosk.locator("[data-receipt]")
    expect(receipt).to_be_visible()
    ballot = CastBallot.objects.get()
    assert ballot.codes == "101 103"
    assert (receipt.text_content() or "").replace("-", "") == ballot.receipt_code
    kiosk.locator("[data-paper]").click()
    expect(kiosk.locator("figure svg")).to_be_visible()
    expect(kiosk.locator("article")).to_contain_text("رضا احمدی")

    other = browser.new_context(locale="fa-IR", timezone_id="Asia/Tehran").new_page()
    _pair(other, f"{url}/polling/checkin/", pw, 1, DeviceKind.AUTHENTICATION, "A002-web-auth")
    _check_in(other, voter)
    refusal = other.locator("[data-reason='already_voted']")
    expect(refusal).to_contain_text("قبلاً در شعبه A۰۰۱ در ساعت")
    assert CheckIn.objects.filter(national_code=voter).count() == 1
