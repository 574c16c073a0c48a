"""Public pages, downloads, the receipt lookup, the API and the scoped dashboard."""

from __future__ import annotations

import json
import re

import pytest
from django.test import Client

from ostan.core.access import Role
from ostan.publication import dashboard as dashboards
from tests.actors import as_actor
from tests.elections.world import PASSWORD, make_official
from tests.polling.world import make_polling_world
from tests.publication.world import close_and_sign, publish_all, run_election_day, run_shared_station_day, vote

pytestmark = pytest.mark.django_db


@pytest.fixture
def finished():  # type: ignore[no-untyped-def]
    pw, casts = run_election_day(stations=2, voters=12)
    publish_all(pw)
    return pw, casts


def test_public_pages_render_with_persian_digits(finished) -> None:  # type: ignore[no-untyped-def]
    pw, _ = finished
    client = Client()
    index = client.get("/results/").content.decode()
    assert pw.city.name in index
    assert "۱۲" in index  # ballots
    page = client.get(f"/results/c/{pw.city.pk}/", follow=True).content.decode()
    assert "A۰۰۱" in page
    assert "A۰۰۲" in page
    station = client.get(f"/results/s/{pw.stations[0].pk}/").content.decode()
    assert "امضاشده با دستگاه" in station
    assert "۶" in station
    bulletin = client.get("/results/bulletin/").content.decode()
    assert "minutes" in bulletin
    assert "#۰" in bulletin


def test_an_unpublished_constituency_has_no_public_page() -> None:
    pw, _ = run_election_day(stations=1, voters=2)
    assert Client().get(f"/results/c/{pw.city.pk}/", follow=True).status_code == 404
    assert Client().get(f"/results/s/{pw.stations[0].pk}/").status_code == 404


def test_payloads_and_downloads(finished) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    payload = client.get("/results/bulletin/0.json")
    assert payload["Content-Type"].startswith("application/json")
    assert json.loads(payload.content)["format"] == "ostan.constituency/1"
    chain = b"".join(client.get("/results/chain.jsonl").streaming_content).decode()  # type: ignore[attr-defined]
    assert len(chain.splitlines()) == json.loads(client.get("/results/keys.json").content)["chain_length"]
    assert client.get("/results/bulletin/999999.json").status_code == 404


def test_receipt_lookup_shows_the_ballot_as_published(finished) -> None:  # type: ignore[no-untyped-def]
    _, casts = finished
    cast = next(c for c in casts if c.codes)
    spaced = "-".join(cast.receipt_code[i : i + 4] for i in range(0, 12, 4)).lower()
    page = Client().get("/results/receipt/", {"code": spaced}).content.decode()
    assert "منتشر شده است" in page
    first = "".join("۰۱۲۳۴۵۶۷۸۹"[int(d)] for d in cast.codes[0])
    assert first in page
    missing = Client().get("/results/receipt/", {"code": "AAAA-AAAA-AAAA"}).content.decode()
    assert "منتشر نشده است" in missing
    api = Client().get(f"/api/results/receipts/{cast.receipt_code}").json()
    assert api["codes"] == cast.codes
    assert Client().get("/api/results/receipts/nope").status_code == 404


def test_api_entries_page_through_the_chain(finished) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    head = client.get("/api/results/head").json()
    first = client.get("/api/results/entries", {"after": -1, "limit": 3}).json()
    assert [e["seq"] for e in first] == [0, 1, 2]
    rest = client.get("/api/results/entries", {"after": 2, "limit": 500}).json()
    assert rest[-1]["entry_hash"] == head["entry_hash"]
    assert client.get("/api/results/keys").json()["chain_head"] == head["entry_hash"]


def test_dashboard_is_scoped_and_polls(finished) -> None:  # type: ignore[no-untyped-def]
    pw, _ = finished
    client = Client()
    assert client.login(username="county_a", password=PASSWORD)
    page = client.get("/results/dashboard/").content.decode()
    assert 'hx-trigger="every 5s"' in page
    assert "۱۲" in page  # check-ins so far
    assert "همهٔ شعبه‌ها گزارش داده‌اند" in page
    assert client.get("/results/dashboard/panel/").status_code == 200
    other = make_official("county_b", Role.COUNTY_ELECTION_OFFICIAL, pw.world.county_b)
    assert other.pk
    b = Client()
    assert b.login(username="county_b", password=PASSWORD)
    assert b.get("/results/dashboard/", {"unit": pw.world.county_a.code}).status_code == 403
    own = b.get("/results/dashboard/").content.decode()
    assert "آشتیان" in own
    assert "۱۲" not in own
    anonymous = Client().get("/results/dashboard/")  # a visitor is sent to sign in, and back
    assert (anonymous.status_code, anonymous["Location"]) == (302, "/accounts/login/?next=/results/dashboard/")


def test_dashboard_shows_missing_stations_and_hourly_check_ins() -> None:
    pw = make_polling_world(stations=2, voters=6)
    http = Client()
    for national in pw.voters:
        vote(http, pw.auth[0], pw.voting[0], national, ["101"])
    close_and_sign(http, pw, 0)
    client = Client()
    assert client.login(username="county_a", password=PASSWORD)
    page = client.get("/results/dashboard/panel/").content.decode()
    assert "احراز هویت به تفکیک ساعت" in page
    assert '<span class="badge">A۰۰۲</span>' in page  # still open: not reported
    assert '<span class="badge">A۰۰۱</span>' not in page
    assert "۶" in page


def test_dashboard_counts_a_station_serving_two_constituencies_once_with_both_minutes() -> None:
    shared = run_shared_station_day(city_voters=4, village_voters=3)
    board = dashboards.build(as_actor(shared.pw.official))
    assert (board.root.figures.stations, board.root.figures.stations_reported) == (1, 1)
    assert (board.root.figures.checked_in, board.root.figures.ballots_cast) == (7, 7)
    assert board.missing == []
    assert [a.code for a in board.anomalies] == []


def test_constituency_page_draws_votes_per_candidate(finished) -> None:  # type: ignore[no-untyped-def]
    pw, _ = finished
    page = Client().get(f"/results/c/{pw.city.pk}/", follow=True).content.decode()
    figure = page[page.index('<figure class="chart chart-bar"') : page.index("</figure>")]
    assert '<figcaption class="chart-caption">آرای نامزدها</figcaption>' in figure
    assert 'role="img"' in figure
    candidate_rows = re.findall(r'<tr><td class="num">', page)  # the candidates table (stations' rows open with a link)
    assert figure.count('<g class="chart-row">') == len(candidate_rows) > 1
    assert "<bdi>عضو اصلی</bdi>" in figure
    assert '<th scope="col">نامزد</th><th scope="col">رأی</th>' in figure


def test_dashboard_draws_check_ins_by_hour_and_turnout_by_unit_with_tables_behind() -> None:
    pw = make_polling_world(stations=2, voters=6)
    http = Client()
    for national in pw.voters[:3]:
        vote(http, pw.auth[0], pw.voting[0], national, ["101"])
    client = Client()
    assert client.login(username="county_a", password=PASSWORD)
    page = client.get("/results/dashboard/panel/").content.decode()
    board = dashboards.build(as_actor(pw.official))
    assert board.hour_series["تا پایان ساعت"][-1] == 3
    assert page.count("<svg") >= 2  # the hourly line and the units' bars
    assert "مشارکت زندهٔ زیرواحدها" in page
    assert board.hour_labels[-1] in page  # the line's hours, in Persian digits, also in its table
    assert board.unit_bars
    assert all(0 < share <= 100 for _, share in board.unit_bars)


def test_a_result_lives_at_its_published_id_and_the_old_address_moves_there(finished) -> None:  # type: ignore[no-untyped-def]
    pw, _ = finished
    code = f"round{pw.election_round.number}-{pw.city.pk}"
    moved = Client().get(f"/results/c/{pw.city.pk}/")
    assert (moved.status_code, moved["Location"]) == (301, f"/results/c/{code}/")
    page = Client().get(f"/results/c/{code}/")
    assert page.status_code == 200
    assert pw.city.name in page.content.decode()
    assert Client().get(f"/results/c/round{pw.election_round.number + 1}-{pw.city.pk}/").status_code == 404
    assert Client().get("/results/c/not-a-code/").status_code == 404
