"""Territory pages in Chromium: browse down the tree, live search with Arabic letters, the SVG map."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from ostan.territory.loading import load_territory
from tests.territory.conftest import FIXTURE_TREE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(live_server: Any) -> str:
    load_territory(FIXTURE_TREE)
    return str(live_server.url)


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


def test_live_search_on_the_browse_page_says_where_each_place_is(page: Page, site: str) -> None:
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(f"{site}/territory/")
    page.get_by_role("searchbox").press_sequentially("مرکزی", delay=30)
    results = page.locator("#territory-results")
    items = results.get_by_role("listitem")
    expect(items).to_have_count(5)  # the province and four districts of the same name
    expect(results.locator("[data-place]")).to_have_count(4)
    places = [text.strip() for text in results.locator("[data-place]").all_text_contents()]
    assert "کرمانشاه › کرمانشاه" in places
    assert "مرکزی › اراک" in places
    district = items.filter(has_text="کرمانشاه › کرمانشاه").get_by_role("link", name="مرکزی")
    assert district.get_attribute("href") == "/territory/u/050204/"
    assert errors == []
