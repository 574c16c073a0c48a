"""``manage.py export_publication DIR``: write the bulletin chain and the public keys for ``ostan verify``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from ostan.core.text import to_persian_digits
from ostan.publication.export import export_publication


class Command(BaseCommand):
    help = "زنجیرهٔ تابلوی اعلانات و کلیدهای عمومی را برای «ostan verify» در پوشه‌ای می‌نویسد."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", help="پوشهٔ خروجی (ساخته می‌شود)")

    def handle(self, *args: Any, **options: Any) -> None:
        entries, head = export_publication(Path(options["directory"]))
        self.stdout.write(f"{to_persian_digits(entries)} مدخل نوشته شد؛ چکیدهٔ آخر: {head}")
