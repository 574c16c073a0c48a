"""A meeting's minutes (صورتجلسه) as a Persian PDF, on the same page machinery as the election minutes
(``ostan.pages.pdf``: Vazirmatn embedded, HarfBuzz shaping, right to left)."""

from __future__ import annotations

from django.utils import timezone

from ostan.core.jalali import format_date, format_datetime
from ostan.core.text import to_persian_digits
from ostan.pages.pdf import PersianPDF, pdf_bytes
from ostan.participation.models import Meeting
from ostan.participation.selectors import decision_rows

MARGIN = 15  # mm


def minutes_pdf(meeting: Meeting) -> bytes:
    created = meeting.minutes_recorded_at or timezone.now()
    pdf = PersianPDF(page="A4", margin=MARGIN, title=f"صورتجلسه: {meeting.title}", created_at=created)
    pdf.foot_note = f"{meeting.organiser.name} — جلسهٔ شمارهٔ {to_persian_digits(meeting.pk)}"
    pdf.add_page()
    pdf.paragraph(f"صورتجلسهٔ {meeting.get_kind_display()}: {meeting.title}", size=15, bold=True, gap=2)
    pdf.paragraph(f"برگزارکننده: {meeting.organiser.name} — واحد: {meeting.unit.name}")
    pdf.paragraph(f"زمان: {format_datetime(meeting.held_at)}" + (f" — محل: {meeting.place}" if meeting.place else ""))
    pdf.paragraph("دستور جلسه", size=12, bold=True, gap=1)
    pdf.paragraph(meeting.agenda, gap=2)
    invitations = list(meeting.invitations.select_related("stakeholder").order_by("stakeholder__name"))
    if invitations:
        pdf.paragraph("دعوت‌شدگان", size=12, bold=True, gap=1)
        rows = [["نام", "گروه", "حضور"]]
        for inv in invitations:
            presence = {True: "حاضر", False: "غایب", None: "—"}[inv.attended]
            rows.append([inv.stakeholder.name, inv.stakeholder.get_ring_display(), presence])
        pdf.grid(rows, [90, 60, 30])
        pdf.ln(3)
    pdf.paragraph("متن صورتجلسه", size=12, bold=True, gap=1)
    pdf.paragraph(meeting.minutes or "صورتجلسه هنوز ثبت نشده است.", gap=2)
    decisions = decision_rows(list(meeting.decisions.order_by("due_on", "pk")))
    if decisions:
        pdf.paragraph("مصوبه‌ها", size=12, bold=True, gap=1)
        rows = [["مصوبه", "مسئول پیگیری", "مهلت", "وضعیت"]]
        for r in decisions:
            rows.append([r.decision.title, r.decision.owner, format_date(r.decision.due_on), r.status.label])
        pdf.grid(rows, [80, 45, 25, 30])
    return pdf_bytes(pdf, compress=True)
