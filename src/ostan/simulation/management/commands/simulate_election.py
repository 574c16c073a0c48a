"""``manage.py simulate_election [ARGS]``: the same as ``ostan simulate-election`` (see simulation.py)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ostan.simulation.election import run_simulation


class Command(BaseCommand):
    help = "شبیه‌سازی روز رأی‌گیری یک استان از راه API واقعی (ostan simulate-election --help)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("args", nargs="*", help="آرگومان‌های ostan simulate-election")

    def handle(self, *args: Any, **options: Any) -> None:
        if run_simulation(list(args)) != 0:
            raise CommandError("شبیه‌سازی یا وارسی آن ناموفق بود.")
