"""Turnout maps on the results pages and the officials' dashboard: server-drawn SVG with each region's
Persian name, the legend and the table behind it, and figures computed from the published data."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from ostan.elections import actions as elections
from ostan.elections.models import ConstituencyKind
from ostan.polling.models import Station
from ostan.publication import actions as publication
from ostan.publication import maps
from ostan.publication.models import ConstituencyResult
from tests.actors import as_actor
from tests.elections.world import PASSWORD
from tests.polling.world import make_polling_world
from tests.publication.world import close_and_sign, publish_all, vote

pytestmark = pytest.mark.django_db


def _figure(page: str, kind: str = "choropleth") -> str:
    start = page.index(f'<figure class="chart chart-{kind}"')
    return page[start : page.index("</figure>", start)]


def _row(figure: str, name: str) -> str:
    """The table row behind the map for the region named ``name``."""
    table = figure[figure.index("<table") :]
    found = re.search(rf"<tr>(?:(?!</tr>).)*{name}(?:(?!</tr>).)*</tr>", table, re.S)
    assert found, f"no row for {name}"
    return found.group(0)


@pytest.fixture
def six_of_eight():  # type: ignore[no-untyped-def]
    """Nine on the city's roll of its constituency (eight voters and one under age, listed as the roll lists
    them: the aggregation core counts the roll), six vote, three at each station; all published."""
    pw = make_polling_world(stations=2, voters=8)
    http = Client()
    for i, national in enumerate(pw.voters[:6]):
        vote(http, pw.auth[i % 2], pw.voting[i % 2], national, ["101"])
    close_and_sign(http, pw, 0)
    close_and_sign(http, pw, 1)
    publish_all(pw)
    return pw


def test_results_index_maps_turnout_of_the_published_counties(six_of_eight) -> None:  # type: ignore[no-untyped-def]
    pw = six_of_eight
    page = Client().get("/results/").content.decode()
    figure = _figure(page)
    assert "<svg" in figure
    assert "مشارکت در نتایج اعلام‌شده به تفکیک شهرستان" in figure  # one province published: its counties
    assert "نقشهٔ مشارکت (دوره هفتم)" in page
    arak = _row(figure, "اراک")
    assert "۶۶٫۷٪" in arak  # 6 ballots of 9 on the roll
    ashtian = _row(figure, "آشتیان")  # nothing published there: no data, never zero
    assert "بدون داده" in ashtian
    assert "۰٪" not in ashtian
    assert '<th scope="col">شهرستان</th>' in figure
    assert "chart-legend" in figure
    assert "بدون داده" in figure[: figure.index("<table")]  # the legend's no-data class
    assert f'href="{reverse("territory:unit", args=[pw.world.county_a.code])}"' in figure
    assert re.search(r"<title>[^<]*اراک[^<]*۶ رأی از ۹ واجد شرایط[^<]*</title>", figure)  # the region's tooltip


def test_constituency_page_maps_its_province(six_of_eight) -> None:  # type: ignore[no-untyped-def]
    pw = six_of_eight
    page = Client().get(f"/results/c/{pw.city.pk}/", follow=True).content.decode()
    assert "مشارکت در استان" in page
    figure = _figure(page)
    assert "۶۶٫۷٪" in _row(figure, "اراک")
    assert "بدون داده" in _row(figure, "آشتیان")


def test_results_in_two_provinces_are_mapped_by_province(six_of_eight) -> None:  # type: ignore[no-untyped-def]
    pw = six_of_eight
    assert maps.published_area(pw.election_round.pk) == pw.world.province
    # Tehran's council announced too (its count is another test's: here only where it lies matters).
    tehran = elections.create_constituency(
        actor=as_actor(pw.hq),
        election_round=pw.election_round,
        unit=pw.world.tehran,
        kind=ConstituencyKind.CITY_COUNCIL,
    )
    arak = ConstituencyResult.objects.get(constituency=pw.city)
    ConstituencyResult.objects.create(
        constituency=tehran, result={}, stations=0, ballots=0, aggregated_at=arak.aggregated_at,
        result_entry=arak.result_entry,
    )  # fmt: skip
    assert maps.published_area(pw.election_round.pk) == pw.world.country
    figure = _figure(Client().get("/results/").content.decode())
    assert "مشارکت در نتایج اعلام‌شده به تفکیک استان" in figure
    assert '<th scope="col">استان</th>' in figure
    assert "۶۶٫۷٪" in _row(figure, "مرکزی")
    assert "بدون داده" in _row(figure, "تهران")  # announced, but no station's minutes counted there


def test_a_published_station_without_an_announced_result_is_not_mapped() -> None:
    pw = make_polling_world(stations=1, voters=4)
    http = Client()
    for national in pw.voters[:2]:
        vote(http, pw.auth[0], pw.voting[0], national, ["101"])
    close_and_sign(http, pw, 0)
    publication.publish_station(actor=as_actor(pw.official), station=Station.objects.get(pk=pw.stations[0].pk))
    drawn = maps.published_turnout(pw.election_round.pk, pw.world.province)
    assert drawn is not None
    assert [r.value for r in drawn.regions if r.value is not None] == []
    assert "chart-choropleth" not in Client().get("/results/").content.decode()


def test_dashboard_maps_live_turnout_of_the_counties() -> None:
    pw = make_polling_world(stations=2, voters=6)
    http = Client()
    for national in pw.voters[:3]:
        vote(http, pw.auth[0], pw.voting[0], national, ["101"])
    client = Client()
    assert client.login(username="hq", password=PASSWORD)
    page = client.get("/results/dashboard/panel/", {"unit": pw.world.province.code}).content.decode()
    figure = _figure(page)
    assert "مشارکت زندهٔ شهرستان‌ها" in figure
    assert "۴۲٫۹٪" in _row(figure, "اراک")  # three of seven on the roll checked in (six voters, one under age)
    assert "بدون داده" in _row(figure, "آشتیان")
    assert f'href="/results/dashboard/?unit={pw.world.county_a.code}"' in figure
    assert "۳ احراز هویت از ۷ واجد شرایط" in figure
    # The country's dashboard maps the provinces.
    country = _figure(client.get("/results/dashboard/panel/").content.decode())
    assert "مشارکت زندهٔ استان‌ها" in country
    assert "۴۲٫۹٪" in _row(country, "مرکزی")


def test_a_county_dashboard_has_no_map() -> None:
    pw = make_polling_world(stations=1, voters=2)
    client = Client()
    assert client.login(username="county_a", password=PASSWORD)
    page = client.get("/results/dashboard/panel/").content.decode()
    assert pw.world.county_a.name
    assert "chart-choropleth" not in page
