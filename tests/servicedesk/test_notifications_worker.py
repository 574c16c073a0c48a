"""The database queue and a real ``manage.py db_worker`` process send the desk's text messages: once, after
a retry when the gateway fails, and once when the same event is enqueued twice; and run the deadline job,
which escalates an overdue request once however often it is enqueued."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from pytest_django.fixtures import Settings

from ostan.access.models import Organisation
from ostan.accounts.sms import Message, read_file
from ostan.servicedesk.models import DeadlineAlert, Notification
from ostan.servicedesk.tasks import send_notification
from tests.servicedesk.conftest import Desk, make_desk

ROOT = Path(__file__).resolve().parents[2]
SEND, CHECK = "ostan.servicedesk.tasks.send_notification", "ostan.servicedesk.tasks.check_deadlines"
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
WAIT = 90.0  # a ceiling, not a measure: a worker process starting on a busy machine


def _database_url() -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


@pytest.fixture
def queue(transactional_db: None, settings: Settings, tmp_path: Path) -> Iterator[Callable[[str], Path]]:
    """Switch this process to the database queue; the returned function starts a worker with a given SMS
    backend writing to a file, and gives the file's path."""
    settings.TASKS = DATABASE_QUEUE
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    outbox = tmp_path / "sms.jsonl"
    workers: list[subprocess.Popen[bytes]] = []

    def start(backend: str) -> Path:
        env = {
            **os.environ, "DATABASE_URL": _database_url(), "DJANGO_SETTINGS_MODULE": "ostan.settings",
            "OSTAN_TASKS_BACKEND": DATABASE_QUEUE["default"]["BACKEND"], "OSTAN_SMS_BACKEND": backend,
            "OSTAN_SMS_FILE": str(outbox), "OSTAN_NOTIFY_RETRY_SECONDS": "0.5", "PYTHONPATH": str(ROOT),
            "OSTAN_SECRET_KEY": django_settings.SECRET_KEY,  # the same tracking-code key as this process
        }  # fmt: skip
        command = [sys.executable, "manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay", "--no-reload"]
        workers.append(subprocess.Popen(command, env=env, cwd=ROOT))
        return outbox

    yield start
    for worker in workers:
        worker.terminate()
        worker.wait(timeout=10)


def _wait_for(outbox: Path, count: int) -> list[Message]:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        sent = read_file(outbox)
        if len(sent) >= count and Notification.objects.filter(sent_at__isnull=True).count() == 0:
            return sent
        time.sleep(0.2)
    raise AssertionError(f"the worker sent {read_file(outbox)} within {WAIT}s")


def test_the_worker_sends_the_tracking_code_of_a_filed_request(queue: Callable[[str], Path]) -> None:
    desk: Desk = make_desk()
    outbox = queue("ostan.accounts.sms.FileBackend")
    found = desk.file()
    assert found.tracking_code is not None
    sent = _wait_for(outbox, 1)
    assert [m.to for m in sent] == ["09121234567"]
    assert f"code={found.tracking_code}" in sent[0].text
    row = Notification.objects.get()
    assert row.attempts == 1
    time.sleep(1)  # nothing more arrives
    assert len(read_file(outbox)) == 1


def test_a_failed_send_is_retried_by_the_worker_and_sent_once(queue: Callable[[str], Path]) -> None:
    desk = make_desk()
    outbox = queue("tests.servicedesk.sms_backends.FailsOnceFileBackend")
    desk.file()
    sent = _wait_for(outbox, 1)
    assert len(sent) == 1
    row = Notification.objects.get()
    assert (row.attempts, row.last_error) == (2, "SmsNotSent")
    time.sleep(1)
    assert len(read_file(outbox)) == 1


def test_the_same_event_or_deadline_job_enqueued_twice_acts_once(queue: Callable[[str], Path]) -> None:
    """One SMS for a send enqueued three times; one escalation for the deadline job enqueued twice (as cron
    would) for an overdue request (which also had its own filing SMS)."""
    desk = make_desk()
    desk.file()  # enqueued once by the action, before any worker runs
    row = Notification.objects.get()
    send_notification.enqueue(row.pk)
    send_notification.enqueue(row.pk)
    late = desk.file(at=timezone.now() - timedelta(days=30))
    call_command("desk_deadlines")
    call_command("desk_deadlines")
    outbox = queue("ostan.accounts.sms.FileBackend")
    _wait_for(outbox, 2)
    from django_tasks_db.models import DBTaskResult

    deadline = time.monotonic() + WAIT
    while DBTaskResult.objects.exclude(status="SUCCESSFUL").exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    paths = list(DBTaskResult.objects.filter(status="SUCCESSFUL").values_list("task_path", flat=True))
    assert sorted(paths) == sorted([SEND] * 4 + [CHECK] * 2)
    assert len(read_file(outbox)) == 2
    alert = DeadlineAlert.objects.get()
    assert (alert.request_id, alert.kind) == (late.pk, "escalation")
    assert alert.escalated_to == Organisation.objects.get(code="INSP")
