"""Every asset a page needs is served by the platform itself: a page load asks no other host, and the API
documentation renders with the machine cut off from the internet."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, Request, expect
from pytest_django.live_server_helper import LiveServer

from tests.accounts.people import make_tree

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def _live_site(transactional_db: None) -> None:
    make_tree()


# The election-day device pages (the check-in screen's QR code and the kiosk's scanner are drawn and read
# on the device) and the voter's guide are here too; the citizen's page with the station's map is
# watched the same way in test_voter_browser.
PAGES = ["/", "/territory/", "/elections/", "/organisations/", "/results/", "/accounts/login/", "/api/docs",
         "/polling/checkin/", "/polling/kiosk/?mode=kiosk", "/polling/guide/"]  # fmt: skip


def test_no_page_asks_another_host(page: Page, live_server: LiveServer) -> None:
    own = urlsplit(live_server.url).netloc
    elsewhere: list[str] = []

    def watch(request: Request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.netloc != own:
            elsewhere.append(request.url)

    page.on("request", watch)
    for path in PAGES:
        response = page.goto(f"{live_server.url}{path}")
        assert response is not None
        assert response.status == 200, path
        page.wait_for_load_state("networkidle")
    assert elsewhere == []


def test_api_docs_render_from_the_projects_own_files(page: Page, live_server: LiveServer) -> None:
    page.route("**/*", lambda route: route.abort() if live_server.url not in route.request.url else route.continue_())
    page.goto(f"{live_server.url}/api/docs")
    expect(page.locator("#swagger-ui .opblock").first).to_be_visible()
