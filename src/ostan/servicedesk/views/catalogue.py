"""The administrator loads the catalogue from a CSV or XLSX file: all of it, or nothing with every bad line."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from ostan.access.forms import OrganisationImportForm as TableUploadForm
from ostan.access.guards import guarded
from ostan.core.access import acting
from ostan.core.errors import PermissionRefused
from ostan.core.tables import FileRejected
from ostan.core.text import to_persian_digits
from ostan.servicedesk.catalogue import import_services
from ostan.servicedesk.permissions import MANAGE_CATALOGUE

COLUMN_HELP = [
    ("code", "کد خدمت", "حروف کوچک لاتین، رقم و -؛ خدمتی با همین کد به‌روز می‌شود"),
    ("name", "نام خدمت", ""),
    ("kinds", "گونه‌های درخواست", "مثلاً «درخواست، شکایت»"),
    ("organisation_kind", "نوع دستگاه مسئول", "مثلاً «شهرداری»؛ دستگاه این نوع که به واحد خدمت می‌دهد"),
    ("organisation", "کد دستگاه مسئول", "به‌جای نوع، یک دستگاه معین"),
    ("description", "شرح", ""),
    ("documents", "مدارک لازم", "با «؛» یا «|» جدا"),
    ("steps", "مراحل", "با «؛» یا «|» جدا"),
    ("cost", "هزینه", ""),
    ("working_days", "مهلت پاسخ (روز کاری)", "پیش‌فرض ۱۰"),
]


@guarded(MANAGE_CATALOGUE)
def catalogue_import(request: HttpRequest) -> HttpResponse:
    form = TableUploadForm(request.POST or None, request.FILES or None)
    report: FileRejected | None = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            count = import_services(actor=acting(request), file_name=upload.name, data=upload.read())
        except FileRejected as exc:
            report = exc
        except PermissionRefused:
            raise
        else:
            messages.success(request, f"{to_persian_digits(count)} خدمت از پرونده ثبت یا به‌روز شد.")
            return redirect("servicedesk:catalogue")
    status = 400 if request.method == "POST" else 200
    context = {"nav": "desk", "form": form, "report": report, "columns": COLUMN_HELP}
    return render(request, "servicedesk/catalogue_import.html", context, status=status)
