"""The station minutes (صورتجلسه, forms 29/31) as an A4 PDF: the station and its hours, the counts,
votes per candidate and list, the SHA-256 digest of the signed document with a QR code of it, the
device's signature and the officials' confirmations, with a line left for each one's ink signature.

Every page's foot repeats the page number of the total and the start of the digest, so a loose page
can be matched to its minutes. The file's creation date is the station's closing time, so the same
minutes always give the same bytes and a recount's PDF can be compared with the first one's.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from ostan.core import jalali
from ostan.core.counting.explain import REASON_NAMES
from ostan.core.polling.minutes import MinutesForm
from ostan.core.text import format_number, to_persian_digits
from ostan.pages.pdf import PersianPDF, pdf_bytes
from ostan.polling.documents.sheets import MinutesSheet, Votes

MARGIN = 15  # mm
KEEP_WITH_TITLE = 24  # mm: a section's title, its table's heading and first row stay on one page
QR_SIZE = 34  # mm, quiet zone included: a phone reads it from arm's length
ELECTIONS: dict[int, str] = {
    MinutesForm.CITY: "انتخابات شورای اسلامی شهر",
    MinutesForm.VILLAGE: "انتخابات شورای اسلامی روستا",
}


def minutes_pdf(sheet: MinutesSheet, *, compress: bool = True) -> bytes:
    """The minutes as PDF bytes, laid out twice: a first pass that only measures counts the pages the
    footer names, the second draws."""
    pages = _draw(sheet, total_pages=0, measuring=True).pages_count
    return pdf_bytes(_draw(sheet, total_pages=pages), compress=compress)


def minutes_filename(sheet: MinutesSheet) -> str:
    return f"minutes-{sheet.station_code}-form{sheet.form}-{sheet.digest[:8]}.pdf"


def when(moment: dt.datetime | None) -> str:
    return jalali.format_datetime(moment, timezone.get_current_timezone()) if moment else "—"


def _draw(sheet: MinutesSheet, *, total_pages: int, measuring: bool = False) -> PersianPDF:
    title = f"صورتجلسهٔ شعبهٔ {sheet.station_code} — {sheet.constituency}"
    pdf = PersianPDF(page="A4", margin=MARGIN, title=title, created_at=sheet.closed_at)
    pdf.total_pages, pdf.measuring = total_pages, measuring
    pdf.foot_note = f"شعبهٔ {sheet.station_code} — چکیده {sheet.digest[:16]}"
    pdf.add_page()
    _heading(pdf, sheet)
    _counts(pdf, sheet)
    _votes(pdf, "آرای نامزدها", "نامزد", sheet.candidates)
    if sheet.lists:
        _votes(pdf, "آرای فهرست‌ها", "فهرست", sheet.lists)
    if sheet.reasons:
        _reasons(pdf, sheet)
    if sheet.voided:
        _voided(pdf, sheet)
    _integrity(pdf, sheet)
    _confirmations(pdf, sheet)
    return pdf


def _heading(pdf: PersianPDF, sheet: MinutesSheet) -> None:
    pdf.paragraph(f"صورتجلسهٔ شعبهٔ اخذ رأی (فرم {to_persian_digits(sheet.form)})", size=15, bold=True)
    pdf.paragraph(ELECTIONS.get(sheet.form, "انتخابات شوراهای اسلامی"), size=11)
    pdf.paragraph(f"شعبهٔ {sheet.station_code} — {sheet.station_address}", size=11)
    pdf.paragraph(f"حوزهٔ انتخابیه: {sheet.constituency}", size=11)
    pdf.paragraph(f"گشایش شعبه: {when(sheet.opened_at)} — بستن شعبه: {when(sheet.closed_at)}", size=10, gap=3)


def _section(pdf: PersianPDF, title: str) -> None:
    if pdf.will_page_break(KEEP_WITH_TITLE):
        pdf.add_page()
    pdf.paragraph(title, size=12, bold=True, gap=1)


def _counts(pdf: PersianPDF, sheet: MinutesSheet) -> None:
    _section(pdf, "شمار رأی‌دهندگان و آرا")
    rows = [["شرح", "شمار"]] + [[label, format_number(value)] for label, value in sheet.counts]
    pdf.grid(rows, [4, 1.4], aligns="RC")


def _votes(pdf: PersianPDF, title: str, kind: str, votes: tuple[Votes, ...]) -> None:
    _section(pdf, title)
    if not votes:
        pdf.paragraph("رأیی ثبت نشده است.", gap=2)
        return
    rows = [["کد", kind, "آرا"]]
    rows += [[to_persian_digits(v.code), v.name, format_number(v.votes)] for v in votes]
    pdf.grid(rows, [1, 4, 1.4], aligns="CRC")


def _reasons(pdf: PersianPDF, sheet: MinutesSheet) -> None:
    _section(pdf, "دلایل ابطال یا صحت بخشی از برگه‌ها")
    rows = [["دلیل", "برگه‌ها"]] + [[REASON_NAMES.get(code, code), format_number(n)] for code, n in sheet.reasons]
    pdf.grid(rows, [4, 1.4], aligns="RC")


def _voided(pdf: PersianPDF, sheet: MinutesSheet) -> None:
    _section(pdf, "رمزهای رأی باطل‌شده (و رمز تازه صادرشده)")
    rows = [["علت", "رمزها"]] + [[why, format_number(n)] for why, n in sheet.voided]
    pdf.grid(rows, [4, 1.4], aligns="RC")


def _integrity(pdf: PersianPDF, sheet: MinutesSheet) -> None:
    if pdf.will_page_break(QR_SIZE + 10):
        pdf.add_page()
    _section(pdf, "چکیده و امضای سند")
    top = pdf.get_y()
    pdf.qr(sheet.digest, x=pdf.l_margin, y=top, size=QR_SIZE)
    beside = QR_SIZE + 4
    pdf.paragraph("چکیدهٔ SHA-256 سند (ostan.minutes/1):", size=10, indent=beside)
    pdf.paragraph(sheet.digest, size=9, indent=beside, gap=2, ltr=True)
    if sheet.is_signed:
        pdf.paragraph(f"امضای دستگاه {sheet.signed_by} در {when(sheet.signed_at)}:", size=10, indent=beside)
        pdf.paragraph(sheet.signature, size=8, indent=beside, gap=2, ltr=True)
    else:
        pdf.paragraph("هنوز با کلید دستگاه شعبه امضا نشده است.", size=10, indent=beside, gap=2)
    pdf.paragraph("رمزینهٔ QR کنار این بخش همان چکیدهٔ بالا است.", size=8, indent=beside)
    pdf.set_y(max(pdf.get_y(), top + QR_SIZE) + 3)


def _confirmations(pdf: PersianPDF, sheet: MinutesSheet) -> None:
    _section(pdf, "تأیید اعضای شعبه")
    if not sheet.confirmations:
        pdf.paragraph("هنوز تأییدی ثبت نشده است.")
        return
    rows = [["عضو شعبه", "زمان تأیید", "امضا"]]
    rows += [[c.official, when(c.confirmed_at), ""] for c in sheet.confirmations]
    pdf.grid(rows, [3, 2, 2], aligns="RCC")
