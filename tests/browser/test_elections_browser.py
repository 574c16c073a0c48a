"""Council elections in Chromium: an official imports candidates (seeing the validation report first),
imports ballots, counts and publishes; a visitor then reads the members on the public results page."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from ostan.core.access import Role
from ostan.elections import actions
from ostan.elections.models import Constituency, ConstituencyKind
from tests.actors import as_actor
from tests.elections.conftest import CITY_BALLOTS
from tests.elections.world import CITY_CANDIDATES, PASSWORD, candidates_csv, make_official, make_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def city(live_server: Any) -> tuple[str, Constituency]:
    world = make_world()
    national = make_official("hq", Role.COUNTRY_ELECTION_OFFICIAL, world.country)
    make_official("arak_official", Role.COUNTY_ELECTION_OFFICIAL, world.county_a)
    election_round = actions.create_round(actor=as_actor(national), number=7, name="دوره هفتم")
    constituency = actions.create_constituency(
        actor=as_actor(national), election_round=election_round, unit=world.city_a, kind=ConstituencyKind.CITY_COUNCIL
    )
    return str(live_server.url), constituency


def _upload(page: Page, label: str, name: str, data: bytes, button: str) -> None:
    page.get_by_label(label).set_input_files({"name": name, "mimeType": "text/csv", "buffer": data})
    page.get_by_role("button", name=button).click()


def test_official_counts_and_publishes_then_public_sees_members(page: Page, city: tuple[str, Constituency]) -> None:
    site, constituency = city
    page.goto(f"{site}/accounts/login/")
    page.locator("input[name=username]").fill("arak_official")
    page.locator("input[name=password]").fill(PASSWORD)
    page.get_by_role("button", name="ورود").click()
    page.goto(f"{site}/elections/c/{constituency.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("شورای اسلامی شهر اراک")

    bad = candidates_csv([CITY_CANDIDATES[0], ["۱۰x", "", "رضا", "احمدی", "خیر", "دیپلم"]])
    _upload(page, "پرونده (CSV یا XLSX)", "candidates.csv", bad, "ورود نامزدها")
    report = page.get_by_role("alert")
    expect(report).to_contain_text("هیچ سطری از آن وارد نشد")
    expect(report.get_by_role("row").nth(1)).to_contain_text("۳")
    expect(report.get_by_role("row").nth(1)).to_contain_text("کد نامزد")

    page.goto(f"{site}/elections/c/{constituency.pk}/")
    _upload(page, "پرونده (CSV یا XLSX)", "candidates.csv", candidates_csv(CITY_CANDIDATES), "ورود نامزدها")
    expect(page.get_by_role("status")).to_contain_text("۱۰ نامزد وارد شد")
    _upload(page, "پرونده برگه‌ها", "ballots.csv", CITY_BALLOTS, "ورود برگه‌ها")
    expect(page.get_by_role("status")).to_contain_text("۲۶ برگه رأی وارد شد")
    page.get_by_role("button", name="شمارش آرا").click()
    expect(page.get_by_role("status")).to_contain_text("شمارش انجام")
    page.get_by_role("button", name="اعلام نتایج").click()
    expect(page.get_by_role("status")).to_contain_text("نتایج اعلام شد")
    page.get_by_role("button", name="خروج").click()

    page.goto(f"{site}/elections/")
    page.get_by_role("link", name="نتایج اعلام‌شده").click()
    members = page.locator("section.members")
    expect(members.get_by_role("row")).to_have_count(8)  # header and seven members
    expect(members.get_by_role("row").nth(1)).to_contain_text("علی محمدی")
    expect(members.get_by_role("row").nth(1)).to_contain_text("۲۱")
