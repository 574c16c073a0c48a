"""``manage.py load_territory``: load or refresh Iran's divisions from the shipped reference data."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ostan.territory.errors import MalformedRow
from ostan.territory.loading import load_territory
from ostan.territory.reference import DATA_DIR


class Command(BaseCommand):
    help = "بارگذاری تقسیمات کشوری (استان تا آبادی) از داده‌های مرجع همراه سامانه"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--data-dir", type=Path, default=DATA_DIR, help="پوشه پرونده‌های CSV")
        parser.add_argument("--no-progress", action="store_true", help="بدون نوار پیشرفت")

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        try:
            report = load_territory(options["data_dir"], progress=None if options["no_progress"] else sys.stderr)
        except MalformedRow as exc:
            raise CommandError(f"{exc.message} — هیچ داده‌ای بارگذاری نشد.") from exc
        except FileNotFoundError as exc:
            raise CommandError(f"پرونده یافت نشد: {exc.filename} — هیچ داده‌ای بارگذاری نشد.") from exc
        elapsed = time.perf_counter() - started
        totals = ", ".join(f"{kind}: {count}" for kind, count in report.totals.items())
        self.stdout.write(
            f"created {report.created_count}, updated {report.updated_count}, unchanged {report.unchanged}"
            f" ({totals}) in {elapsed:.1f} s"
        )
