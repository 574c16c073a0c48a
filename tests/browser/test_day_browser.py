"""The guided day in Chromium, without a line of the test acting for an official: a station member voids
a voter's lost token and hands over the new nine-digit code, closes the station (ticking the
confirmation), the voting device signs the minutes, the member confirms them and finds the voided token
counted in them, the county's official publishes the station, aggregates and announces the constituency
from the day's page and sees the result's charts, a voter then finds their receipt on the board, and an
observer downloads the board from the results page and runs ``ostan verify`` on it."""

from __future__ import annotations

import base64
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from playwright.sync_api import Page, expect
from pytest_django.fixtures import Settings

from ostan.core.polling.canonical import canonical_json
from ostan.core.polling.devices import sign_document
from ostan.core.polling.minutes import MINUTES_CONTEXT
from ostan.elections import actions as elections
from ostan.polling import constituencies, device_requests
from ostan.polling.edge import stations as stations_cache
from ostan.polling.models import StationMinutes, TokenHolder, VotingToken
from ostan.polling.simulator import new_token
from ostan.publication import actions as publication
from ostan.publication import selectors
from tests.actors import as_actor
from tests.elections.world import PASSWORD
from tests.polling.world import CHECK_IN_PATH, PollingWorld, check_in_payload, make_polling_world, post
from tests.publication.conftest import TEST_BULLETIN_KEY
from tests.publication.world import Cast, vote

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
CONFIRM = "می‌دانم این کار برگشت‌پذیر نیست"
PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


@pytest.fixture
def site(live_server: Any, settings: Settings) -> tuple[str, PollingWorld, list[Cast]]:
    settings.OSTAN_BULLETIN_KEY = TEST_BULLETIN_KEY
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    device_requests._cache.clear()
    stations_cache._cache.clear()
    stations_cache.forget_schedules()
    constituencies.forget_all()
    pw = make_polling_world(stations=1, voters=3)
    publication.open_round(actor=as_actor(pw.hq), election_round=pw.election_round)  # anchors before voting
    client = Client()
    ballots = (["101", "102"], ["103"])
    casts = [vote(client, pw.auth[0], pw.voting[0], n, codes) for n, codes in zip(pw.voters[:2], ballots, strict=True)]
    # The third voter checks in and takes a short code (as the check-in page does), then loses it.
    token, hashed = new_token()
    assert post(client, pw.auth[0], CHECK_IN_PATH, check_in_payload(pw.voters[2], hashed, "lost"))[1]["is_accepted"]
    status, _ = post(client, pw.auth[0], "/api/polling/short-codes",
                     {"token": token, "national_code": pw.voters[2], "request_id": "lost"})  # fmt: skip
    assert status == 200
    return str(live_server.url), pw, casts


def sign_in(page: Page, site: str, username: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{site}/accounts/login/")
    page.get_by_label("نام کاربری").fill(username)
    page.get_by_label("گذرواژه").fill(PASSWORD)
    page.get_by_role("button", name="ورود").click()


def confirm_step(page: Page, button: str) -> None:
    page.get_by_label(CONFIRM).check()
    page.get_by_role("button", name=button).click()


def test_officials_run_the_day_to_a_published_result(
    page: Page, site: tuple[str, PollingWorld, list[Cast]], tmp_path: Path
) -> None:
    url, pw, casts = site
    station = pw.stations[0]
    row = page.locator(f'[data-station="{station.code}"]')

    sign_in(page, url, pw.members[0].username)
    page.goto(f"{url}/polling/stations/{station.pk}/")
    page.locator('[data-step="lost-token"]').click()
    page.get_by_label("کد ملی رأی‌دهنده‌ای که رمزش گم شده").fill(pw.voters[2].translate(PERSIAN))
    confirm_step(page, "باطل‌کردن و صدور رمز تازه")
    expect(page.locator("[data-issued]")).to_contain_text("رمز گم‌شده باطل شد")
    expect(page.locator("[data-short-code]")).to_be_visible()
    expect(page.locator("[data-token-card] svg")).to_be_visible()
    assert not TokenHolder.objects.exclude(token_hash__in=VotingToken.objects.filter(is_redeemed=False)
                                           .values("token_hash")).exists()  # fmt: skip

    page.goto(f"{url}/results/day/")
    expect(row).to_have_attribute("data-stage", "open")
    row.locator('[data-step="close"]').click()
    page.get_by_role("button", name="بستن شعبه و تهیهٔ صورتجلسه").click()  # not ticked: nothing happens
    expect(page.locator('input[name="confirm"]')).to_be_visible()
    confirm_step(page, "بستن شعبه و تهیهٔ صورتجلسه")
    expect(page.get_by_role("status").first).to_contain_text("بسته شد")

    minutes = StationMinutes.objects.get(station=station)  # the voting device signs, as its page would
    signature = sign_document(pw.voting[0].keys.private_key, MINUTES_CONTEXT, canonical_json(minutes.document))
    status, body = post(Client(), pw.voting[0], f"/api/polling/minutes/{minutes.pk}/signature",
                        {"signature": base64.b64encode(signature).decode()})  # fmt: skip
    assert status == 200, body

    page.goto(f"{url}/results/day/")
    expect(row).to_have_attribute("data-stage", "signed")
    row.locator('[data-step="confirm"]').click()
    page.get_by_role("button", name="تأیید صورتجلسه").click()
    expect(page.locator("[data-confirmations]")).to_contain_text("تأییدشده به دست")
    expect(page.get_by_role("button", name="تأیید صورتجلسه")).to_have_count(0)
    assert not TokenHolder.objects.exists()  # closed: no check-in is joined to any token any more
    page.goto(f"{url}/polling/minutes/{minutes.pk}/")
    expect(page.locator("[data-voided]")).to_contain_text("رمز گم‌شده")

    sign_in(page, url, "county_a")
    page.goto(f"{url}/results/day/")
    expect(row).to_have_attribute("data-stage", "confirmed")
    row.locator('[data-step="publish_station"]').click()
    confirm_step(page, "انتشار روی تابلو")
    expect(row).to_have_attribute("data-stage", "published")

    # the lot seed is fixed after the count from the board's head, on the constituency's page
    elections.set_lot_seed(actor=as_actor(pw.official), constituency=pw.city, seed=selectors.board_head().head_hash)
    city = page.locator(f'[data-constituency="{pw.city.pk}"]')
    expect(city).to_have_attribute("data-stage", "ready")
    city.locator('[data-step="aggregate"]').click()
    confirm_step(page, "تجمیع آرا")
    expect(city).to_have_attribute("data-stage", "aggregated")
    city.locator('[data-step="publish_result"]').click()
    confirm_step(page, "اعلام نتیجه")
    expect(page.get_by_role("status").first).to_contain_text("اعلام شد")
    page.goto(f"{url}/results/c/{pw.city.pk}/")
    expect(page.locator("figure svg.chart-svg").first).to_be_visible()  # the result as a chart

    page.context.clear_cookies()
    page.goto(f"{url}/results/receipt/")
    page.get_by_label("کد رسید برگهٔ رأی").fill(casts[0].receipt_code)
    page.get_by_role("button", name="جست‌وجو").click()
    expect(page.get_by_role("heading", level=2)).to_contain_text("منتشر شده است")

    # An observer downloads the board from the results page and verifies it with the public tool.
    page.goto(f"{url}/results/")
    for name in ("chain.jsonl", "keys.json"):
        with page.expect_download() as download:
            page.get_by_role("link", name=name, exact=False).click()
        download.value.save_as(tmp_path / name)
    done = subprocess.run([sys.executable, "-m", "ostan", "verify", str(tmp_path)], capture_output=True, text=True,
                          timeout=120, check=False)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
