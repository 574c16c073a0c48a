"""Reminders of circulars sent by the background queue (``settings.TASKS``: in production the database queue
and ``manage.py db_worker``; in the demo and tests, at once in process), as the service desk sends its texts.

``manage.py remind_circulars`` (run every few minutes) makes the reminders that are due, once each by key;
the task below sends one to the mobiles of the people holding a post at the waiting office, under the row's
lock, and marks it sent: a second task for the same row finds it sent and sends nothing.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Protocol, cast

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.tasks import task
from django.utils import timezone
from django.utils.module_loading import import_string

from ostan.access.models import current_q
from ostan.participation.models import Reminder

log = logging.getLogger(__name__)
SENT, ALREADY_SENT, FAILED = "sent", "already-sent", "failed"


class _Sms(Protocol):
    def send(self, to: str, text: str) -> None: ...


def mobiles_of(office_id: int, at: dt.datetime) -> list[str]:
    """The mobile numbers of the people holding a post at the office at ``at``."""
    users = get_user_model().objects.filter(current_q(at, "posts__"), posts__organisation_id=office_id, is_active=True)
    return sorted({m for m in users.values_list("mobile", flat=True) if m})


@task()
def send_reminder(reminder_id: int) -> str:
    with transaction.atomic():
        row = Reminder.objects.select_for_update().filter(pk=reminder_id).first()
        if row is None or row.sent_at is not None:
            return ALREADY_SENT
        row.attempts += 1
        office_id = row.recipient.office_id
        mobiles = mobiles_of(office_id, timezone.now())
        try:
            sms = cast("_Sms", import_string(settings.OSTAN_SMS_BACKEND)())
            for mobile in mobiles:
                sms.send(mobile, row.text)
        except Exception as exc:  # a gateway failure: the command asks again on its next run
            log.warning("circular reminder %s attempt %s failed: %s", row.pk, row.attempts, type(exc).__name__)
            row.save(update_fields=["attempts"])
            return FAILED
        row.sent_at, row.sent_to = timezone.now(), len(mobiles)
        row.save(update_fields=["attempts", "sent_at", "sent_to"])
    return SENT


def enqueue_after_commit(reminder_id: int) -> None:
    """Ask for the sending once the transaction commits; a queue that cannot take it is logged and leaves the
    row unsent, which the next run of the command asks for again."""
    transaction.on_commit(lambda: send_reminder.enqueue(reminder_id), robust=True)
