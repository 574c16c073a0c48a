"""Setting up a device in Chromium, as a station official does on election morning: the check-in page
makes its key in one tab, the official reads the key from its pairing panel, registers it on the
station page in another tab (typed in blocks of four, as read aloud), compares the fingerprints,
pairs the device and checks a voter in."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from ostan.core.polling.devices import key_fingerprint
from ostan.polling import constituencies, device_requests
from ostan.polling.edge import stations as stations_cache
from ostan.polling.models import CheckIn, Device
from tests.elections.world import PASSWORD
from tests.polling.world import PollingWorld, make_polling_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


@pytest.fixture
def site(live_server: Any) -> tuple[str, PollingWorld]:
    device_requests._cache.clear()
    stations_cache._cache.clear()
    constituencies.forget_all()
    return str(live_server.url), make_polling_world(stations=1, voters=3)


def test_official_registers_the_check_in_device_and_a_voter_checks_in(
    page: Page, site: tuple[str, PollingWorld]
) -> None:
    url, pw = site
    station, voter = pw.stations[0], pw.voters[0]
    device_tab = page
    device_tab.goto(f"{url}/polling/checkin/")
    expect(device_tab.locator("[data-ready='1']")).to_be_attached()
    panel = device_tab.locator("[data-pairing-panel]")
    panel.get_by_text("جفت‌کردن این دستگاه با شعبه").click()
    expect(panel).to_contain_text("صفحهٔ شعبه")
    expect(panel.locator("[data-pairing-state]")).to_contain_text("هنوز با شعبه‌ای جفت نشده")
    blocks = panel.locator("[data-public-key] span").all_text_contents()
    assert len(blocks) == 16
    assert all(len(b) == 4 for b in blocks)
    public_key = "".join(blocks)
    device_fingerprint = panel.locator("[data-key-fingerprint]").text_content() or ""
    assert device_fingerprint == key_fingerprint(bytes.fromhex(public_key))

    office = page.context.new_page()
    office.goto(f"{url}/accounts/login/")
    office.get_by_label("نام کاربری").fill(pw.members[0].username)
    office.get_by_label("گذرواژه").fill(PASSWORD)
    office.get_by_role("button", name="ورود").click()
    office.goto(f"{url}/")
    office.get_by_role("link", name="شعبه‌ها، دستگاه‌ها و اعضای شعبه").click()
    office.get_by_role("link", name=station.code.translate(PERSIAN)).click()
    office.get_by_label("شناسهٔ دستگاه").fill("A۰۰۱-web")
    office.get_by_label("نوع دستگاه").select_option("auth")
    office.get_by_label("کلید عمومی دستگاه").fill(" ".join(b.upper() for b in blocks))
    office.get_by_role("button", name="ثبت دستگاه").click()
    expect(office.get_by_role("status").first).to_contain_text(f"اثر کلید: {device_fingerprint}")
    row = office.locator("tr[data-device='A001-web']")
    expect(row.locator("[data-fingerprint]")).to_have_text(device_fingerprint)
    assert Device.objects.get(device_id="A001-web").public_key == public_key

    device_tab.bring_to_front()
    device_tab.get_by_label("شناسهٔ دستگاه").fill("A۰۰۱-web")
    device_tab.get_by_label("کد شعبه").fill(station.code)
    device_tab.get_by_role("button", name="ذخیره").click()
    expect(panel.locator("[data-pairing-state]")).to_contain_text("«A001-web» برای شعبهٔ «A001»")
    device_tab.get_by_label("کد ملی رأی‌دهنده").fill(voter.translate(PERSIAN))
    device_tab.get_by_label("تأیید هویت", exact=False).fill(voter[-4:])
    device_tab.get_by_role("button", name="احراز هویت").click()
    expect(device_tab.locator("[data-reason='accepted']")).to_be_visible()
    expect(device_tab.locator("[data-short-code]")).to_be_visible()
    assert CheckIn.objects.filter(national_code=voter, station=station).count() == 1

    office.reload()
    expect(office.locator("tr[data-device='A001-web']")).not_to_contain_text("هنوز درخواستی نفرستاده")
