"""An area's pages: its dashboard, the values form of a council secretary, completeness of reports,
targets, and the file import."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from ostan.access.guards import guarded
from ostan.core.access import acting, allows
from ostan.core.network import Period, PeriodKind, period_containing
from ostan.core.tables import FileRejected
from ostan.indicators import actions, selectors
from ostan.indicators.completeness import completeness
from ostan.indicators.dashboard import dashboard
from ostan.indicators.entries import Recorded
from ostan.indicators.forms import ImportForm, PeriodForm, TargetForm, ValuesForm
from ostan.indicators.models import Target
from ostan.indicators.permissions import ENTER_VALUES, MANAGE_TARGETS, READ_VALUES
from ostan.pages.forms import found, status_of, submitted
from ostan.territory.scope import target_of

COMPLETENESS_MONTHS = 12


@guarded(READ_VALUES, target="unit")
def unit_dashboard(request: HttpRequest, code: str) -> HttpResponse:
    actor = acting(request)
    area = found(selectors.unit, code)
    form = PeriodForm(request.GET or None)
    month = form.cleaned_data["period"] if form.is_bound and form.is_valid() else None
    if month is not None and month.kind is not PeriodKind.MONTH:
        month = Period.month(month.year, month.first_month)
    board = dashboard(actor=actor, area=area, month=month)
    context = {
        "nav": "indicators", "area": area, "board": board, "form": form,
        "children": area.children.order_by("name")[:200], "outliers": selectors.outliers(area=area, limit=20),
        "may_enter": allows(actor, ENTER_VALUES, target_of(area)),
        "may_set_targets": allows(actor, MANAGE_TARGETS, target_of(area)),
    }  # fmt: skip
    return render(request, "indicators/dashboard.html", context)


def _flash(request: HttpRequest, recorded: Recorded, what: str) -> None:
    messages.success(request, f"{recorded.saved} {what} ثبت شد.")
    for o in recorded.outliers:
        messages.warning(
            request, f"دادهٔ پرت: «{o.indicator}» در {o.unit}، {o.period}: {o.value.normalize()} "
            f"(میانهٔ پیشین {o.median:.1f}). ثبت شد؛ اگر نادرست است اصلاحش کنید.",
        )  # fmt: skip


@guarded(ENTER_VALUES, target="unit")
def unit_entry(request: HttpRequest, code: str) -> HttpResponse:
    actor = acting(request)
    area = found(selectors.unit, code)
    chooser = PeriodForm(request.GET or None)
    chosen = chooser.cleaned_data["period"] if chooser.is_bound and chooser.is_valid() else None
    period = chosen or period_containing(_today(), PeriodKind.MONTH).previous()
    indicators = selectors.entered_indicators(period.kind)
    form = ValuesForm(
        request.POST or None, indicators=indicators, initial=selectors.stored_values(unit=area, period=period)
    )

    def call() -> Recorded:
        return actions.record_values(actor=actor, unit=area, period=period, values=form.values())

    if request.method == "POST" and (recorded := submitted(form, call)):
        _flash(request, recorded, "مقدار")
        return redirect(f"{request.path}?period={period}")
    context = {
        "nav": "indicators", "area": area, "period": period, "form": form, "chooser": chooser,
        "indicators": indicators, "import_form": ImportForm(),
    }  # fmt: skip
    return render(request, "indicators/entry.html", context, status=status_of(form))


def _today() -> dt.date:
    return timezone.localdate()


@guarded(ENTER_VALUES)
def values_import(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    report: FileRejected | None = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            recorded = actions.import_values(actor=acting(request), file_name=upload.name, data=upload.read())
        except FileRejected as exc:
            report = exc
        else:
            _flash(request, recorded, "مقدار از پرونده")
            return redirect("indicators:import")
    status = 400 if report is not None or (form.is_bound and form.errors) else 200
    context = {"nav": "indicators", "form": form, "report": report, "area": selectors.default_area(acting(request))}
    return render(request, "indicators/import.html", context, status=status)


@guarded(READ_VALUES, target="unit")
def unit_completeness(request: HttpRequest, code: str) -> HttpResponse:
    area = found(selectors.unit, code)
    last = period_containing(_today(), PeriodKind.MONTH).previous()
    first = last
    for _ in range(COMPLETENESS_MONTHS - 1):
        first = first.previous()
    shown = completeness(area=area, first=first, last=last)
    by_unit = [(u, shown.report.by_unit[u.path]) for u in shown.units]
    context = {"nav": "indicators", "area": area, "shown": shown, "by_unit": by_unit}
    return render(request, "indicators/completeness.html", context)


@guarded(MANAGE_TARGETS, target="unit")
def unit_targets(request: HttpRequest, code: str) -> HttpResponse:
    actor = acting(request)
    area = found(selectors.unit, code)
    form = TargetForm(request.POST or None)

    def call() -> Target:
        d = form.cleaned_data
        return actions.set_target(
            actor=actor, indicator_code=d["indicator"], unit=area, year=d["year"], value=d["value"],
            baseline=d["baseline"],
        )  # fmt: skip

    if request.method == "POST" and submitted(form, call) is not None:
        messages.success(request, "هدف ثبت شد.")
        return redirect("indicators:targets", code=area.code)
    context = {"nav": "indicators", "area": area, "form": form, "targets": selectors.targets(unit=area)}
    return render(request, "indicators/targets.html", context, status=status_of(form))
