"""Reading uploaded tables (CSV or XLSX) into numbered rows keyed by canonical column names.

Every area imports files the same way: all or nothing, with every problem of every line reported.

Headers may be English keys or their Persian labels; cells are normalised (Persian letters, ASCII
digits) before anything validates them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ostan.core.errors import DomainError
from ostan.core.text import normalize, search_key

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
XLSX_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class LineError:
    """One refused line of an uploaded file: its 1-based line number (header is line 1) and why."""

    line: int
    message: str

    def as_dict(self) -> dict[str, object]:
        return {"line": self.line, "message": self.message}


class FileRejected(DomainError):
    """An uploaded file had invalid lines: nothing from it was imported."""

    code = "file_rejected"

    def __init__(self, message: str, errors: list[LineError]) -> None:
        super().__init__(message, details=[e.as_dict() for e in errors])
        self.errors = errors


@dataclass(frozen=True)
class Row:
    line: int
    cells: Mapping[str, str]


def _column_key(header: str, aliases: Mapping[str, str]) -> str | None:
    key = search_key(header)
    return aliases.get(key)


def _raw_rows(file_name: str, data: bytes) -> list[list[str]]:
    if len(data) > MAX_UPLOAD_BYTES:
        raise FileRejected("حجم پرونده بیش از حد مجاز است.", [])
    if file_name.lower().endswith(".xlsx") or data.startswith(XLSX_MAGIC):
        return _xlsx_rows(data)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileRejected("پرونده CSV باید با کدگذاری UTF-8 ذخیره شده باشد.", []) from None
    return [list(r) for r in csv.reader(io.StringIO(text))]


def _xlsx_rows(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many unrelated types for a damaged file
        raise FileRejected("پرونده اکسل خوانده نشد؛ قالب XLSX را بررسی کنید.", []) from None
    sheet = workbook.worksheets[0]
    rows = [["" if v is None else _cell_text(v) for v in r] for r in sheet.iter_rows(values_only=True)]
    workbook.close()
    return rows


def _cell_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_table(file_name: str, data: bytes, aliases: Mapping[str, str], required: frozenset[str]) -> list[Row]:
    """Rows of the first sheet after its header; raises :class:`FileRejected` for a bad header."""
    raw = _raw_rows(file_name, data)
    if not raw:
        raise FileRejected("پرونده خالی است.", [])
    keys = [_column_key(h, aliases) for h in raw[0]]
    missing = sorted(required - {k for k in keys if k})
    if missing:
        labels = "، ".join(missing)
        raise FileRejected(f"ستون‌های لازم در سطر عنوان نیست: {labels}", [LineError(1, f"ستون‌های لازم: {labels}")])
    rows = []
    for number, values in enumerate(raw[1:], start=2):
        if not any(v.strip() for v in values):
            continue
        cells = {k: normalize(v) for k, v in zip(keys, values, strict=False) if k}
        rows.append(Row(number, cells))
    if not rows:
        raise FileRejected("پرونده هیچ سطر داده‌ای ندارد.", [])
    return rows


# Spreadsheet programs run a cell that starts with one of these as a formula (=HYPERLINK(...) in a name
# typed by anyone): every exported text cell starting so is written with a leading apostrophe, which
# shows the text as typed and runs nothing (OWASP's advice for CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert(value: object) -> object:
    """``value`` as it may go into an exported cell: numbers as they are, text never a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A CSV export (for a UTF-8 BOM, the caller prepends it), every text cell inert."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([inert(h) for h in header])
    for row in rows:
        writer.writerow([inert(v) for v in row])
    return out.getvalue()


def xlsx_bytes(header: Sequence[str], rows: Iterable[Sequence[object]], *, title: str = "Sheet") -> bytes:
    """An XLSX export of one right-to-left sheet, every text cell inert."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=title[:31] or "Sheet")
    sheet.sheet_view.rightToLeft = True
    sheet.append([inert(h) for h in header])
    for row in rows:
        sheet.append([inert(v) for v in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
