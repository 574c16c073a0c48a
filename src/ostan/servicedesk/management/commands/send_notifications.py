"""Ask again for every citizen text message not yet sent nor given up (e.g. the queue was down at commit)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from ostan.servicedesk.models import Notification
from ostan.servicedesk.tasks import send_notification


class Command(BaseCommand):
    help = "پیامک‌های ارسال‌نشدهٔ میز خدمت را دوباره در صف می‌گذارد."

    def handle(self, *args: Any, **options: Any) -> None:
        pending = list(
            Notification.objects.filter(sent_at__isnull=True, gave_up_at__isnull=True).values_list("pk", flat=True)
        )
        for pk in pending:
            send_notification.enqueue(pk)
        self.stdout.write(f"{len(pending)} پیامک در صف گذاشته شد.")
