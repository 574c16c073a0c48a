"""The programmes' API: one error shape, stable codes, the status with its reasons."""

from __future__ import annotations

import json

from django.test import Client

from tests.programs.conftest import Programs


def _post(client: Client, path: str, body: dict[str, object]) -> tuple[int, dict[str, object]]:
    response = client.post(path, data=json.dumps(body), content_type="application/json")
    return response.status_code, response.json()


def test_a_governor_creates_and_reports_a_project_and_reads_the_rollup(programs: Programs) -> None:
    client = Client()
    client.force_login(programs.governor)
    body = {
        "unit": programs.world.county_a.code, "title": "اشتغال جوانان", "challenge": "jobs", "goals": "۲۰۰ شغل",
        "starts_on": "۱۴۰۵/۰۱/۰۱", "ends_on": "1405/12/29",
        "milestones": [{"title": "فراخوان", "due_on": "١٤٠٥/٠٣/٠١"}],
        "indicators": [{"name": "شغل", "baseline": 0, "target": 200}],
    }  # fmt: skip
    status, made = _post(client, "/api/programs/projects", body)
    assert status == 201, made
    assert made["status"] in {"on_track", "at_risk", "late", "not_started"}
    assert made["reasons"]
    status, refused = _post(client, "/api/programs/projects", {**body, "ends_on": "1404/01/01"})
    assert status == 400
    assert refused["code"] == "invalid_key_project"
    status, refused = _post(client, "/api/programs/projects", {**body, "starts_on": "1405/13/01"})
    assert status == 400
    assert refused["code"] == "invalid_key_project_entry"
    status, report = _post(client, f"/api/programs/projects/{made['id']}/progress",
                           {"reported_on": "1405/01/02", "text": "آغاز شد"})  # fmt: skip
    assert status == 201, report
    other = Client()
    other.force_login(programs.other_governor)
    status, refused = _post(other, f"/api/programs/projects/{made['id']}/progress",
                            {"reported_on": "1405/01/02", "text": "x"})  # fmt: skip
    assert status == 403
    assert refused["code"]
    office = Client()
    office.force_login(programs.office)
    rollup = office.get("/api/programs/rollup").json()
    assert rollup["total"]["total"] == 1
    assert rollup["rows"][0]["unit"] == programs.world.county_a.code
    assert Client().get(f"/api/programs/projects/{made['id']}").status_code == 200  # projects are public
