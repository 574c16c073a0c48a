"""The inbox's filtered list and the dashboard's rows as CSV and XLSX with Persian headers; the dashboard per
organisation, county, service and month with its charts."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.test import Client
from openpyxl import load_workbook

from ostan.core.servicedesk.tracking import display
from ostan.servicedesk import actions
from tests.servicedesk.conftest import Desk


def _client(person: Any) -> Client:
    client = Client()
    client.force_login(person)
    return client


def _sheet(body: bytes) -> list[list[object]]:
    book = load_workbook(io.BytesIO(body), read_only=True)
    return [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]


def test_the_inbox_exports_its_filtered_list(desk: Desk) -> None:
    water = desk.file()
    street = desk.file("street-repair")
    officer = _client(desk.clerk)
    csv = officer.get("/desk/inbox/export/", {"q": "", "state": "", "format": "csv"})
    assert csv.status_code == 200
    assert csv["Content-Type"].startswith("text/csv")
    text = csv.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("کد رهگیری,خدمت,گونه")
    assert water.tracking_code is not None
    assert street.tracking_code is not None
    assert display(water.tracking_code) in text
    assert display(street.tracking_code) in text
    only_water = _client(desk.water_officer).get("/desk/inbox/export/", {"format": "xlsx"})
    rows = _sheet(only_water.content)
    assert rows[0][0] == "کد رهگیری"
    assert [r[0] for r in rows[1:]] == [display(water.tracking_code)]
    assert rows[1][5] == desk.water.name


@pytest.mark.parametrize("by", ["organisation", "unit", "service", "month"])
def test_the_dashboard_by_each_grouping_with_charts_and_exports(desk: Desk, by: str) -> None:
    found = desk.file()
    actions.accept_request(actor=desk.actor(desk.water_officer), request_id=found.pk)
    actions.answer_request(actor=desk.actor(desk.water_officer), request_id=found.pk, answer="انجام شد.")
    desk.file("street-repair")
    client = _client(desk.inspector)
    page = client.get("/desk/dashboard/", {"by": by})
    assert page.status_code == 200
    html = page.content.decode()
    assert "<svg" in html
    assert "شمار درخواست‌ها" in html
    rows = _sheet(client.get("/desk/dashboard/export/", {"by": by, "format": "xlsx"}).content)
    assert rows[0][1] == "همه"
    assert sum(int(r[1]) for r in rows[1:]) == 2  # type: ignore[arg-type]
    if by == "service":
        assert {r[0] for r in rows[1:]} == {"قطعی آب", "ترمیم معابر"}
