"""A Persian right-to-left PDF on fpdf2: Vazirmatn embedded, HarfBuzz shaping, numbered pages, QR codes.

Text is shaped by HarfBuzz (joined Persian letters, ligatures, Persian digits from the font) and laid
out with the Unicode bidirectional algorithm in a right-to-left paragraph, so a hex digest or a Latin
station code inside a Persian line keeps its own order; a line that is all Latin (a digest, a
signature) is set as a left-to-right paragraph, so a wrapped signature's "=" stays at its end. Table
columns are given right to left, as a reader reads them, and :meth:`PersianPDF.grid` places them from
the right margin.

Output is deterministic: the caller gives the document's own time as its creation date, fonts are
subset the same way every time, and nothing else in the file depends on the clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import segno
from fpdf import FPDF

from ostan.core.text import to_persian_digits

FONTS = Path(__file__).parent / "fonts"
FAMILY = "Vazirmatn"
PRODUCER = "Ostan"
ROW_HEIGHT = 7  # mm
TABLE_FONT = 10  # pt
QR_QUIET_MODULES = 4  # the quiet zone a QR reader needs around the code (ISO/IEC 18004)


class PersianPDF(FPDF):
    """A page set up for Persian: fonts, right-to-left shaping, a footer with «صفحهٔ ۱ از ۲»."""

    def __init__(self, *, page: str | tuple[float, float], margin: float, title: str, created_at: dt.datetime) -> None:
        super().__init__(format=page, unit="mm")
        self.total_pages = 0  # known after a first pass; 0 prints no page numbers
        self.measuring = False  # a first pass that only finds where things end draws no table text
        self.foot_note = ""
        self.set_margins(margin, margin, margin)
        self.set_auto_page_break(True, margin=margin + 6)
        self.add_font(FAMILY, "", str(FONTS / "Vazirmatn-Regular.ttf"))
        self.add_font(FAMILY, "B", str(FONTS / "Vazirmatn-Bold.ttf"))
        self._persian_shaping()
        self.set_lang("fa")
        self.set_title(title)
        self.set_producer(PRODUCER)
        self.set_creator(PRODUCER)
        self.set_creation_date(created_at)
        self.set_font(FAMILY, "", 10)

    def footer(self) -> None:
        if not self.total_pages and not self.foot_note:
            return
        self.set_y(-(self.b_margin - 1))
        self.set_font(FAMILY, "", 8)
        parts = [self.foot_note] if self.foot_note else []
        if self.total_pages:
            parts.insert(0, f"صفحهٔ {to_persian_digits(self.page_no())} از {to_persian_digits(self.total_pages)}")
        self.cell(0, 4, " — ".join(parts), align="C")

    def paragraph(
        self, text: str, *, size: float = 10, bold: bool = False, align: str = "R", gap: float = 0.5,
        indent: float = 0, ltr: bool = False,
    ) -> None:  # fmt: skip
        """A paragraph from the right margin to ``indent`` mm from the left one, wrapped as needed; the
        cursor then stands at the start of the next line. ``ltr`` for Latin-only text."""
        self.set_font(FAMILY, "B" if bold else "", size)
        self.set_x(self.l_margin + indent)
        if ltr:
            self.set_text_shaping(use_shaping_engine=True, direction="ltr", script="latn", language="eng")
        self.multi_cell(0, size * 0.5, text, align=align, new_x="LMARGIN", new_y="NEXT")
        if ltr:
            self._persian_shaping()
        self.ln(gap)

    def _persian_shaping(self) -> None:
        self.set_text_shaping(use_shaping_engine=True, direction="rtl", script="arab", language="fas")

    def grid(self, rows: Sequence[Sequence[str]], widths: Sequence[float], *, aligns: str = "") -> None:
        """A table of one-line rows whose first row is its heading (repeated after a page break); each row
        is given right to left, ``widths`` are relative and ``aligns`` has one of R, C, L per column. A
        text too wide for its cell is set smaller rather than wrapped, so every row has the same height."""
        scale = self.epw / sum(widths)
        columns = [(w * scale, a) for w, a in zip(widths, aligns or "R" * len(widths), strict=True)]
        for i, row in enumerate(rows):
            if self.will_page_break(ROW_HEIGHT if i else 2 * ROW_HEIGHT):  # a heading keeps its first row
                self.add_page()
                if i:
                    self._row(rows[0], columns, heading=True)
            self._row(row, columns, heading=i == 0)
        self.ln(2)

    def _row(self, row: Sequence[str], columns: Sequence[tuple[float, str]], *, heading: bool) -> None:
        x, y = self.w - self.r_margin, self.get_y()
        if self.measuring:  # every row has the same height: where it ends needs no text drawn
            self.set_xy(self.l_margin, y + ROW_HEIGHT)
            return
        self.set_fill_color(235 if heading else 255)
        for text, (width, align) in zip(row, columns, strict=True):
            x -= width
            self.set_xy(x, y)
            self.set_font(FAMILY, "B" if heading else "", TABLE_FONT)
            room = width - 2 * self.c_margin
            if text and (wide := self.get_string_width(text)) > room:
                self.set_font_size(TABLE_FONT * room / wide)
            self.cell(width, ROW_HEIGHT, text, border=1, align=align, fill=True)
        self.set_xy(self.l_margin, y + ROW_HEIGHT)

    def qr(self, payload: str, *, x: float, y: float, size: float) -> None:
        """``payload`` as a QR code drawn in vector squares (sharp on any printer), quiet zone included
        in ``size``."""
        rows = [list(row) for row in segno.make_qr(payload, error="m").matrix_iter(border=QR_QUIET_MODULES)]
        module = size / len(rows)
        self.set_fill_color(0)
        for r, row in enumerate(rows):
            for start, length in dark_runs(row):
                self.rect(x + start * module, y + r * module, length * module, module, style="F")


def dark_runs(row: Iterable[object]) -> Iterator[tuple[int, int]]:
    """(start, length) of each run of dark modules in a QR row: one square per run, not per module."""
    start = None
    cells = list(row)
    for i, cell in enumerate([*cells, 0]):
        if cell and start is None:
            start = i
        elif not cell and start is not None:
            yield start, i - start
            start = None


def pdf_bytes(pdf: FPDF, *, compress: bool) -> bytes:
    """The finished file; ``compress=False`` leaves page content readable, for checks and tests."""
    pdf.set_compression(compress)
    return bytes(pdf.output())
