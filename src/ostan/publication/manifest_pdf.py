"""The election manifest as a printable PDF for parties and observers to keep from before the polls
open: the board key's fingerprint and the opening head as text and as QR codes, the stations and
their device keys' fingerprints, and the constituency files' hashes (docs/verification.md, step 2).

The printed sheet is what an observer types back in: ``ostan verify --board-key KEY --manifest
manifest.json`` with the manifest downloaded the same day; the sheet lets them check, with no computer
at hand, that the downloaded manifest is the one they were shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from ostan.core.polling.devices import key_fingerprint
from ostan.core.text import to_persian_digits
from ostan.pages.pdf import PersianPDF, pdf_bytes

QR_SIZE = 38  # mm


def manifest_pdf(signed: Mapping[str, object], *, compress: bool = True) -> bytes:
    doc = signed["manifest"]
    assert isinstance(doc, Mapping)
    opening = doc["opening"]
    assert isinstance(opening, Mapping)
    issued = dt.datetime.strptime(str(doc["issued_at"]), "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)
    pdf = PersianPDF(page="A4", margin=15, title="بیانیهٔ انتخابات", created_at=issued)
    pdf.add_page()
    pdf.paragraph(f"بیانیهٔ انتخابات — دورهٔ {to_persian_digits(str(doc['round']))}", size=16, bold=True)
    pdf.paragraph(
        "آنچه تابلوی اعلانات پیش از گشایش شعبه‌ها ثبت کرده است. این برگه را نگه دارید: هر مدخل، امضا یا "
        "کلیدی که پس از گشایش با آن نخواند با «ostan verify» آشکار می‌شود.", size=10,
    )  # fmt: skip
    pdf.paragraph("اثر انگشت کلید تابلو (board key fingerprint):", bold=True)
    pdf.paragraph(str(doc["board_key_fingerprint"]), size=14, ltr=True)
    pdf.paragraph("کلید عمومی تابلو (board public key):", bold=True)
    pdf.paragraph(str(doc["board_public_key"]), size=9, ltr=True)
    pdf.paragraph(f"چکیدهٔ گشایش، مدخل {to_persian_digits(str(opening['seq']))} (opening head):", bold=True)
    pdf.paragraph(str(opening["entry_hash"]), size=9, ltr=True)
    y = pdf.get_y() + 2
    pdf.qr(f"ostan-board-key:{doc['board_public_key']}", x=pdf.w - pdf.r_margin - QR_SIZE, y=y, size=QR_SIZE)
    pdf.qr(f"ostan-opening:{opening['seq']}:{opening['entry_hash']}", x=pdf.l_margin, y=y, size=QR_SIZE)
    pdf.set_y(y + QR_SIZE + 2)
    pdf.paragraph("راست: کلید تابلو · چپ: چکیدهٔ گشایش", size=8, align="C")
    stations = doc["stations"]
    assert isinstance(stations, list)
    rows = [["شعبه", "واحد", "حوزه‌ها", "اثر انگشت کلید دستگاه‌ها"]]
    for s in stations:
        keys = " ".join(key_fingerprint(bytes.fromhex(d["public_key"]))[:8] for d in s["devices"])
        rows.append([s["station_code"], s["unit_code"], "، ".join(s["constituency_ids"]), keys])
    pdf.paragraph(f"شعبه‌ها ({to_persian_digits(len(stations))})", bold=True, size=12)
    pdf.grid(rows, [1, 1.2, 1.4, 2.4], aligns="CCCL")
    constituencies = doc["constituencies"]
    assert isinstance(constituencies, Mapping)
    pdf.paragraph("پرونده‌های حوزه (SHA-256)", bold=True, size=12)
    pdf.grid([["حوزه", "چکیده"], *([cid, h] for cid, h in constituencies.items())], [1, 4], aligns="CL")
    pdf.paragraph(f"دفتر: {doc['log_id']} · صادر شده: {doc['issued_at']}", size=8, ltr=True)
    return pdf_bytes(pdf, compress=compress)
