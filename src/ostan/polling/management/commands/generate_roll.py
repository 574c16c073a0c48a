"""manage.py generate_roll --round 7 --unit 0001021101 --size 100000 --seed 1405

A synthetic voters' roll for the settlements under a unit, for demos, tests and benchmarks (never for
people): the core's census-shaped generator, seeded, bulk-inserted (COPY on PostgreSQL).
"""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ostan.core.access import Actor
from ostan.core.errors import DomainError
from ostan.elections.models import ElectionRound
from ostan.polling.actions import generate_roll
from ostan.territory.models import Unit

COMMAND = Actor.system("فرمان generate_roll از پوستهٔ سرور")


class Command(BaseCommand):
    help = "یک فهرست رأی‌دهندگان ساختگی برای واحدی از تقسیمات کشوری می‌سازد."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--round", type=int, required=True, help="شمارهٔ دوره")
        parser.add_argument("--unit", required=True, help="کد یا مسیر واحد")
        parser.add_argument("--size", type=int, required=True)
        parser.add_argument("--seed", type=int, default=1405)

    def handle(self, *args: Any, **options: Any) -> None:
        election_round = ElectionRound.objects.filter(number=options["round"]).first()
        unit = Unit.objects.filter(code=options["unit"]).first() or Unit.objects.filter(path=options["unit"]).first()
        if election_round is None or unit is None:
            raise CommandError("دوره یا واحد پیدا نشد.")
        began = time.perf_counter()
        try:
            report = generate_roll(actor=COMMAND, election_round=election_round, unit=unit, size=options["size"],
                                   seed=options["seed"])  # fmt: skip
        except DomainError as exc:
            raise CommandError(exc.message) from exc
        seconds = time.perf_counter() - began
        self.stdout.write(
            f"{report.imported} voters in {seconds:.1f} s ({report.imported / max(seconds, 1e-9):,.0f}/s); "
            f"{report.without_constituency} outside every constituency of the round"
        )
