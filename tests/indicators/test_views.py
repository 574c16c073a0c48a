"""The pages: a secretary enters values in the form; the administrator keeps the catalogue; the public sees
figures with small counts hidden; exports, the dashboard and completeness answer."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client

from ostan.core.network import Period
from ostan.indicators import actions
from ostan.indicators.models import Indicator, Value
from tests.actors import PASSWORD, SYSTEM
from tests.indicators.conftest import Lab, make_catalogue

M1 = Period.month(1405, 1)


def _client(username: str) -> Client:
    client = Client()
    assert client.login(username=username, password=PASSWORD)
    return client


def test_the_secretary_enters_a_month_from_the_form(lab: Lab) -> None:
    make_catalogue()
    client = _client("secretary")
    url = f"/indicators/units/{lab.north.code}/entry/?period=1405-01"
    page = client.get(url)
    assert page.status_code == 200
    assert "شاخص births" in page.content.decode()
    refused = client.post(url, {"children": "۵۰", "vaccinated": "۶۰"})
    assert refused.status_code == 400
    assert "نباید" in refused.content.decode()
    assert Value.objects.count() == 0
    saved = client.post(url, {"children": "۵۰", "vaccinated": "۴۵٫۵", "births": "1,200"})
    assert saved.status_code == 302
    stored = dict(Value.objects.values_list("indicator__code", "value"))
    assert stored == {"children": Decimal(50), "vaccinated": Decimal("45.5"), "births": Decimal(1200)}
    assert client.get(f"/indicators/units/{lab.world.city_b.code}/entry/").status_code in (403, 404)


def test_the_administrator_adds_an_indicator_from_the_page(lab: Lab) -> None:
    make_catalogue()
    client = _client("administrator")
    fields = {
        "code": "school_dropout", "name": "ترک تحصیل", "unit_of_measure": "نفر", "direction": "lower",
        "aggregation": "sum", "source": "آموزش و پرورش", "frequency": "year", "factor": "۱", "is_public": "on",
        "is_active": "on", "suppress_below": "5",
    }  # fmt: skip
    assert client.post("/indicators/new/", fields).status_code == 302
    assert Indicator.objects.get(code="school_dropout").suppress_below == 5
    assert _client("secretary").post("/indicators/new/", fields | {"code": "other"}).status_code == 403


def test_public_figures_hide_small_counts_and_officials_see_them(lab: Lab) -> None:
    make_catalogue()
    for unit, deaths, births in ((lab.north, 3, 400), (lab.south, 8, 300), (lab.world.village_a, 9, 200)):
        actions.record_values(
            actor=SYSTEM, unit=unit, period=M1, values={"deaths": Decimal(deaths), "births": Decimal(births)}
        )
    county = lab.world.county_a.code
    public = Client().get(f"/indicators/i/deaths/?unit={lab.world.city_a.code}&period=1405-01")
    assert public.status_code == 200
    body = public.content.decode()
    assert "پنهان" in body  # north's 3 deaths, and south's 8 that would give it away
    assert "۸" not in body.split("pivot-title")[2].split("</table>")[0]
    official = _client("secretary").get(f"/indicators/i/deaths/?unit={lab.world.city_a.code}&period=1405-01")
    table = official.content.decode().split("pivot-title")[2].split("</table>")[0]
    assert "۳" in table
    assert "۸" in table
    csv = Client().get(f"/indicators/i/imr/export/?unit={county}&period=1405-01&format=csv")
    assert csv.status_code == 200
    assert csv["Content-Type"].startswith("text/csv")
    xlsx = _client("secretary").get(f"/indicators/i/imr/export/?unit={county}&period=1405-01&format=xlsx")
    assert xlsx.content[:2] == b"PK"


def test_dashboard_and_completeness_pages(lab: Lab) -> None:
    make_catalogue()
    actions.record_values(actor=SYSTEM, unit=lab.north, period=M1, values={"births": Decimal(100)})
    actions.record_values(actor=SYSTEM, unit=lab.north, period=M1.next(), values={"births": Decimal(120)})
    client = _client("secretary")
    board = client.get(f"/indicators/units/{lab.world.city_a.code}/?period=1405-02")
    assert board.status_code == 200
    assert "بهتر" in board.content.decode()
    actions.record_values(actor=SYSTEM, unit=lab.north, period=M1.next(), values={"births": Decimal(90)})
    again = client.get(f"/indicators/units/{lab.world.city_a.code}/?period=1405-02")  # not the cached page
    assert "بدتر" in again.content.decode()
    assert client.get(f"/indicators/units/{lab.world.city_a.code}/completeness/").status_code == 200
    assert Client().get("/indicators/").status_code == 200
    assert _client("observer").get(f"/indicators/units/{lab.world.city_a.code}/").status_code == 403


@pytest.mark.parametrize("name", ["values.csv"])
def test_the_import_page_lists_every_bad_line(lab: Lab, name: str) -> None:
    make_catalogue()
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = f"indicator,unit,period,value\nbirths,{lab.north.code},1405-01,10\nbirths,XX,1405-01,1\n".encode()
    page = _client("secretary").post("/indicators/import/", {"file": SimpleUploadedFile(name, data)})
    assert page.status_code == 400
    assert "سطر ۳" in page.content.decode()
    assert Value.objects.count() == 0
