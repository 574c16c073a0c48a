"""The deadline job: a reminder to the holding organisation before the deadline, escalation to the inspection
office after it, each once; the inspection office's page lists what was escalated."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management import call_command
from django.test import Client

from ostan.auditlog.models import Entry as AuditEntry
from ostan.core.jalali import TEHRAN
from ostan.servicedesk import actions, alerts
from ostan.servicedesk.models import DeadlineAlert, ServiceRequest
from tests.servicedesk.conftest import Desk

FILED = dt.datetime(2026, 11, 7, 10, tzinfo=TEHRAN)  # a Saturday: three working days run to Tuesday


def _client(person: Any) -> Client:
    client = Client()
    client.force_login(person)
    return client


def test_a_reminder_before_the_deadline_then_one_escalation_after_it(desk: Desk) -> None:
    found = desk.file(at=FILED)
    assert found.due_at is not None
    assert alerts.scan(at=FILED + dt.timedelta(hours=2)) == {"reminder": 0, "escalation": 0}  # filing day
    assert alerts.scan(at=FILED + dt.timedelta(days=1)) == {"reminder": 1, "escalation": 0}
    assert alerts.scan(at=FILED + dt.timedelta(days=1, hours=3)) == {"reminder": 0, "escalation": 0}
    late = found.due_at + dt.timedelta(hours=1)
    assert alerts.scan(at=late) == {"reminder": 0, "escalation": 1}
    assert alerts.scan(at=late + dt.timedelta(days=3)) == {"reminder": 0, "escalation": 0}
    found.refresh_from_db()
    assert found.overdue_at == late
    assert found.escalated_to is not None
    assert found.escalated_to.code == "INSP"
    assert [a.kind for a in DeadlineAlert.objects.order_by("created_at")] == ["reminder", "escalation"]
    events = AuditEntry.objects.filter(event__in=("servicedesk.deadline_reminded", "servicedesk.request_escalated"))
    assert events.count() == 2
    notes = list(found.entries.filter(is_public=False).values_list("text", flat=True))
    assert any("یادآوری" in n for n in notes)
    assert any("بازرسی" in n for n in notes)
    inspection = _client(desk.inspector).get("/desk/escalations/").content.decode()
    assert found.tracking_code is not None
    assert "بازرسی" in inspection
    assert f"/desk/requests/{found.pk}/" in inspection
    assert f"/desk/requests/{found.pk}/" not in _client(desk.city_officer).get("/desk/escalations/").content.decode()
    history = _client(desk.inspector).get(f"/desk/requests/{found.pk}/").content.decode()
    assert "گزارش به «بازرسی»" in history


def test_the_flag_stays_after_the_answer_and_paused_requests_wait(desk: Desk) -> None:
    late = desk.file(at=FILED)
    paused = desk.file(at=FILED)
    officer = desk.actor(desk.water_officer)
    actions.accept_request(actor=officer, request_id=paused.pk, at=FILED + dt.timedelta(hours=1))
    actions.ask_citizen(actor=officer, request_id=paused.pk, question="پلاک؟", at=FILED + dt.timedelta(hours=2))
    assert late.due_at is not None
    alerts.scan(at=late.due_at + dt.timedelta(days=1))
    actions.accept_request(actor=officer, request_id=late.pk)
    actions.answer_request(actor=officer, request_id=late.pk, answer="انجام شد.")
    late.refresh_from_db()
    assert late.overdue_at is not None
    assert not DeadlineAlert.objects.filter(request=paused).exists()


def test_the_command_runs_the_job_and_is_idempotent(desk: Desk) -> None:
    found = desk.file(at=dt.datetime.now(tz=TEHRAN) - dt.timedelta(days=30))
    call_command("desk_deadlines")  # the test suite's immediate backend runs the task at once
    call_command("desk_deadlines")
    assert DeadlineAlert.objects.filter(request=found, kind="escalation").count() == 1
    assert ServiceRequest.objects.get(pk=found.pk).escalated_to is not None
