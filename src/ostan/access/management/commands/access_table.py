"""Print docs/access.md from the capabilities, or write it (``--write``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from ostan.access.catalogue import catalogue
from ostan.access.document import access_document

TARGET = Path(settings.PROJECT_DIR) / "docs" / "access.md"


class Command(BaseCommand):
    help = "The table of roles and capabilities (docs/access.md), from the code."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--write", action="store_true", help="write docs/access.md instead of printing it")

    def handle(self, *args: Any, **options: Any) -> None:
        text = access_document(catalogue())
        if options["write"]:
            TARGET.write_text(text, encoding="utf-8")
            self.stdout.write(f"wrote {TARGET}")
        else:
            self.stdout.write(text)
