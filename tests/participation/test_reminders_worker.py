"""A real ``manage.py db_worker`` process sends a circular's reminder from the database queue: to the office
still waiting, once, even when the command runs again and the task is enqueued twice."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path

from django.core.management import call_command
from pytest_django.fixtures import Settings

from ostan.accounts.sms import read_file
from ostan.participation import actions, record, selectors
from ostan.participation.models import Circular, Reminder
from ostan.participation.tasks import send_reminder
from tests.actors import SYSTEM
from tests.participation.conftest import make_offices
from tests.servicedesk.test_notifications_worker import queue  # noqa: F401 (the worker fixture)

WAIT = 90.0  # a worker starting on a busy shared machine can take half a minute before its first task


def _sent_reminders(count: int) -> None:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if Reminder.objects.filter(sent_at__isnull=False).count() >= count:
            return
        time.sleep(0.2)
    raise AssertionError(f"the worker sent {Reminder.objects.filter(sent_at__isnull=False).count()} reminders")


def test_the_worker_reminds_the_office_that_has_not_acknowledged_once(
    queue: Callable[[str], Path],  # noqa: F811
    settings: Settings,
) -> None:
    settings.OSTAN_BULLETIN_KEY = "22" * 32
    o = make_offices()
    circular = o.send(o.district_1, o.district_2)
    first = selectors.inbox(o.actor(o.district_1_governor)).get()
    actions.acknowledge(actor=o.actor(o.district_1_governor), copy_id=first.pk)
    outbox = queue("ostan.accounts.sms.FileBackend")
    half = circular.sent_at + dt.timedelta(hours=25)
    made = actions.queue_reminders(actor=SYSTEM, at=half)
    assert len(made) == 1
    send_reminder.enqueue(made[0].pk)  # asked twice: sent once
    _sent_reminders(1)
    call_command("remind_circulars")  # now is before half time: nothing new, nothing left unsent
    time.sleep(1.5)
    sent = read_file(outbox)
    assert [m.to for m in sent] == ["09120000005"]
    assert "گزارش آمادگی زمستانی" in sent[0].text
    assert Reminder.objects.get().sent_to == 1
    assert record.problems(Circular.objects.get(pk=circular.pk)) == []
