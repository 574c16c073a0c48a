"""The network in Chromium: the mosque's representative reports progress on the mosque's action with a
photo; the فرماندار sees it on the county dashboard, runs the overlap search and resolves the overlap."""

from __future__ import annotations

from pathlib import Path

import jdatetime
import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect
from pytest_django.fixtures import Settings
from pytest_django.live_server_helper import LiveServer

from ostan.core.text import to_persian_digits
from ostan.network import actions
from ostan.network.models import Overlap
from tests.actors import PASSWORD, SYSTEM
from tests.network.conftest import entry, make_net, png

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def _live_site(settings: Settings, transactional_db: None, tmp_path: Path) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.OSTAN_PRIVATE_DIR = tmp_path / "private"


def _sign_in(page: Page, url: str, username: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{url}/accounts/login/")
    page.get_by_label("نام کاربری").fill(username)
    page.get_by_label("گذرواژه").fill(PASSWORD)
    page.get_by_role("button", name="ورود").click()


def test_mosque_reports_with_a_photo_and_the_county_governor_resolves_an_overlap(
    page: Page, live_server: LiveServer, tmp_path: Path
) -> None:
    net = make_net()
    actions.add_action(
        actor=SYSTEM, plan_id=net.plan.pk, entry=entry(net.relief, "توزیع بستهٔ معیشتی خانواده‌های نیازمند")
    )
    url = live_server.url
    photo = tmp_path / "tozi.png"
    photo.write_bytes(png())

    _sign_in(page, url, net.mosque_rep.username)
    page.goto(f"{url}/network/")  # the representative's own unit: the city and its councils
    page.get_by_role("link", name=net.council.name).click()
    page.get_by_role("link", name=net.mosque_action.title, exact=True).click()
    page.get_by_role("link", name="گزارش پیشرفت").click()
    page.get_by_label("پیشرفت (درصد)").fill("۶۰")
    today = jdatetime.date.fromgregorian(date=timezone.localdate())
    page.get_by_label("تاریخ (۱۴۰۵/۰۹/۰۱)").fill(to_persian_digits(f"{today.year}/{today.month:02d}/{today.day:02d}"))
    page.get_by_label("شرح کار انجام‌شده").fill("۱۵۰ بسته توزیع شد.")
    page.get_by_label("عکس یا سند (JPEG، PNG یا PDF)").set_input_files(str(photo))
    page.get_by_role("button", name="ثبت گزارش").click()
    expect(page.get_by_role("status")).to_contain_text("گزارش پیشرفت ثبت شد")
    expect(page.locator("main img")).to_have_count(1)

    _sign_in(page, url, net.governor.username)
    page.goto(f"{url}/network/u/{net.world.county_a.code}/dashboard/")
    expect(page.locator("main")).to_contain_text("تازه‌ترین گزارش‌های پیشرفت")
    expect(page.locator("main")).to_contain_text(net.mosque_action.title)
    expect(page.locator("main img")).to_have_count(1)
    page.get_by_role("link", name="هم‌پوشانی‌ها").first.click()
    page.get_by_role("button", name="جست‌وجوی هم‌پوشانی‌ها").click()
    expect(page.get_by_role("status")).to_contain_text("هم‌پوشانی تازه یافت شد")
    page.get_by_role("link", name="تصمیم", exact=True).click()
    page.get_by_label("هماهنگی میان دو نهاد").check()
    page.get_by_label("شرح تصمیم").fill("مسجد فهرست خانواده‌ها را با کمیته امداد یکی می‌کند.")
    page.get_by_role("button", name="ثبت تصمیم").click()
    expect(page.get_by_role("status")).to_contain_text("تصمیم دربارهٔ هم‌پوشانی ثبت شد")
    expect(page.locator("main")).to_contain_text("هماهنگی میان دو نهاد")
    assert Overlap.objects.get().decision == "coordinate"
