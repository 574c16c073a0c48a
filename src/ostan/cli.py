"""The ``ostan`` command: what observers and operators run outside the web site.

``ostan count`` and ``ostan verify`` need neither Django nor a database: they read published files and
run the same cores the site uses, so anyone can recount and check. Everything else is a Django
management command, run as ``ostan manage COMMAND`` (or directly by its name).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

USAGE = """\
usage: ostan count CONSTITUENCY.json BALLOTS.jsonl|BALLOTS.csv [--json] [--output FILE] [--source machine|imported]
       ostan verify EXPORT_DIR_OR_URL [--keys keys.json] [--head HASH] [--board-key HEX] [--manifest FILE]
                    [--tree-head FILE] [--witness-key HEX ...] [--quorum K] [--json]
                                                  recompute every published total, check chain and signatures
       ostan witness URL --board-key HEX --key FILE --state FILE [--new-key]
                                                  check the board's new tree head extends the last, co-sign it
       ostan simulate-election [--base-url URL] [--province CODE] [--voters N] [--stations N]
                                                  a province-size election through the real HTTP API
       ostan manage COMMAND [ARGS...]             any Django management command (migrate, load_territory, ...)
"""


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in {"-h", "--help"}:
        print(USAGE, end="")
        return 0
    command, rest = args[0], args[1:]
    if command == "count":
        from ostan.counting_cli import run_count

        return int(run_count(rest))
    if command == "verify":
        from ostan.verify_cli import run_verify

        return int(run_verify(rest))
    if command == "witness":
        from ostan.witness_cli import run_witness

        return int(run_witness(rest))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ostan.settings")
    if command == "simulate-election":
        import django

        django.setup()
        from ostan.simulation.election import run_simulation

        return int(run_simulation(rest))
    from django.core.management import execute_from_command_line

    execute_from_command_line(["ostan", *(rest if command == "manage" else args)])
    return 0
