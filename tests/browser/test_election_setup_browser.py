"""Setting up an election in Chromium: the headquarters defines a round with a Jalali date; a county
official finds a city by typing its name (htmx), sees the council size the law gives it, creates the
constituency, adds one candidate by the form and uploads a photo that the page then shows."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from ostan.core.access import Role
from tests.elections.images import tiny_png
from tests.elections.world import PASSWORD, make_official, make_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(live_server: Any, settings: Any, tmp_path: Any) -> str:
    settings.MEDIA_ROOT = tmp_path
    world = make_world()
    make_official("hq", Role.COUNTRY_ELECTION_OFFICIAL, world.country)
    make_official("arak_official", Role.COUNTY_ELECTION_OFFICIAL, world.county_a)
    return str(live_server.url)


def _sign_in(page: Page, site: str, username: str) -> None:
    page.goto(f"{site}/accounts/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.get_by_role("button", name="ورود").click()


def test_official_sets_up_round_constituency_and_candidate(page: Page, site: str) -> None:
    _sign_in(page, site, "hq")
    page.goto(f"{site}/elections/")
    page.get_by_role("link", name="تعریف و وضعیت دوره‌ها").click()
    page.get_by_label("شماره دوره").fill("۷")
    page.get_by_label("نام دوره").fill("هفتمین دوره")
    page.get_by_label("تاریخ رأی‌گیری").fill("۱۴۰۵/۰۲/۳۱")
    page.get_by_role("button", name="تعریف دوره").click()
    expect(page.get_by_role("status")).to_contain_text("«هفتمین دوره» تعریف شد")
    expect(page.get_by_role("row").nth(1)).to_contain_text("۳۱ اردیبهشت ۱۴۰۵")
    page.get_by_role("button", name="خروج").click()

    _sign_in(page, site, "arak_official")
    page.goto(f"{site}/elections/")
    page.get_by_role("link", name="تعریف حوزه انتخابیه در این دوره").click()
    page.get_by_label("نام شهر یا روستا").press_sequentially("اراك", delay=30)  # Arabic kaf, found all the same
    results = page.locator("#settlement-results")
    expect(results).to_contain_text("برای «اراك»")  # the last keystroke's answer has arrived
    results.get_by_role("link", name="اراک").click()
    sizes = page.locator("table.sizes")
    expect(sizes.get_by_role("row").nth(1)).to_contain_text("شورای اسلامی شهر")
    expect(sizes.get_by_role("row").nth(1)).to_contain_text("۷")
    expect(sizes.get_by_role("row").nth(1)).to_contain_text("۵")
    page.get_by_label("نوع شورا").select_option("city_council")
    page.get_by_role("button", name="تعریف حوزه").click()
    expect(page.get_by_role("status")).to_contain_text("حوزه «اراک» با ۷ عضو اصلی تعریف شد")
    expect(page.get_by_role("heading", level=1)).to_have_text("شورای اسلامی شهر اراک")

    page.get_by_role("link", name="ثبت نامزد").click()
    page.get_by_label("کد نامزد").fill("۱۰۱")
    page.get_by_label("نام", exact=True).fill("علی")
    page.get_by_label("نام خانوادگی").fill("محمدی")
    page.get_by_label("کد ملی").fill("۱۲۳")
    page.get_by_label("تحصیلات").select_option(label="کارشناسی")
    page.get_by_role("button", name="ثبت نامزد").click()
    expect(page.locator("#id_national_code-error")).to_have_text("کد ملی باید ده رقم باشد.")
    page.get_by_label("کد ملی").fill("")
    page.get_by_role("button", name="ثبت نامزد").click()
    expect(page.get_by_role("status")).to_contain_text("نامزد «علی محمدی» با کد ۱۰۱ ثبت شد")
    candidates = page.locator("section[aria-labelledby=candidates-title]")
    expect(candidates.get_by_role("row").nth(1)).to_contain_text("۱۰۱")

    candidates.get_by_role("link", name="علی محمدی").click()
    page.get_by_label("عکس (JPEG یا PNG، حداکثر ۲ مگابایت)").set_input_files(
        {"name": "ali.png", "mimeType": "image/png", "buffer": tiny_png()}
    )
    page.get_by_role("button", name="بارگذاری عکس").click()
    expect(page.get_by_role("status")).to_contain_text("عکس «علی محمدی» ذخیره شد")
    photo = page.get_by_role("img", name="عکس علی محمدی")
    expect(photo).to_be_visible()
    # The served bytes decode as the 1×1 image uploaded (visible does not wait for the image to load).
    page.wait_for_function(
        "() => { const img = document.querySelector('img.photo.large'); return img && img.complete; }"
    )
    assert photo.evaluate("img => img.naturalWidth") == 1
