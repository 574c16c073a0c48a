"""Territory pages in Chromium: browse down the tree, live search with Arabic letters, the SVG map."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.db import connection
from playwright.sync_api import Page, expect

from ostan.territory.loading import load_territory
from tests.territory.conftest import FIXTURE_TREE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


TRUNCATE_GUARD = "auditlog_entry_no_truncate"


def _truncate_guard(state: str) -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ALTER TABLE auditlog_entry {state} TRIGGER {TRUNCATE_GUARD}")


@pytest.fixture(scope="module")
def truncate_guard_restored(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    """Put the audit log's TRUNCATE guard back once this module's live-server tests are done."""
    yield
    with django_db_blocker.unblock():
        _truncate_guard("ENABLE")


@pytest.fixture
def site(truncate_guard_restored: None, live_server: Any) -> Iterator[str]:
    load_territory(FIXTURE_TREE)
    yield str(live_server.url)
    # A live-server test ends with a TRUNCATE of every table, which the append-only audit log refuses
    # on PostgreSQL; the test database alone lifts the guard for that flush.
    _truncate_guard("DISABLE")


def test_browse_from_the_country_to_a_county(page: Page, site: str) -> None:
    page.goto(f"{site}/territory/")
    page.get_by_role("table").get_by_role("link", name="کرمانشاه").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("استان کرمانشاه")
    expect(page.get_by_text("۱٬۹۵۲٬۴۳۴")).to_be_visible()
    page.get_by_role("table").get_by_role("link", name="کرمانشاه").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("شهرستان کرمانشاه")
    breadcrumbs = page.get_by_role("navigation", name="مسیر")
    expect(breadcrumbs.get_by_role("link", name="استان کرمانشاه")).to_be_visible()


def test_live_search_finds_kermanshah_typed_with_arabic_kaf_and_yeh(page: Page, site: str) -> None:
    page.goto(f"{site}/territory/search/")
    page.get_by_role("searchbox").press_sequentially("كرمانشاه", delay=30)
    results = page.locator("#territory-results")
    expect(results.get_by_role("link", name="کرمانشاه").first).to_be_visible()
    expect(results).to_contain_text("استان")
    assert "/territory/u/05/" in (results.get_by_role("link").first.get_attribute("href") or "")


def test_map_shows_an_svg_with_a_link_per_province(page: Page, site: str) -> None:
    page.goto(f"{site}/territory/map/")
    svg = page.get_by_role("img", name="نقشه استان‌های ایران")
    expect(svg).to_be_visible()
    expect(svg.locator("path")).to_have_count(31)
    links = svg.locator("a")
    expect(links).to_have_count(2)  # the fixture tree has two provinces
    page.keyboard.press("Tab")
    svg.locator('a[href="/territory/u/05/"]').focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("استان کرمانشاه")
