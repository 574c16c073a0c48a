"""Sign the board's tree head: once now (``--once``), or every OSTAN_TREE_HEAD_SECONDS until a time
(``--until 2026-06-19T23:59:00+03:30``) through the background queue (``manage.py db_worker`` runs it)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ostan.publication import tree
from ostan.publication.tasks import issue_tree_head


class Command(BaseCommand):
    help = "سرِ درخت تابلوی اعلانات را امضا می‌کند: یک بار، یا هر چند دقیقه تا زمانی معین (روز انتخابات)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="یک سرِ درخت همین حالا")
        parser.add_argument("--until", default="", help="زمان پایان (ISO با منطقهٔ زمانی)")

    def handle(self, *args: Any, **options: Any) -> None:
        until = str(options["until"])
        if until:
            try:
                moment = dt.datetime.fromisoformat(until)
            except ValueError as exc:
                raise CommandError("زمان پایان باید ISO با منطقهٔ زمانی باشد.") from exc
            if moment.tzinfo is None:
                raise CommandError("زمان پایان باید منطقهٔ زمانی داشته باشد.")
        if options["once"] or not until:
            row = tree.issue_head()
            self.stdout.write(f"سرِ درخت {row.tree_size} مدخلی امضا شد: {row.root_hash}")
            return
        issue_tree_head.enqueue(until)
        self.stdout.write(f"امضای سرِ درخت تا {until} در صف گذاشته شد.")
