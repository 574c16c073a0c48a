"""The service desk's background tasks, run by the configured tasks backend (``settings.TASKS``): in
production the database queue and ``manage.py db_worker``; in the demo and tests, at once in process.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Protocol, cast

from django.conf import settings
from django.db import transaction
from django.tasks import task, task_backends
from django.utils import timezone
from django.utils.module_loading import import_string

from ostan.servicedesk.models import Notification

log = logging.getLogger(__name__)

SENT, ALREADY_SENT, FAILED, GAVE_UP = "sent", "already-sent", "failed", "gave-up"


class _Sms(Protocol):
    def send(self, to: str, text: str) -> None: ...


def _sms() -> _Sms:
    # The backend named by settings (ostan.accounts.sms's contract); the desk does not import the accounts app.
    return cast("_Sms", import_string(settings.OSTAN_SMS_BACKEND)())


@task()
def send_notification(notification_id: int) -> str:
    """Send one notification unless it is sent already, and mark it sent, under its row's lock: a second
    task for the same row waits for the first and then finds it sent. A failed send leaves it unsent, counts
    the attempt and its error (the error's class only: the text may carry a code) and asks again later, up to
    ``OSTAN_NOTIFY_MAX_ATTEMPTS`` attempts in all."""
    with transaction.atomic():
        row = Notification.objects.select_for_update().filter(pk=notification_id).first()
        if row is None or row.sent_at is not None or row.gave_up_at is not None:
            return ALREADY_SENT
        row.attempts += 1
        try:
            _sms().send(row.mobile, row.text)
        except Exception as exc:  # any gateway failure: try again later
            row.last_error = type(exc).__name__[:200]
            outcome = FAILED if row.attempts < settings.OSTAN_NOTIFY_MAX_ATTEMPTS else GAVE_UP
            if outcome == GAVE_UP:
                row.gave_up_at = timezone.now()
            row.save(update_fields=["attempts", "last_error", "gave_up_at"])
            log.warning("servicedesk sms %s attempt %s failed: %s", row.pk, row.attempts, row.last_error)
        else:
            row.sent_at = timezone.now()
            row.save(update_fields=["attempts", "sent_at"])
            return SENT
    if outcome == FAILED:
        retry(notification_id)
    return outcome


def retry(notification_id: int) -> None:
    """Enqueue the send again after ``OSTAN_NOTIFY_RETRY_SECONDS`` (at once on a backend that cannot defer)."""
    if task_backends[send_notification.backend].supports_defer:
        later = timezone.now() + dt.timedelta(seconds=settings.OSTAN_NOTIFY_RETRY_SECONDS)
        send_notification.using(run_after=later).enqueue(notification_id)
    else:
        send_notification.enqueue(notification_id)


@task()
def check_deadlines() -> dict[str, int]:
    """The deadline job (``ostan.servicedesk.alerts.scan``): reminders and escalations due now, each once."""
    from ostan.servicedesk.alerts import scan

    return scan()
