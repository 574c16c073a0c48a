"""Parsing a ballots file: CSV (codes in the cells of a line) or JSON Lines (a JSON array per line).

One ballot per line, as the counting core's own readers take them: in JSON Lines ``[]`` is a blank
ballot and whitespace-only lines are skipped; in CSV an empty line is a blank ballot. Codes are digits
(any digit style); whether a code belongs to a candidate is the count's business, not the file reader's: an unknown code
makes a ballot invalid or partly valid there, exactly as on paper.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator

from ostan.core.tables import LineError
from ostan.core.text import only_digits

MAX_REPORTED_ERRORS = 200
MAX_CODES_PER_BALLOT = 100


def _lines(data: bytes) -> list[str] | None:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.rstrip("\r") for line in lines]


def _jsonl_codes(line: str) -> list[object] | str | None:
    if not line.strip():
        return None
    try:
        value = json.loads(line)
    except ValueError:
        return "سطر JSON معتبر نیست"
    if isinstance(value, dict):
        value = value.get("codes")
    if not isinstance(value, list):
        return 'هر سطر باید آرایه‌ای از کدها باشد، مانند ["12", "305"]'
    return value


def _csv_codes(line: str) -> list[object]:
    cells = next(csv.reader([line]), [])
    return [c for c in (cell.strip() for cell in cells) if c]


def _clean(raw_codes: list[object]) -> str | list[str]:
    if len(raw_codes) > MAX_CODES_PER_BALLOT:
        return f"بیش از {MAX_CODES_PER_BALLOT} کد در یک برگه"
    codes = []
    for raw in raw_codes:
        digits = only_digits(str(raw)) if isinstance(raw, str | int) and not isinstance(raw, bool) else None
        if digits is None:
            return f"کد «{raw}» نامعتبر است؛ کدها فقط رقم‌اند"
        codes.append(digits)
    return codes


def parse_ballots(file_name: str, data: bytes) -> tuple[list[str], list[LineError], int]:
    """The ballots as compact code strings ("12 305"), the first line errors, and the error count."""
    lines = _lines(data)
    if lines is None:
        return [], [LineError(1, "پرونده باید با کدگذاری UTF-8 ذخیره شده باشد")], 1
    is_jsonl = file_name.lower().endswith((".jsonl", ".json", ".ndjson"))
    ballots: list[str] = []
    errors: list[LineError] = []
    error_count = 0
    for number, line in enumerate(lines, start=1):
        raw = _jsonl_codes(line) if is_jsonl else _csv_codes(line)
        if raw is None:
            continue
        codes = _clean(raw) if isinstance(raw, list) else raw
        if isinstance(codes, str):
            error_count += 1
            if len(errors) < MAX_REPORTED_ERRORS:
                errors.append(LineError(number, codes))
            continue
        ballots.append(" ".join(codes))
    return ballots, errors, error_count


def jsonl_lines(codes: Iterator[str]) -> Iterator[str]:
    """The canonical JSON Lines form of stored ballots: ``["12","305"]`` per line, ``[]`` for blank."""
    for text in codes:
        yield '["' + text.replace(" ", '","') + '"]\n' if text else "[]\n"
