"""The guided day from the pages and the API: the day's state on one page with the next step's button
for whoever may take it; publishing a station once its minutes are signed and confirmed, aggregating
and announcing the constituency, each behind a ticked confirmation; refusals out of role or scope."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from ostan.core.access import Role
from ostan.core.text import to_persian_digits
from ostan.elections import actions as elections
from ostan.polling import actions as polling
from ostan.polling.models import Station, StationMinutes
from ostan.publication import selectors
from ostan.publication.models import ConstituencyResult, StationPublication
from tests.actors import as_actor
from tests.elections.world import PASSWORD, make_official
from tests.polling.world import PollingWorld
from tests.publication.world import Cast, run_election_day

pytestmark = pytest.mark.django_db


@pytest.fixture
def day() -> tuple[PollingWorld, list[Cast]]:
    return run_election_day(stations=2, voters=6)  # both stations closed, minutes signed, none confirmed


def signed_in(username: str) -> Client:
    client = Client()
    assert client.login(username=username, password=PASSWORD)
    return client


def confirm_all(pw: PollingWorld) -> None:
    for k, station in enumerate(pw.stations):
        for m in StationMinutes.objects.filter(station=station):
            polling.confirm_minutes(actor=as_actor(pw.members[k]), minutes=m)


def stage_of(page: str, station: Station) -> str:
    marker = f'data-station="{station.code}" data-stage="'
    return page.split(marker, 1)[1].split('"', 1)[0]


def test_the_day_page_says_where_each_station_stands_and_offers_the_next_step(day) -> None:  # type: ignore[no-untyped-def]
    pw, _ = day
    official = signed_in("county_a")
    page = official.get("/results/day/").content.decode()
    assert stage_of(page, pw.stations[0]) == "signed"
    assert "اعضای شعبه صورتجلسهٔ امضاشده را در صفحهٔ شعبه تأیید کنند." in page
    assert 'data-step="publish_station"' not in page  # not confirmed yet: nothing to publish
    assert "۰ از ۲" in page  # the constituency: no station in yet
    member = signed_in(pw.members[0].username)
    mine = member.get("/results/day/").content.decode()
    assert mine.count('data-step="confirm"') == 1  # only at the member's own station
    confirm_all(pw)
    page = official.get("/results/day/").content.decode()
    assert stage_of(page, pw.stations[0]) == "confirmed"
    assert page.count('data-step="publish_station"') == 2
    assert 'data-step="publish_station"' not in member.get("/results/day/").content.decode()  # a member: not theirs


def test_publishing_a_station_asks_for_confirmation_then_needs_confirmed_minutes(day) -> None:  # type: ignore[no-untyped-def]
    pw, _ = day
    official = signed_in("county_a")
    url = f"/results/s/{pw.stations[0].pk}/publish/"
    shown = official.get(url)
    assert shown.status_code == 200
    assert 'name="confirm"' in shown.content.decode()
    unticked = official.post(url, {})
    assert unticked.status_code == 400
    assert "تأیید را علامت بزنید" in unticked.content.decode()
    unconfirmed = official.post(url, {"confirm": "on"})
    assert unconfirmed.status_code == 400
    assert "به تأیید اعضای شعبه نرسیده" in unconfirmed.content.decode()
    assert not StationPublication.objects.exists()
    confirm_all(pw)
    done = official.post(url, {"confirm": "on"})
    assert (done.status_code, done["Location"]) == (302, "/results/day/")
    assert StationPublication.objects.filter(station=pw.stations[0]).exists()


def test_publishing_and_aggregating_are_refused_out_of_role_and_out_of_scope(day) -> None:  # type: ignore[no-untyped-def]
    pw, _ = day
    confirm_all(pw)
    make_official("county_b", Role.COUNTY_ELECTION_OFFICIAL, pw.world.county_b)
    member, outsider = signed_in(pw.members[0].username), signed_in("county_b")
    station_url, city_url = f"/results/s/{pw.stations[0].pk}/publish/", f"/results/c/{pw.city.pk}/aggregate/"
    assert member.post(station_url, {"confirm": "on"}).status_code == 403
    assert outsider.post(station_url, {"confirm": "on"}).status_code == 404  # concealed: as if it did not exist
    assert member.post(city_url, {"confirm": "on"}).status_code == 403
    assert outsider.post(city_url, {"confirm": "on"}).status_code == 404
    api = f"/api/results/stations/{pw.stations[0].pk}/publish"
    assert member.post(api).status_code == 403
    assert outsider.post(api).status_code == 404
    assert Client().post(api).status_code == 401
    assert not StationPublication.objects.exists()


def test_the_whole_day_through_the_api_ends_with_the_receipt_on_the_board(day) -> None:  # type: ignore[no-untyped-def]
    pw, casts = day
    official = signed_in("county_a")
    first = official.post(f"/api/results/stations/{pw.stations[0].pk}/publish")
    assert (first.status_code, first.json()["code"]) == (409, "minutes_unconfirmed")
    confirm_all(pw)
    early = official.post(f"/api/results/constituencies/{pw.city.pk}/aggregate")
    assert (early.status_code, early.json()["code"]) == (409, "stations_missing")
    for station in pw.stations:
        published = official.post(f"/api/results/stations/{station.pk}/publish")
        assert published.status_code == 200, published.json()
        assert published.json()[0]["constituency_id"] == pw.city.pk
    again = official.post(f"/api/results/stations/{pw.stations[0].pk}/publish")
    assert (again.status_code, again.json()["code"]) == (409, "already_published")
    state = official.get("/api/results/day").json()
    [city] = state["constituencies"]
    assert (city["stage"], city["next_step"], city["may_act"]) == ("ready", "aggregate", True)
    assert city["published_stations"] == city["stations"] == 2
    elections.set_lot_seed(actor=as_actor(pw.official), constituency=pw.city, seed=selectors.board_head().head_hash)
    aggregated = official.post(f"/api/results/constituencies/{pw.city.pk}/aggregate")
    assert aggregated.status_code == 200, aggregated.json()
    assert (aggregated.json()["ballots"], aggregated.json()["is_published"]) == (len(casts), False)
    announced = official.post(f"/api/results/constituencies/{pw.city.pk}/publish")
    assert announced.status_code == 200, announced.json()
    assert announced.json()["is_published"] is True
    receipt = Client().get(f"/api/results/receipts/{casts[0].receipt_code}")
    assert receipt.status_code == 200
    assert set(receipt.json()["codes"]) == set(casts[0].codes)
    after = json.loads(official.get("/api/results/day").content)
    assert after["constituencies"][0]["stage"] == "published"
    assert {s["stage"] for s in after["stations"]} == {"published"}


def test_aggregating_and_announcing_from_the_pages(day) -> None:  # type: ignore[no-untyped-def]
    pw, casts = day
    confirm_all(pw)
    official = signed_in("county_a")
    for station in pw.stations:
        assert official.post(f"/results/s/{station.pk}/publish/", {"confirm": "on"}).status_code == 302
    page = official.get("/results/day/").content.decode()
    assert 'data-step="aggregate"' in page
    elections.set_lot_seed(actor=as_actor(pw.official), constituency=pw.city, seed=selectors.board_head().head_hash)
    assert official.post(f"/results/c/{pw.city.pk}/aggregate/", {}).status_code == 400  # not ticked
    assert not ConstituencyResult.objects.exists()
    assert official.post(f"/results/c/{pw.city.pk}/aggregate/", {"confirm": "on"}).status_code == 302
    assert 'data-step="publish_result"' in official.get("/results/day/").content.decode()
    announced = official.post(f"/results/c/{pw.city.pk}/publish/", {"confirm": "on"})
    assert (announced.status_code, announced["Location"]) == (302, f"/results/c/{pw.city.pk}/")
    found = Client().get("/results/receipt/", {"code": casts[0].receipt_code}).content.decode()
    assert "منتشر نشده" not in found
    assert "منتشر شده است" in found
    assert to_persian_digits(casts[0].station_code) in found


def test_the_day_page_shows_only_the_viewers_unit(day) -> None:  # type: ignore[no-untyped-def]
    pw, _ = day
    make_official("county_b", Role.COUNTY_ELECTION_OFFICIAL, pw.world.county_b)
    outsider = signed_in("county_b")
    page = outsider.get("/results/day/").content.decode()
    assert "data-station=" not in page
    assert f'data-constituency="{pw.city.pk}"' not in page
    assert outsider.get("/results/day/", {"unit": pw.world.city_a.code}).status_code == 403
    assert outsider.get("/api/results/day", {"unit": pw.world.city_a.code}).status_code == 403
    anonymous = Client().get("/results/day/")
    assert anonymous.status_code == 302
    assert "/accounts/login/" in anonymous["Location"]
