"""The inbox's filtered list and the dashboard's rows as CSV (UTF-8 with a BOM, for Excel) or XLSX, with Persian
headers and Jalali dates, written by ``ostan.core.tables`` (every text cell inert: no formula runs)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from fractions import Fraction

from django.http import HttpResponse

from ostan.core.jalali import format_datetime
from ostan.core.servicedesk.tracking import display
from ostan.core.tables import csv_text, xlsx_bytes
from ostan.servicedesk.models import ServiceRequest
from ostan.servicedesk.selectors import GROUPINGS, OrganisationFigures

EXPORT_MAX = 100_000  # rows in one file; a wider list is narrowed by its filters first
FORMATS = ("csv", "xlsx")
REQUEST_HEADER = ("کد رهگیری", "خدمت", "گونه", "محل", "وضعیت", "دستگاه", "مجرای ثبت", "زمان ثبت", "پایان مهلت",
                  "زمان پاسخ", "دیرکرد", "رضایت")  # fmt: skip


def request_rows(rows: Iterable[ServiceRequest]) -> Iterator[Sequence[object]]:
    for r in rows:
        yield (
            display(r.tracking_code or ""), r.service.name, r.get_kind_display(), r.unit.name, r.get_state_display(),
            r.organisation.name if r.organisation is not None else "میز خدمت", r.get_channel_display(),
            format_datetime(r.registered_at, persian_digits=False), _deadline(r),
            format_datetime(r.answered_at, persian_digits=False) if r.answered_at else "",
            "بله" if (r.is_late or r.overdue_at is not None) else "", r.satisfaction or "",
        )  # fmt: skip


def _deadline(r: ServiceRequest) -> str:
    return format_datetime(r.due_at, persian_digits=False) if r.due_at is not None else ""


def dashboard_header(by: str) -> tuple[str, ...]:
    return (GROUPINGS.get(by, "دستگاه"), "همه", "باز", "دیرکرد اکنون", "دیرکرد ثبت‌شده", "پاسخ‌داده",
            "میانهٔ مدت رسیدگی (روز کاری)", "پاسخ به‌موقع (٪)", "میانگین رضایت (از ۵)")  # fmt: skip


def _decimal(value: float | Fraction | None, digits: int = 1) -> object:
    return "" if value is None else round(float(value), digits)


def dashboard_rows(rows: Iterable[OrganisationFigures]) -> Iterator[Sequence[object]]:
    for r in rows:
        f = r.figures
        yield (r.name, f.requests, r.open, r.overdue, r.ever_overdue, f.answered,
               _decimal(f.median_handling_working_days), _decimal(r.on_time_percent, 0),
               _decimal(f.satisfaction_mean))  # fmt: skip


def download(kind: str, name: str, header: Sequence[str], rows: Iterable[Sequence[object]]) -> HttpResponse:
    """The file as an attachment: ``kind`` is csv or xlsx."""
    if kind == "xlsx":
        body = xlsx_bytes(header, rows, title=name)
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        body = ("\ufeff" + csv_text(header, rows)).encode()
        content_type = "text/csv; charset=utf-8"
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}.{kind}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
