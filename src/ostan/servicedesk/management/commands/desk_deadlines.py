"""Run by cron (every hour, say) or a worker's schedule: enqueue the deadline job for the background worker.
Running it twice, or two jobs at once, raises each reminder and escalation once."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from ostan.servicedesk.alerts import scan
from ostan.servicedesk.tasks import check_deadlines


class Command(BaseCommand):
    help = "Enqueue the service desk's deadline job: reminders before deadlines, escalation to inspection after."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--now", action="store_true", help="run the job in this process instead of enqueuing it")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["now"]:
            raised = scan()
            self.stdout.write(f"reminders: {raised['reminder']}, escalations: {raised['escalation']}")
            return
        result = check_deadlines.enqueue()
        self.stdout.write(f"deadline job enqueued: {result.id}")
