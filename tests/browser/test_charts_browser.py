"""Charts in Chromium at a phone's and a desktop's width: the figure fits, its legend shows, its table opens."""

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


@pytest.mark.parametrize("width", [390, 1280])
def test_the_population_map_fits_and_its_table_opens(page: Page, site: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{site}/territory/map/")
    figure = page.get_by_role("figure", name="نقشه استان‌های ایران")
    svg = figure.get_by_role("img", name="نقشه استان‌های ایران")
    expect(svg).to_be_visible()
    box = figure.bounding_box()
    assert box is not None
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= width
    svg_box = svg.bounding_box()
    assert svg_box is not None
    assert svg_box["width"] > width * 0.5  # scaled to the screen, not drawn at a fixed size
    expect(figure.locator(".chart-legend li").last).to_contain_text("بدون داده (۲۹)")
    labels = figure.locator(".chart-map-labels")
    if width > 600:
        expect(labels).to_be_visible()
    else:
        expect(labels).to_be_hidden()  # a few pixels high on a phone: the names are in the titles and table
    table = figure.get_by_role("table")
    expect(table).to_be_hidden()
    figure.get_by_text("داده‌های نمودار در جدول").click()
    expect(table.locator("tbody tr")).to_have_count(31)
    table.get_by_role("link", name="کرمانشاه").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("استان کرمانشاه")
