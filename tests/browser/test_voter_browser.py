"""A voter's day in Chromium: a citizen signs in with their national code and the SMS code from the home
page and sees their station and their constituency's candidates; at the kiosk, in kiosk mode, a voter finds
a candidate by name, taps to add them, turns large text on (remembered), votes, sees the receipt, and the
kiosk clears itself for the next voter."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from playwright.sync_api import Page, expect
from pytest_django.fixtures import Settings

from ostan.accounts.sms import MemoryBackend
from ostan.core.text import to_persian_digits
from ostan.elections import actions as elections
from ostan.elections.models import RoundStatus
from ostan.polling import actions, constituencies, device_requests
from ostan.polling.edge import stations as stations_cache
from ostan.polling.models import CastBallot, DeviceKind, Station
from tests.actors import as_actor
from tests.polling.world import PollingWorld, make_polling_world, national_code, roll_csv

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
CITIZEN = national_code(7001)


@pytest.fixture
def site(live_server: Any, settings: Settings) -> tuple[str, PollingWorld]:
    settings.OSTAN_SMS_BACKEND = "ostan.accounts.sms.MemoryBackend"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.OSTAN_KIOSK_RESET_SECONDS = 3
    cache.clear()
    MemoryBackend.outbox.clear()
    device_requests._cache.clear()
    stations_cache._cache.clear()
    stations_cache.forget_schedules()
    constituencies.forget_all()
    pw = make_polling_world(stations=2, voters=3)
    row = [CITIZEN, "پروانه", "دلاوری", "1365/02/02", "زن", pw.world.city_a.path]
    actions.import_roll(
        actor=as_actor(pw.hq), election_round=pw.election_round, unit=pw.world.country, file_name="r.csv",
        data=roll_csv([row]),
    )  # fmt: skip
    elections.set_round_status(actor=as_actor(pw.hq), election_round=pw.election_round, status=RoundStatus.VOTING)
    Station.objects.filter(pk=pw.stations[0].pk).update(latitude=Decimal("34.0917"), longitude=Decimal("49.6892"))
    return str(live_server.url), pw


def test_citizen_signs_in_and_sees_their_station_and_candidates(page: Page, site: tuple[str, PollingWorld]) -> None:
    url, pw = site
    own = urlsplit(url).netloc
    elsewhere: list[str] = []
    page.on("request", lambda r: elsewhere.append(r.url) if urlsplit(r.url).netloc not in (own, "") else None)
    page.goto(f"{url}/")
    page.get_by_role("link", name="ورود شهروند با کد ملی", exact=False).click()
    page.get_by_label("کد ملی").fill(to_persian_digits(CITIZEN))
    page.get_by_label("تلفن همراه").fill("۰۹۱۲۷۷۷۰۰۰۱")
    page.get_by_role("button", name="دریافت کد").click()
    match = re.search(r"\b(\d{6})\b", MemoryBackend.outbox[0].text)
    assert match is not None
    page.get_by_label("کد پیامک‌شده").fill(match.group(1))
    page.get_by_role("button", name="ورود").click()
    expect(page.get_by_role("heading", name="رأی من")).to_be_visible()
    expect(page.locator("[data-roll='present']")).to_be_visible()
    expect(page.locator("[data-constituency]")).to_contain_text(pw.city.name)
    for station in pw.stations:
        expect(page.locator(f"[data-station='{station.code}']")).to_contain_text(to_persian_digits(station.address))
    # The station on the county's map, its address beside it, drawn from the project's own files only.
    station_map = page.locator("[data-station-map]")
    expect(station_map.locator("svg.chart-svg-locator")).to_be_visible()
    expect(station_map.locator(f"[data-map-station='{pw.stations[0].code}']")).to_contain_text(
        to_persian_digits(pw.stations[0].address)
    )
    assert elsewhere == []
    page.set_viewport_size({"width": 390, "height": 844})  # a phone: no horizontal scrolling
    page.reload()
    expect(station_map.locator("svg.chart-svg-locator")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.set_viewport_size({"width": 1280, "height": 900})
    cards = page.locator("[data-candidate-list] li[data-search]")
    expect(cards).to_have_count(10)
    page.get_by_label("جست‌وجوی نام یا کد نامزد").fill("حسيني")  # Arabic ي, as a phone may type it
    expect(page.locator("[data-candidate-list] li[data-search]:visible")).to_have_count(1)
    expect(page.locator("[data-candidate-list] li[data-search]:visible")).to_contain_text("زهرا حسینی")
    page.get_by_role("link", name="رأی من").click()  # the citizen's menu
    expect(page.locator("[data-roll='present']")).to_be_visible()


def _pair(page: Page, url: str, pw: PollingWorld, kind: str, device_id: str) -> None:
    page.goto(url)
    expect(page.locator("[data-ready='1']")).to_be_attached()
    public_key = page.locator("[data-public-key]").text_content() or ""
    actions.register_device(
        actor=as_actor(pw.members[0]), station=pw.stations[0], device_id=device_id, kind=kind, public_key=public_key
    )
    page.get_by_text("جفت‌کردن این دستگاه با شعبه").click()
    page.get_by_label("شناسهٔ دستگاه").fill(device_id)
    page.get_by_label("کد شعبه").fill(pw.stations[0].code)
    page.get_by_role("button", name="ذخیره").click()


def _token(page: Page, voter: str, previous: str = "") -> str:
    page.get_by_label("کد ملی رأی‌دهنده").fill(voter)
    page.get_by_label("تأیید هویت", exact=False).fill(voter[-4:])
    page.get_by_role("button", name="احراز هویت").click()
    code = page.locator("[data-short-code]")  # nine digits (grouped, Persian) and a QR code, not 32 characters
    expect(code).to_be_visible()
    if previous:
        expect(code).not_to_have_text(previous)
    return code.text_content() or ""


def test_a_voter_finds_a_candidate_by_name_votes_and_the_kiosk_resets(
    page: Page, site: tuple[str, PollingWorld]
) -> None:
    url, pw = site
    _pair(page, f"{url}/polling/checkin/", pw, DeviceKind.AUTHENTICATION, "A001-web-auth")
    token = _token(page, pw.voters[0])
    kiosk = page.context.new_page()
    _pair(kiosk, f"{url}/polling/kiosk/?mode=kiosk", pw, DeviceKind.VOTING, "A001-web-voting")
    expect(kiosk.locator(".site-header")).to_have_count(0)  # kiosk mode: no site navigation
    kiosk.get_by_role("button", name="متن درشت").click()
    expect(kiosk.locator("html")).to_have_class(re.compile("display-large"))
    kiosk.reload()  # remembered on this device
    expect(kiosk.locator("html")).to_have_class(re.compile("display-large"))
    expect(kiosk.get_by_role("button", name="متن درشت")).to_have_attribute("aria-pressed", "true")
    expect(kiosk.locator("[data-ready='1']")).to_be_attached()

    kiosk.get_by_label("رمز رأی", exact=False).fill(token)
    kiosk.get_by_role("button", name="گشودن برگهٔ رأی").click()
    picks = kiosk.locator("[data-candidates] [data-pick]")
    expect(picks).to_have_count(10)
    expect(kiosk.locator("[data-candidates] img, [data-candidates] .avatar").first).to_be_visible()
    kiosk.get_by_label("جست‌وجوی نام یا کد نامزد").fill("حسینی")
    expect(kiosk.locator("[data-candidates] li:visible")).to_have_count(1)
    kiosk.get_by_role("button", name="زهرا حسینی", exact=False).click()  # a tap adds the code
    expect(kiosk.locator("[data-choices] li")).to_have_count(1)
    expect(kiosk.locator("[data-choices]")).to_contain_text("زهرا حسینی")
    kiosk.get_by_label("جست‌وجوی نام یا کد نامزد").fill("۱۰۵")  # by code, from the keyboard
    kiosk.get_by_label("جست‌وجوی نام یا کد نامزد").press("Enter")
    expect(kiosk.locator("[data-choices] li")).to_have_count(2)
    expect(kiosk.locator("[data-choices]")).to_contain_text("حسن کریمی")
    kiosk.get_by_role("button", name="بازبینی").click()
    kiosk.get_by_role("button", name="تأیید").click()
    kiosk.get_by_role("button", name="تأیید").click()
    receipt = kiosk.locator("[data-receipt]")
    expect(receipt).to_be_visible()
    ballot = CastBallot.objects.get()
    assert ballot.codes == "102 105"
    assert (receipt.text_content() or "").replace("-", "") == ballot.receipt_code
    expect(kiosk.locator("[data-reset-note]")).to_contain_text("برای رأی‌دهندهٔ بعدی")

    # After the configured three seconds the receipt is gone and the screen waits for the next token.
    expect(kiosk.locator("form[data-step=token]")).to_be_visible(timeout=8_000)
    expect(receipt).to_be_hidden()
    assert (receipt.text_content() or "") == ""
    expect(kiosk.get_by_label("رمز رأی", exact=False)).to_have_value("")
    expect(kiosk.locator("#kiosk")).to_have_attribute("data-resets", "1")

    # The next voter: a fresh ballot, and «رأی‌دهندهٔ بعدی» clears the receipt at once.
    second = _token(page, pw.voters[1], previous=token)
    kiosk.get_by_label("رمز رأی", exact=False).fill(second)
    kiosk.get_by_role("button", name="گشودن برگهٔ رأی").click()
    expect(kiosk.locator("[data-choices] li")).to_have_count(0)
    kiosk.get_by_role("button", name="رأی سفید").click()
    kiosk.get_by_role("button", name="تأیید").click()
    kiosk.get_by_role("button", name="تأیید").click()
    expect(receipt).to_be_visible()
    kiosk.get_by_role("button", name="رأی‌دهندهٔ بعدی").click()
    expect(kiosk.locator("form[data-step=token]")).to_be_visible()
    expect(receipt).to_be_hidden()
    assert CastBallot.objects.count() == 2


def test_a_ballot_left_open_is_closed_for_the_next_person(
    page: Page, site: tuple[str, PollingWorld], settings: Settings
) -> None:
    settings.OSTAN_KIOSK_IDLE_SECONDS = 2
    url, pw = site
    _pair(page, f"{url}/polling/checkin/", pw, DeviceKind.AUTHENTICATION, "A001-web-auth")
    token = _token(page, pw.voters[0])
    kiosk = page.context.new_page()
    _pair(kiosk, f"{url}/polling/kiosk/?mode=kiosk", pw, DeviceKind.VOTING, "A001-web-voting")
    kiosk.get_by_label("رمز رأی", exact=False).fill(token)
    kiosk.get_by_role("button", name="گشودن برگهٔ رأی").click()
    kiosk.get_by_role("button", name="علی محمدی", exact=False).click()
    expect(kiosk.locator("[data-choices] li")).to_have_count(1)
    # Nobody touches the screen: the ballot closes and the choices are gone; the token still opens it.
    expect(kiosk.locator("form[data-step=token]")).to_be_visible(timeout=8_000)
    expect(kiosk.locator("[data-error]")).to_contain_text("بی‌کاری")
    expect(kiosk.locator("[data-choices] li")).to_have_count(0)
    kiosk.get_by_label("رمز رأی", exact=False).fill(token)
    kiosk.get_by_role("button", name="گشودن برگهٔ رأی").click()
    expect(kiosk.locator("[data-step=ballot]")).to_be_visible()
    expect(kiosk.locator("[data-choices] li")).to_have_count(0)
    assert CastBallot.objects.count() == 0
