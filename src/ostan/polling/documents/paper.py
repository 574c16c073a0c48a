"""The voter's paper record of a ballot as a PDF for an 80 mm receipt printer: the lines the voter
checks behind glass (constituency, station, ballot serial, each choice's code and name, or a blank
vote), a QR code of ``OSTAN1|constituency|station|receipt|codes`` for recounts and audits, and the
serial again in large type under it.

The page is as long as its content: the record is laid out once on a long strip to measure it, then
again on a page of that length. A ballot carries no time, so neither does its record: the file's
creation date is the round's election day at midnight, the same for every ballot of the round.
"""

from __future__ import annotations

from ostan.pages.pdf import PersianPDF, pdf_bytes
from ostan.polling.documents.sheets import PaperSheet

WIDTH = 80  # mm: the common receipt-printer roll
MARGIN = 4  # mm
QR_SIZE = 44  # mm, quiet zone included
LONG_STRIP = 2000  # mm: longer than any ballot's record (a Tehran ballot names 21 codes)


def paper_pdf(sheet: PaperSheet, *, compress: bool = True) -> bytes:
    length = _draw(sheet, LONG_STRIP).get_y() + MARGIN
    return pdf_bytes(_draw(sheet, length), compress=compress)


def paper_filename(sheet: PaperSheet) -> str:
    return f"ballot-{sheet.receipt}.pdf"


def _draw(sheet: PaperSheet, length: float) -> PersianPDF:
    pdf = PersianPDF(
        page=(WIDTH, length), margin=MARGIN, title=f"نسخهٔ کاغذی برگهٔ رأی {sheet.receipt}", created_at=sheet.printed_on
    )
    pdf.set_auto_page_break(False)
    pdf.add_page()
    title, *rest = sheet.lines
    pdf.paragraph(title, size=10, bold=True, align="C", gap=1.5)
    for line in rest:
        pdf.paragraph(line, size=9, gap=1)
    pdf.ln(1)
    pdf.qr(sheet.qr_payload, x=(WIDTH - QR_SIZE) / 2, y=pdf.get_y(), size=QR_SIZE)
    pdf.set_y(pdf.get_y() + QR_SIZE)
    pdf.paragraph(sheet.receipt, size=13, bold=True, align="C")
    return pdf
