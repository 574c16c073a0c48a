"""Roll files (CSV in UTF-8 or XLSX) read into header → cell rows for the core's ``parse_roll_row``."""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass

from openpyxl import load_workbook

from ostan.polling.errors import RollImportRefused

MAX_ROLL_BYTES = 200 * 1024 * 1024
XLSX_MAGIC = b"PK\x03\x04"


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return str(value.isoformat())[:10]
    return str(value)


def _xlsx(data: bytes) -> list[list[str]]:
    try:
        sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, IndexError) as exc:
        raise RollImportRefused("پروندهٔ اکسل خوانا نیست.") from exc
    return [[_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]


def read_rows(file_name: str, data: bytes) -> list[tuple[int, dict[str, str]]]:
    """``(line, {header: cell})`` for every non-empty data row; line 1 is the header."""
    if len(data) > MAX_ROLL_BYTES:
        raise RollImportRefused("حجم پروندهٔ فهرست رأی‌دهندگان بیش از حد مجاز است.")
    if file_name.lower().endswith(".xlsx") or data.startswith(XLSX_MAGIC):
        table = _xlsx(data)
    else:
        try:
            table = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
        except (UnicodeDecodeError, csv.Error) as exc:
            raise RollImportRefused("پروندهٔ CSV باید متن UTF-8 باشد.") from exc
    if not table:
        raise RollImportRefused("پرونده خالی است.")
    header = [h.strip() for h in table[0]]
    rows = []
    for line, cells in enumerate(table[1:], start=2):
        if any(c.strip() for c in cells):
            rows.append((line, dict(zip(header, cells, strict=False))))
    return rows


@dataclass(frozen=True)
class RollReport:
    rows: int
    imported: int
    without_constituency: int  # on the roll but in no constituency of the round (they cannot vote)
