"""A crisis's status and its closing report: the core's closing summary over the stored needs, resources
and tasks, and the closing report as an A4 Persian PDF on the project's page (``ostan.pages.pdf``,
Vazirmatn embedded). The file is deterministic: its creation date is the crisis's close (or the moment
asked about while it is open), nothing else depends on the clock."""

from __future__ import annotations

import datetime as dt

from ostan.core.jalali import format_datetime
from ostan.core.network import Crisis as CrisisRecord
from ostan.core.network import CrisisSummary, CrisisTask, Need, Resource, closing_summary
from ostan.core.text import to_persian_digits
from ostan.network.committees import CrisisKind, ReliefKind
from ostan.network.models import Crisis
from ostan.pages.pdf import PersianPDF, pdf_bytes


def summary(crisis: Crisis, *, at: dt.datetime) -> CrisisSummary:
    units = list(crisis.units.values_list("path", flat=True))
    record = CrisisRecord(str(crisis.pk), crisis.kind, tuple(units), crisis.declared_at, crisis.closed_at)
    tasks = [
        CrisisTask(str(t.pk), t.title, t.unit.path, t.due_at, t.done_at, t.organisation.name)
        for t in crisis.tasks.select_related("unit", "organisation")
    ]
    needs = [Need(n.unit.path, n.kind, n.quantity) for n in crisis.needs.select_related("unit")]
    resources = [
        Resource(r.kind, r.quantity, r.organisation.code, r.unit.path)
        for r in crisis.resources.select_related("unit", "organisation")
    ]
    return closing_summary(record, unit_paths=units, tasks=tasks, needs=needs, resources=resources, at=at)


def _duration(span: dt.timedelta) -> str:
    days, hours = span.days, span.seconds // 3600
    return f"{to_persian_digits(days)} روز و {to_persian_digits(hours)} ساعت"


def closing_pdf(crisis: Crisis, *, at: dt.datetime, compress: bool = True) -> bytes:
    found = summary(crisis, at=at)
    pdf = PersianPDF(page="A4", margin=15, title=f"گزارش پایانی بحران: {crisis.title}", created_at=found.as_of)
    pdf.add_page()
    pdf.paragraph(f"گزارش پایانی بحران: {crisis.title}", size=15, bold=True, align="C", gap=3)
    state = "بسته‌شده" if crisis.closed_at else "باز (گزارش میانی)"
    lines = [
        f"نوع: {CrisisKind(crisis.kind).label} — شهرستان: {crisis.county.name} — وضعیت: {state}",
        f"اعلام: {format_datetime(crisis.declared_at)}"
        + (f" — پایان: {format_datetime(crisis.closed_at)}" if crisis.closed_at else ""),
        f"مدت: {_duration(found.duration)} — واحدهای درگیر: {'، '.join(u.name for u in crisis.units.order_by('name'))}",
    ]
    for line in lines:
        pdf.paragraph(line, size=10)
    t = found.tasks
    pdf.paragraph("کارها", size=12, bold=True, gap=1)
    pdf.grid(
        [["همه", "به‌موقع انجام شد", "دیرتر انجام شد", "باز", "دیرکرد"],
         [to_persian_digits(v) for v in (t.total, t.done_on_time, t.done_late, t.open, t.late)]],
        [1, 1, 1, 1, 1], aligns="CCCCC",
    )  # fmt: skip
    pdf.paragraph("نیازها و منابع", size=12, bold=True, gap=1)
    rows = [["نوع", "نیاز", "منبع", "کمبود", "پوشش"]]
    for b in found.balances:
        coverage = "—" if b.coverage_percent is None else to_persian_digits(f"{b.coverage_percent}٪")
        rows.append([ReliefKind(b.kind).label if b.kind in ReliefKind.values else b.kind,
                     *(to_persian_digits(v) for v in (b.needed, b.available, b.shortfall)), coverage])  # fmt: skip
    pdf.grid(rows, [3, 1, 1, 1, 1], aligns="RCCCC")
    if crisis.closing_note:
        pdf.paragraph("شرح پایانی", size=12, bold=True, gap=1)
        pdf.paragraph(crisis.closing_note, size=10)
    return pdf_bytes(pdf, compress=compress)
