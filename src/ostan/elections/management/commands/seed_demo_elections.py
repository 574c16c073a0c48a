"""Create (or finish) the demo elections on the loaded territory tree; safe to run again."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from ostan.elections.demo import create_demo_elections


class Command(BaseCommand):
    help = "Create the demo council elections (7th round): counted and published, with explanations."

    def handle(self, *args: Any, **options: Any) -> None:
        for line in create_demo_elections():
            self.stdout.write(line)
