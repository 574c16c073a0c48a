"""The ``ostan`` command: subcommands that observers and operators run outside the web site.

``ostan count`` works without Django or a database, from two files; it is the same core the site uses.
Every other subcommand is a Django management command run through ``ostan manage ...``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in {"-h", "--help"}:
        print(
            "usage: ostan count CONSTITUENCY.json BALLOTS.jsonl [--json] [--output FILE]\n"
            "       ostan manage COMMAND [ARGS...]   (any Django management command)",
        )
        return 0
    command, rest = args[0], args[1:]
    if command == "count":
        from ostan.counting_cli import run_count

        return int(run_count(rest))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ostan.settings")
    from django.core.management import execute_from_command_line

    if command == "manage":
        execute_from_command_line(["ostan", *rest])
    else:
        execute_from_command_line(["ostan", command, *rest])
    return 0
