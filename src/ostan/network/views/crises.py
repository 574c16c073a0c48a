"""Crises: the list and declaration for a county, a unit's crisis board (needs, resources, tasks to do),
a crisis's status board with tasks assigned to institutions, closing, and the closing report as PDF."""

from __future__ import annotations

import datetime as dt
from typing import cast

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from ostan.access.guards import guarded
from ostan.access.models import Organisation
from ostan.core.access import acting, allows
from ostan.core.jalali import TEHRAN
from ostan.network import actions, reports, selectors
from ostan.network.committees import ReliefKind
from ostan.network.forms import CloseForm, DeclareForm, DoneForm, NeedForm, ResourceForm, TaskForm
from ostan.network.models import Crisis, CrisisTask
from ostan.network.permissions import MANAGE_CRISES, READ_NETWORK, WORK_IN_CRISIS
from ostan.network.views.structure import _institutions, offers, unit_or_404
from ostan.pages.forms import found, submitted
from ostan.territory.models import Unit, UnitKind
from ostan.territory.scope import target_of

DECLARABLE = (UnitKind.DISTRICT, UnitKind.CITY, UnitKind.RURAL_DISTRICT, UnitKind.VILLAGE, UnitKind.NEIGHBOURHOOD)


def _choices(form: forms.Form, name: str, choices: list[tuple[str, str]]) -> None:
    cast(forms.ChoiceField, form.fields[name]).choices = choices


def _declare_form(unit: Unit, data: object = None) -> DeclareForm:
    form = DeclareForm(data)  # type: ignore[arg-type]
    places = Unit.objects.filter(path__startswith=unit.path + "/", kind__in=DECLARABLE).order_by("path")[:400]
    _choices(form, "units", [(p.code, f"{p.get_kind_display()} {p.name}") for p in places])
    return form


def _board_forms(unit: Unit, covering: list[Crisis], data: object = None) -> tuple[NeedForm, ResourceForm]:
    need, resource = NeedForm(data), ResourceForm(data)  # type: ignore[arg-type]
    crises = [(str(c.pk), c.title) for c in covering]
    places = [(unit.code, unit.name)] + [
        (u.code, u.name) for u in Unit.objects.filter(path__startswith=unit.path + "/").order_by("path")[:300]
    ]
    for form in (need, resource):
        _choices(form, "crisis", crises)
        _choices(form, "unit", places)
    _choices(resource, "organisation", _institutions(unit))
    return need, resource


@guarded(READ_NETWORK, target="unit")
def unit_crises(request: HttpRequest, code: str) -> HttpResponse:
    actor, current = acting(request), unit_or_404(request, code)
    covering = list(selectors.crises_covering(current))
    need_form, resource_form = _board_forms(current, covering)
    tasks = CrisisTask.objects.filter(crisis__in=covering, unit__path__startswith=current.path).select_related(
        "organisation", "unit", "crisis")  # fmt: skip
    context = {
        "nav": "network", "unit": current, "declared": selectors.crises(actor, current)[:50], "covering": covering,
        "tasks": tasks, "declare_form": _declare_form(current), "need_form": need_form,
        "resource_form": resource_form, "may_work": allows(actor, WORK_IN_CRISIS, target_of(current)),
        **offers(actor, current),
    }  # fmt: skip
    return render(request, "network/crises.html", context)


@guarded(MANAGE_CRISES, target="unit")
@require_POST
def declare(request: HttpRequest, code: str) -> HttpResponse:
    actor, current = acting(request), unit_or_404(request, code)
    form = _declare_form(current, request.POST)

    def call() -> Crisis:
        units = list(Unit.objects.filter(code__in=form.cleaned_data["units"]))
        data = form.cleaned_data
        return actions.declare_crisis(actor=actor, county=current, kind=data["kind"], title=data["title"], units=units)

    if declared := submitted(form, call):
        messages.success(request, f"بحران «{declared.title}» اعلام و کارگروه‌های بحران فعال شد.")
        return redirect("network:crisis", pk=declared.pk)
    messages.error(request, "بحران اعلام نشد: " + " ".join(str(e) for v in form.errors.values() for e in v))
    return redirect("network:unit_crises", code=current.code)


@guarded(WORK_IN_CRISIS, target="unit")
@require_POST
def record_need(request: HttpRequest, code: str) -> HttpResponse:
    actor, current = acting(request), unit_or_404(request, code)
    need_form, _ = _board_forms(current, list(selectors.crises_covering(current)), request.POST)

    def call() -> object:
        data = need_form.cleaned_data
        place = Unit.objects.get(code=data["unit"])
        return actions.record_need(actor=actor, crisis_id=int(data["crisis"]), unit=place, kind=data["kind"],
                                   quantity=data["quantity"])  # fmt: skip

    _said(request, submitted(need_form, call), need_form, "نیاز ثبت شد.")
    return redirect("network:unit_crises", code=current.code)


@guarded(WORK_IN_CRISIS, target="unit")
@require_POST
def record_resource(request: HttpRequest, code: str) -> HttpResponse:
    actor, current = acting(request), unit_or_404(request, code)
    _, form = _board_forms(current, list(selectors.crises_covering(current)), request.POST)

    def call() -> object:
        data = form.cleaned_data
        place, organisation = Unit.objects.get(code=data["unit"]), Organisation.objects.get(code=data["organisation"])
        return actions.record_resource(
            actor=actor,
            crisis_id=int(data["crisis"]),
            unit=place,
            organisation=organisation,
            kind=data["kind"],
            quantity=data["quantity"],
        )

    _said(request, submitted(form, call), form, "منبع ثبت شد.")
    return redirect("network:unit_crises", code=current.code)


def _said(request: HttpRequest, result: object, form: forms.Form, success: str) -> None:
    if result is not None:
        messages.success(request, success)
    else:
        messages.error(request, " ".join(str(e) for v in form.errors.values() for e in v) or "ثبت نشد.")


def _task_form(crisis: Crisis, data: object = None) -> TaskForm:
    form = TaskForm(data)  # type: ignore[arg-type]
    places = [(u.code, u.name) for u in crisis.units.order_by("name")]
    places += [(u.code, u.name) for p in crisis.units.all()
               for u in Unit.objects.filter(path__startswith=p.path + "/").order_by("path")[:200]]  # fmt: skip
    _choices(form, "unit", places)
    _choices(form, "organisation", _institutions(crisis.county))
    return form


@guarded(READ_NETWORK, target="crisis")
def crisis(request: HttpRequest, pk: int) -> HttpResponse:
    actor = acting(request)
    shown = found(selectors.crisis, actor, pk)
    now = timezone.now()
    context = {
        "nav": "network", "crisis": shown, "unit": shown.county, "summary": reports.summary(shown, at=now), "now": now,
        "tasks": shown.tasks.select_related("unit", "organisation"), "units": shown.units.order_by("name"),
        "needs": shown.needs.select_related("unit").order_by("-recorded_at")[:100],
        "resources": shown.resources.select_related("unit", "organisation").order_by("-recorded_at")[:100],
        "may_manage": allows(actor, MANAGE_CRISES, target_of(shown.county)) and shown.closed_at is None,
        "task_form": _task_form(shown), "close_form": CloseForm(), "relief_labels": dict(ReliefKind.choices),
    }  # fmt: skip
    return render(request, "network/crisis.html", context)


@guarded(MANAGE_CRISES, target="crisis")
@require_POST
def assign(request: HttpRequest, pk: int) -> HttpResponse:
    actor = acting(request)
    shown = found(selectors.crisis, actor, pk)
    form = _task_form(shown, request.POST)

    def call() -> object:
        data = form.cleaned_data
        due = dt.datetime.combine(data["due_on"], dt.time(23, 59), tzinfo=TEHRAN)
        return actions.assign_task(
            actor=actor, crisis_id=pk, unit=Unit.objects.get(code=data["unit"]),
            organisation=Organisation.objects.get(code=data["organisation"]), title=data["title"], due_at=due,
        )  # fmt: skip

    _said(request, submitted(form, call), form, "کار به نهاد سپرده شد.")
    return redirect("network:crisis", pk=pk)


@guarded(MANAGE_CRISES, target="crisis")
@require_POST
def close(request: HttpRequest, pk: int) -> HttpResponse:
    actor = acting(request)
    found(selectors.crisis, actor, pk)
    form = CloseForm(request.POST)
    call = lambda: actions.close_crisis(actor=actor, crisis_id=pk, closing_note=form.cleaned_data["closing_note"])  # noqa: E731
    _said(request, submitted(form, call), form, "بحران بسته شد؛ گزارش پایانی آماده است.")
    return redirect("network:crisis", pk=pk)


@guarded(READ_NETWORK, target="crisis")
def report(request: HttpRequest, pk: int) -> HttpResponse:
    shown = found(selectors.crisis, acting(request), pk)
    data = reports.closing_pdf(shown, at=shown.closed_at or timezone.now().replace(microsecond=0))
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="crisis-{shown.pk}.pdf"'
    return response


@guarded(WORK_IN_CRISIS, target="crisis_task")
@require_POST
def task_done(request: HttpRequest, task_pk: int) -> HttpResponse:
    actor = acting(request)
    task = CrisisTask.objects.filter(pk=task_pk).select_related("unit").first()
    form = DoneForm(request.POST)
    if task is not None:
        call = lambda: actions.complete_task(actor=actor, crisis_id=task.crisis_id, task_id=task.pk,  # noqa: E731
                                             note=form.cleaned_data["note"])  # fmt: skip
        _said(request, submitted(form, call), form, "کار انجام‌شده ثبت شد.")
    back = request.POST.get("back", "")
    if back.startswith("/network/") and "//" not in back:
        return redirect(back)
    return redirect("network:home")
