"""``ostan count CONSTITUENCY.json BALLOTS.jsonl``: the site's counting core, run from two files.

Observers use it to recount published ballots; nothing here needs Django or a database. Any bad input
(a malformed constituency file, a bad ballots line) stops the count before anything is counted, with a
Persian message naming the file and line, and exit status 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from tqdm import tqdm

from ostan.core.counting import (
    CountResult,
    ballots_from_csv,
    ballots_from_jsonl,
    constituency_from_json,
    count,
)
from ostan.core.counting.explain import INDEPENDENTS_NAME, number
from ostan.core.errors import DomainError
from ostan.core.text import to_persian_digits

METHOD_NAMES = {"plurality": "اکثریتی (مادهٔ ۱۷)", "proportional": "تناسبی (مادهٔ ۲۰ مکرر)"}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ostan count",
        description="شمارش آرای انتخابات شورا از پروندهٔ حوزه و پروندهٔ برگه‌ها (JSON Lines یا CSV).",
    )
    parser.add_argument("constituency", help="پروندهٔ JSON حوزه")
    parser.add_argument("ballots", help="پروندهٔ برگه‌ها: .jsonl (هر سطر آرایهٔ کدها) یا .csv (هر ردیف یک برگه)")
    parser.add_argument("--json", action="store_true", help="خروجی JSON به جای خلاصهٔ فارسی")
    parser.add_argument("--output", help="نوشتن خروجی در این پرونده")
    parser.add_argument("--source", choices=("machine", "imported"), default="machine", help="منشأ برگه‌ها")
    return parser


def run_count(argv: list[str]) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as stop:
        return int(stop.code or 0)
    try:
        result = _count_files(Path(args.constituency), Path(args.ballots), args.source)
    except DomainError as error:
        print(f"خطا: {error.message}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"خطا: پرونده «{error.filename}» خوانده نشد ({error.strerror}).", file=sys.stderr)
        return 1
    text = json.dumps(result.to_json(), ensure_ascii=False, indent=2) if args.json else summary(result)
    if args.output:
        Path(args.output).write_text(text + "\n", encoding="utf-8")
    else:
        print(text)
    return 0


def _count_files(constituency_path: Path, ballots_path: Path, source: str) -> CountResult:
    try:
        data = json.loads(constituency_path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as error:
        raise DomainError(f"پروندهٔ حوزه «{constituency_path}» JSON معتبر نیست ({error}).") from None
    constituency = constituency_from_json(data)
    with ballots_path.open(encoding="utf-8", newline="") as handle:
        lines = _progress(handle, ballots_path.name)
        if ballots_path.suffix.lower() == ".csv":
            ballots = ballots_from_csv(lines, filename=str(ballots_path))
        else:
            ballots = ballots_from_jsonl(lines, filename=str(ballots_path))
    return count(constituency, ballots, source=source)


def _progress(handle: TextIO, label: str) -> Iterable[str]:
    """Lines of ``handle``, with a progress bar on stderr when someone is watching."""
    lines: Iterator[str] = iter(handle)
    if not sys.stderr.isatty():
        return lines
    return tqdm(lines, desc=label, unit=" برگه", file=sys.stderr, leave=False)


def summary(result: CountResult) -> str:
    """A readable Persian summary of a count."""
    names = {c.code: c for c in result.candidates}
    lines = [
        f"شمارش حوزهٔ {result.constituency_id} — روش {METHOD_NAMES[result.method.value]}، {number(result.seats)} کرسی",
        "",
        "اعضای اصلی:",
    ]
    for i, code in enumerate(result.members, start=1):
        c = names[code]
        lines.append(f"  {number(i)}. {c.name} ({to_persian_digits(code)}) — {number(c.votes)} رأی")
    lines.append("علی‌البدل‌ها:")
    for i, code in enumerate(result.alternates, start=1):
        c = names[code]
        lines.append(f"  {number(i)}. {c.name} ({to_persian_digits(code)}) — {number(c.votes)} رأی")
    if result.lists:
        lines.append("فهرست‌ها:")
        for pl in result.lists:
            lines.append(
                f"  {pl.name or INDEPENDENTS_NAME}: {number(pl.total)} رأی، {number(pl.seats)} کرسی، "
                f"{number(pl.alternates)} علی‌البدل"
            )
    lines += ["", "چگونگی شمارش:"]
    lines += [f"  - {sentence}" for sentence in result.explanation]
    return "\n".join(lines)
