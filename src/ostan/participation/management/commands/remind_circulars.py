"""Make the circular reminders now due (each once) and queue them, with any left unsent by an earlier run."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from ostan.core.access import Actor
from ostan.participation import actions
from ostan.participation.models import Reminder
from ostan.participation.tasks import send_reminder


class Command(BaseCommand):
    help = "یادآوری بخشنامه‌های تأییدنشده را یک بار برای هر مرحله در صف می‌گذارد."

    def handle(self, *args: Any, **options: Any) -> None:
        made = actions.queue_reminders(actor=Actor.system("یادآوری زمان‌بندی‌شدهٔ بخشنامه‌ها"))
        fresh = {r.pk for r in made}
        left = [
            pk for pk in Reminder.objects.filter(sent_at__isnull=True).values_list("pk", flat=True) if pk not in fresh
        ]
        for pk in left:
            send_reminder.enqueue(pk)
        self.stdout.write(f"{len(made)} یادآوری تازه و {len(left)} یادآوری مانده در صف گذاشته شد.")
