"""The check-in device after a lost link: a voter submitted while offline is refused with
``link_down``, and once the link returns the automatic retry reaches the centre and is accepted,
because whether the link is down is decided when each request leaves, not kept from the first try."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from ostan.polling import constituencies, device_requests
from ostan.polling.edge import stations as stations_cache
from ostan.polling.models import CheckIn, DeviceKind
from tests.browser.test_polling_browser import _check_in, _pair
from tests.polling.world import PollingWorld, make_polling_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(live_server: Any) -> tuple[str, PollingWorld]:
    device_requests._cache.clear()
    stations_cache._cache.clear()
    constituencies.forget_all()
    return str(live_server.url), make_polling_world(stations=1, voters=2)


def test_retry_after_the_link_returns_is_accepted(page: Page, site: tuple[str, PollingWorld]) -> None:
    url, pw = site
    voter = pw.voters[0]
    _pair(page, f"{url}/polling/checkin/", pw, 0, DeviceKind.AUTHENTICATION, "A001-web-auth")
    page.context.set_offline(True)
    _check_in(page, voter)
    expect(page.locator("[data-reason='link_down']")).to_be_visible()
    assert not CheckIn.objects.filter(national_code=voter).exists()
    page.context.set_offline(False)
    expect(page.locator("[data-reason='accepted']")).to_be_visible(timeout=12_000)
    expect(page.locator("[data-short-code]")).to_be_visible()  # the token's nine-digit code, once the link is back
    assert CheckIn.objects.filter(national_code=voter).count() == 1
