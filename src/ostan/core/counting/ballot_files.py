"""Ballots files: JSON Lines (one JSON array of codes per line) or CSV (one ballot per row).

Parsing is all-or-nothing: the first bad line raises :class:`BallotFileError` naming the file and the
line, and nothing is counted. In JSON Lines ``[]`` is a blank ballot and whitespace-only lines are
skipped; codes may be strings or whole numbers. In CSV empty cells are dropped, so a row of empty
cells is a blank ballot. Codes are kept as written: validating them is the count's job.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable

from ostan.core.counting.errors import BallotFileError
from ostan.core.text import to_persian_digits


def _bad(filename: str, line: int, problem: str) -> BallotFileError:
    return BallotFileError(
        f"پروندهٔ برگه‌ها «{filename}»، سطر {to_persian_digits(line)}: {problem} هیچ برگه‌ای شمرده نشد.",
        details={"file": filename, "line": line},
    )


def _code(value: object) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


def ballots_from_jsonl(lines: Iterable[str], *, filename: str = "-") -> list[tuple[str, ...]]:
    ballots: list[tuple[str, ...]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            parsed = json.loads(line)
        except ValueError:
            raise _bad(filename, number, "JSON معتبر نیست.") from None
        if not isinstance(parsed, list):
            raise _bad(filename, number, "هر سطر باید یک آرایهٔ JSON از کدها باشد.")
        codes: list[str] = []
        for value in parsed:
            code = _code(value)
            if code is None:
                raise _bad(filename, number, "هر کد باید متن یا عدد صحیح باشد.")
            codes.append(code)
        ballots.append(tuple(codes))
    return ballots


def ballots_from_csv(lines: Iterable[str], *, filename: str = "-") -> list[tuple[str, ...]]:
    reader = csv.reader(lines, strict=True)
    ballots: list[tuple[str, ...]] = []
    try:
        for row in reader:
            ballots.append(tuple(cell for cell in row if cell.strip()))
    except csv.Error as error:
        raise _bad(filename, reader.line_num, f"CSV معتبر نیست ({error}).") from None
    return ballots
