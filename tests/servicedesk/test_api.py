"""The desk's API: filing, the public status by code in any digit style, the inbox and its steps, and
refusals in the one error shape."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.test import Client

from ostan.core.servicedesk.attachments import Upload
from ostan.core.text import to_persian_digits
from ostan.servicedesk import actions, alerts
from ostan.servicedesk.entries import Filing
from tests.core.servicedesk.test_attachments import PDF
from tests.servicedesk.conftest import Desk


def _client(person: Any = None) -> Client:
    client = Client()
    if person is not None:
        client.force_login(person)
    return client


def _post(client: Client, path: str, body: dict[str, Any] | None = None) -> Any:
    return client.post(path, data=json.dumps(body or {}), content_type="application/json")


def test_a_citizen_files_and_anyone_tracks_the_code(desk: Desk) -> None:
    body = {"service": "water-outage", "kind": "complaint", "unit": desk.world.city_a.code, "text": "آب قطع است"}
    answer = _post(_client(desk.citizen), "/api/desk/requests", body)
    assert answer.status_code == 201, answer.content
    filed = answer.json()
    assert filed["state"] == "assigned"
    assert filed["organisation"] == "WATER-0001"
    public = _client().get(f"/api/desk/track/{to_persian_digits(filed['tracking_code'])}")
    assert public.status_code == 200
    assert public.json()["state_label"] == "به دستگاه مسئول فرستاده شد"
    assert NATIONAL not in public.content.decode()


NATIONAL = "0499370899"


def test_a_mistyped_code_is_refused_in_the_error_shape(desk: Desk) -> None:
    found = desk.file()
    assert found.tracking_code is not None
    code = found.tracking_code
    # Two neighbouring digits that differ, swapped (swapping equal ones would give the same code back).
    i = next(i for i in range(len(code) - 1) if code[i] != code[i + 1])
    wrong = code[:i] + code[i + 1] + code[i] + code[i + 2 :]
    answer = _client().get(f"/api/desk/track/{wrong}")
    assert answer.status_code == 400
    assert set(answer.json()) == {"code", "message", "details"}
    assert answer.json()["code"] in {"tracking_code_check_digit", "tracking_code_out_of_range"}


def test_the_officer_steps_a_request_and_others_are_refused(desk: Desk) -> None:
    found = desk.file()
    officer = _client(desk.water_officer)
    assert [r["id"] for r in officer.get("/api/desk/inbox").json()] == [found.pk]
    assert _client(desk.power_officer).get("/api/desk/inbox").json() == []
    refused = _post(_client(desk.power_officer), f"/api/desk/requests/{found.pk}/accept")
    assert refused.status_code == 404  # another organisation's request is not even shown to exist
    assert _post(officer, f"/api/desk/requests/{found.pk}/accept").json()["state"] == "in_progress"
    note = _post(officer, f"/api/desk/requests/{found.pk}/note", {"text": "یادداشت"})
    assert note.status_code == 201
    answered = _post(officer, f"/api/desk/requests/{found.pk}/answer", {"text": "تعمیر شد"})
    assert answered.json()["state"] == "answered"
    again = _post(officer, f"/api/desk/requests/{found.pk}/answer", {"text": "دوباره"})
    assert again.status_code == 409
    assert again.json()["code"] == "transition_not_allowed"
    status = _client().get(f"/api/desk/track/{found.tracking_code}").json()
    assert status["answer"] == "تعمیر شد"
    assert "یادداشت" not in json.dumps(status, ensure_ascii=False)  # internal notes never reach the public


def test_the_catalogue_is_public_and_searchable_in_any_letters(desk: Desk) -> None:
    answer = _client().get("/api/desk/services", {"q": "قطعي"})  # Arabic ي
    assert [s["code"] for s in answer.json()] == ["water-outage"]


def test_attachments_escalations_and_the_dashboard_over_the_api(desk: Desk) -> None:
    filing = Filing("water-outage", "complaint", desk.world.city_a.code, "قطعی آب")
    found = actions.file_request(actor=desk.actor(desk.citizen), filing=filing, uploads=[Upload("a.pdf", PDF)])
    assert found.due_at is not None
    alerts.scan(at=found.due_at + dt.timedelta(hours=1))
    citizen, inspector = Client(), Client()
    citizen.force_login(desk.citizen)
    inspector.force_login(desk.inspector)
    [listed] = citizen.get(f"/api/desk/requests/{found.pk}/attachments").json()
    assert listed["name"] == "a.pdf"
    assert citizen.get(listed["url"]).status_code == 200
    assert Client().get(f"/api/desk/requests/{found.pk}/attachments").status_code in (401, 403)
    [escalated] = inspector.get("/api/desk/escalations").json()
    assert escalated["escalated_to"] == "INSP"
    rows = inspector.get("/api/desk/dashboard", {"by": "service"}).json()
    assert [(r["code"], r["requests"], r["ever_overdue"]) for r in rows] == [("water-outage", 1, 1)]
    assert inspector.get("/api/desk/dashboard", {"by": "colour"}).status_code == 422
