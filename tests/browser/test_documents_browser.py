"""The minutes as PDF in Chromium: after close, a station official opens the station page, follows the
printable minutes and clicks «دریافت PDF»; the browser opens a PDF under the minutes' file name."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from playwright.sync_api import Page, expect

from ostan.polling import actions, constituencies, device_requests
from ostan.polling.edge import stations as stations_cache
from ostan.polling.simulator import new_ballot_id, new_token
from tests.actors import as_actor
from tests.elections.world import PASSWORD
from tests.polling.world import BALLOT_PATH, CHECK_IN_PATH, PollingWorld, check_in_payload, make_polling_world, post

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


@pytest.fixture
def site(live_server: Any) -> tuple[str, PollingWorld]:
    device_requests._cache.clear()
    stations_cache._cache.clear()
    constituencies.forget_all()
    return str(live_server.url), make_polling_world(stations=1, voters=3)


def test_official_opens_the_minutes_as_pdf(page: Page, site: tuple[str, PollingWorld]) -> None:
    url, pw = site
    token, hashed = new_token()
    post(Client(), pw.auth[0], CHECK_IN_PATH, check_in_payload(pw.voters[0], hashed, "b1"))
    post(Client(), pw.voting[0], BALLOT_PATH, {"ballot_id": new_ballot_id(), "token": token, "codes": ["101"]})
    [minutes] = actions.close_station(actor=as_actor(pw.members[0]), station=pw.stations[0])

    page.goto(f"{url}/accounts/login/")
    page.get_by_label("نام کاربری").fill(pw.members[0].username)
    page.get_by_label("گذرواژه").fill(PASSWORD)
    page.get_by_role("button", name="ورود").click()
    page.goto(f"{url}/polling/stations/{pw.stations[0].pk}/")
    page.get_by_role("link", name="نسخهٔ چاپی").click()
    expect(page.locator("article")).to_contain_text("صورتجلسهٔ شعبهٔ اخذ رأی")
    with page.expect_response(lambda r: r.url.endswith(f"/polling/minutes/{minutes.pk}/pdf/")) as answer:
        page.get_by_role("link", name="دریافت PDF").click()
    response = answer.value
    assert response.status == 200
    assert response.header_value("content-type") == "application/pdf"
    name = f"minutes-A001-form29-{minutes.digest[:8]}.pdf"
    assert response.header_value("content-disposition") == f'inline; filename="{name}"'
    assert page.url == response.url  # Chromium shows the PDF in its own viewer
    assert page.request.get(response.url).body().startswith(b"%PDF-")  # with the page's session cookie
