"""The bulletin board in Chromium: a visitor looks up their receipt code and sees their ballot as published,
then follows it to the bulletin board, which lists the entries."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect
from pytest_django.fixtures import Settings

from tests.publication.conftest import TEST_BULLETIN_KEY
from tests.publication.world import Cast, publish_all, run_election_day

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def finished(live_server: Any, settings: Settings) -> tuple[str, list[Cast]]:
    settings.OSTAN_BULLETIN_KEY = TEST_BULLETIN_KEY
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    pw, casts = run_election_day(stations=2, voters=8)
    publish_all(pw)
    return str(live_server.url), casts


def test_a_voter_finds_their_ballot_by_receipt_and_browses_the_board(
    page: Page, finished: tuple[str, list[Cast]]
) -> None:
    site, casts = finished
    cast = next(c for c in casts if c.codes)
    page.goto(f"{site}/results/receipt/")
    page.get_by_label("کد رسید برگهٔ رأی").fill(cast.receipt_code.lower())
    page.get_by_role("button", name="جست‌وجو").click()
    expect(page.get_by_role("heading", level=2)).to_contain_text("منتشر شده است")
    persian = "".join("۰۱۲۳۴۵۶۷۸۹"[int(d)] for d in cast.codes[0])
    expect(page.locator("#ballot-codes")).to_contain_text(persian)

    page.goto(f"{site}/results/bulletin/")
    rows = page.locator("tbody tr")
    # the opening (constituency file, 2 stations, opening, manifest), 2 × (minutes, ballots), the file again
    # with its lot seed, the result
    expect(rows).to_have_count(11)
    expect(page.get_by_role("cell", name="گشایش دوره")).to_be_visible()
    # kinds and subjects in Persian; the machine kind stays on the cell and in the JSON payload
    expect(page.get_by_role("cell", name="برگه‌های رأی شعبه").first).to_be_visible()
    expect(page.locator("td[data-kind='ballots']")).to_have_count(2)
    result = page.locator("tr", has=page.locator("td[data-kind='result']"))
    expect(result.get_by_role("cell", name="نتیجهٔ حوزه")).to_be_visible()
    expect(result).to_contain_text("حوزهٔ ")
    expect(page.locator("tr", has=page.locator("td[data-kind='minutes']")).first).to_contain_text("شعبهٔ ")
