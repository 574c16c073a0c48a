"""Stations on the voter's map: coordinates typed in any digit style, checked to lie in Iran, and the
station drawn on its county's outline (the project's own boundaries) with its address beside it."""

from __future__ import annotations

from decimal import Decimal

from django.test import Client

from ostan.elections import actions as elections
from ostan.elections.models import RoundStatus
from ostan.polling.models import Station
from tests.actors import as_actor
from tests.polling.world import PollingWorld


def _post(pw: PollingWorld, **place: str) -> tuple[int, str]:
    client = Client()
    client.force_login(pw.official)
    data = {"code": "M001", "address": "میدان شهدا، مسجد جامع", "unit": pw.world.city_a.pk,
            "constituencies": [pw.city.pk], **place}  # fmt: skip
    response = client.post("/polling/stations/", data)
    return response.status_code, response.content.decode()


def test_a_station_placed_from_the_page_is_drawn_on_its_county(pw: PollingWorld) -> None:
    status, page = _post(pw, latitude="۳۴٫۰۹۱۷", longitude="۴۹/۶۸۹۲")
    assert status in (200, 302), page
    station = Station.objects.get(code="M001")
    assert (station.latitude, station.longitude) == (Decimal("34.09170"), Decimal("49.68920"))
    elections.set_round_status(actor=as_actor(pw.hq), election_round=pw.election_round, status=RoundStatus.VOTING)
    page = Client().get(f"/polling/guide/{pw.city.pk}/").content.decode()
    assert "data-station-map" in page
    assert "chart-svg-locator" in page
    assert "شهرستان اراک" in page
    assert 'data-map-station="M001"' in page
    assert "میدان شهدا، مسجد جامع" in page
    assert 'data-code="0001"' in page  # Arak county's outline from the committed map
    assert "http" not in page.split("chart-svg-locator", 1)[1].split("</svg>", 1)[0].replace(
        "http://www.w3.org/2000/svg", ""
    )  # nothing fetched from anywhere


def test_a_position_outside_iran_or_half_given_is_refused_next_to_the_field(pw: PollingWorld) -> None:
    status, page = _post(pw, latitude="49.7", longitude="34.1")  # swapped
    assert status == 400
    assert "ایران نیست" in page
    status, page = _post(pw, latitude="34.1", longitude="")
    assert status == 400
    assert "هم عرض و هم طول" in page
    status, page = _post(pw, latitude="شمال", longitude="49")
    assert status == 400
    assert "درجه را به عدد" in page
    assert not Station.objects.filter(code="M001").exists()
