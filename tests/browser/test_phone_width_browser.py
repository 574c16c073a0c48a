"""Every public page and the main staff pages at a phone's width (390 CSS pixels): nothing makes the
page wider than the screen. Long hashes wrap or are cut short with a copy button; wide tables scroll
inside their own box."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache
from playwright.sync_api import Browser, Page, expect
from pytest_django.fixtures import Settings

from ostan.polling.models import StationMinutes
from ostan.publication.models import BulletinEntry
from tests.browser.test_staff_browser import sign_in
from tests.elections.world import PASSWORD
from tests.polling.world import PollingWorld
from tests.publication.conftest import TEST_BULLETIN_KEY
from tests.publication.world import Cast, publish_all, run_election_day

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def finished(live_server: Any, settings: Settings) -> tuple[str, PollingWorld, list[Cast]]:
    settings.OSTAN_BULLETIN_KEY = TEST_BULLETIN_KEY
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()
    pw, casts = run_election_day(stations=2, voters=6)
    publish_all(pw)
    return str(live_server.url), pw, casts


def _too_wide(page: Page, site: str, paths: list[str]) -> dict[str, int]:
    wide: dict[str, int] = {}
    for path in paths:
        response = page.goto(f"{site}{path}")
        assert response is not None
        assert response.status == 200, path
        page.wait_for_load_state("networkidle")
        width = int(page.evaluate("document.documentElement.scrollWidth"))
        if width > PHONE["width"]:
            wide[path] = width
    return wide


def test_every_page_fits_a_phone(browser: Browser, finished: tuple[str, PollingWorld, list[Cast]]) -> None:
    site, pw, casts = finished
    city, station = pw.city.pk, pw.stations[0].pk
    receipt = next(c for c in casts if c.codes).receipt_code
    minutes = StationMinutes.objects.filter(station_id=station).first()
    assert minutes is not None
    assert BulletinEntry.objects.exists()
    public = [
        "/",
        "/territory/",
        f"/territory/u/{pw.world.county_a.code}/",
        "/territory/search/?q=%D8%A7",
        "/territory/map/",
        "/elections/",
        f"/elections/c/{city}/",
        f"/elections/c/{city}/results/",
        "/organisations/",
        "/results/",
        f"/results/c/{city}/",
        f"/results/s/{station}/",
        "/results/bulletin/",
        f"/results/receipt/?code={receipt}",
        "/results/dashboard/",
        "/accounts/login/",
        "/accounts/citizen/",
        "/polling/guide/",
        f"/polling/guide/{city}/",
        "/polling/kiosk/?mode=kiosk",
    ]
    visitor = browser.new_context(viewport=PHONE, locale="fa-IR").new_page()
    wide = _too_wide(visitor, site, public)
    assert not wide, "; ".join(f"{path} is {width}px wide" for path, width in wide.items())

    for path in ("/results/", f"/results/c/{city}/"):  # the turnout map is drawn and fits too
        visitor.goto(f"{site}{path}")
        expect(visitor.locator("svg.chart-svg-choropleth")).to_have_count(1)

    visitor.goto(f"{site}/results/bulletin/")
    head = BulletinEntry.objects.order_by("-seq").first()
    assert head is not None
    copy = visitor.locator(f'.hash-box button[data-copy="{head.entry_hash}"]')
    expect(copy).to_have_count(2)  # in the text above the table and in the last row, cut short there
    expect(visitor.locator(f'code[title="{head.entry_hash}"]').last).to_have_text(head.entry_hash[:16] + "…")
    copy.first.click()
    expect(copy.first).to_have_text("رونوشت شد")

    staff = [
        "/polling/stations/",
        f"/polling/stations/{station}/",
        f"/polling/minutes/{minutes.pk}/",
        "/polling/roll/",
        "/elections/rounds/",
        f"/elections/c/{city}/?order=name",
        "/audit/?who=county",
        f"/elections/c/{city}/candidates/new/",
        "/audit/",
        "/accounts/staff/",
        "/accounts/password/",
        f"/results/dashboard/?unit={pw.world.province.code}",  # the counties' live turnout map
    ]
    official = browser.new_context(viewport=PHONE, locale="fa-IR").new_page()
    sign_in(official, site, pw.hq.username, PASSWORD)
    official.wait_for_url(lambda url: "/accounts/login/" not in url)
    wide = _too_wide(official, site, staff)
    assert not wide, "; ".join(f"{path} is {width}px wide" for path, width in wide.items())
    expect(official.locator("svg.chart-svg-choropleth")).to_have_count(1)  # the last page: the dashboard map
