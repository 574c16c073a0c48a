"""The holiday calendar the deadlines count over, kept by the governorate's staff and the administrator."""

from __future__ import annotations

import datetime as dt

import jdatetime
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from ostan.access.guards import guarded
from ostan.core.access import acting
from ostan.pages.forms import status_of, submitted
from ostan.servicedesk import actions
from ostan.servicedesk.forms import HolidaysForm, HolidayYearForm
from ostan.servicedesk.models import Holiday
from ostan.servicedesk.permissions import MANAGE_CATALOGUE


@guarded(MANAGE_CATALOGUE)
def holidays(request: HttpRequest) -> HttpResponse:
    actor = acting(request)
    year = jdatetime.date.today().year
    form = HolidaysForm(request.POST if "text" in request.POST else None)
    year_form = HolidayYearForm(request.POST if "year" in request.POST else None, initial={"year": year})
    if request.method == "POST":
        if form.is_bound:
            corrected = submitted(form, lambda: actions.correct_holidays(actor=actor, text=form.cleaned_data["text"]))
            if corrected is not None:
                messages.success(request, "تعطیلات ثبت شد.")
                return redirect("servicedesk:holidays")
        if year_form.is_bound:
            loaded = submitted(
                year_form, lambda: actions.load_official_holidays(actor=actor, year=year_form.cleaned_data["year"])
            )
            if loaded is not None:
                messages.success(request, f"{loaded} روز تعطیل رسمی افزوده شد.")
                return redirect("servicedesk:holidays")
    first: dt.date = jdatetime.date(year, 1, 1).togregorian()
    rows = Holiday.objects.filter(date__gte=first - dt.timedelta(days=30)).order_by("date")
    context = {"nav": "desk", "form": form, "year_form": year_form, "holidays": rows}
    return render(request, "servicedesk/holidays.html", context, status=status_of(form, year_form))
