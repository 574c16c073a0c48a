"""The best-practice library (search, filters, uptake) and the offices' critiques with their public answers
and on-time shares; a citizen files a critique of an office from its page."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from ostan.access.guards import guarded
from ostan.core.access import acting, allows
from ostan.pages.forms import found, submitted
from ostan.programs import actions, selectors
from ostan.programs.forms import CritiqueForm, LibraryFilterForm
from ostan.programs.models import Challenge
from ostan.programs.permissions import FILE_CRITIQUE, MANAGE_PROJECTS, READ_CRITIQUES, READ_EXPERIENCES
from ostan.programs.views.projects import _choices
from ostan.territory.models import Unit, UnitKind


@guarded(READ_EXPERIENCES)
def library(request: HttpRequest) -> HttpResponse:
    form = LibraryFilterForm(request.GET)
    units = Unit.objects.filter(kind__in=(UnitKind.PROVINCE, UnitKind.COUNTY)).order_by("path")[:600]
    _choices(form, "unit", [("", "همه"), *((u.code, u.name) for u in units)])
    data = form.cleaned_data if form.is_valid() else {"q": "", "challenge": "", "unit": ""}
    unit = Unit.objects.filter(code=data["unit"]).first() if data["unit"] else None
    rows = selectors.library(query=data["q"], challenge=data["challenge"], unit=unit)
    return render(request, "programs/library.html", {"nav": "programs", "form": form, "rows": rows})


@guarded(READ_EXPERIENCES, target="experience")
def experience(request: HttpRequest, pk: int) -> HttpResponse:
    actor = acting(request)
    entry = found(selectors.experience, pk)
    context = {"nav": "programs", "entry": entry, "may_adopt": MANAGE_PROJECTS.reach_for(actor.role) is not None,
               "challenges": dict(Challenge.choices)}  # fmt: skip
    return render(request, "programs/experience.html", context)


@guarded(READ_CRITIQUES)
def offices(request: HttpRequest) -> HttpResponse:
    rows = selectors.offices_timeliness()
    return render(request, "programs/offices.html", {"nav": "programs", "rows": rows})


@guarded(READ_CRITIQUES, target="office")
def office(request: HttpRequest, code: str) -> HttpResponse:
    actor = acting(request)
    item = found(selectors.office, code)
    context = {"nav": "programs", "office": item, "critiques": selectors.critiques(office=item),
               "may_critique": allows(actor, FILE_CRITIQUE), "critique_form": CritiqueForm()}  # fmt: skip
    return render(request, "programs/office.html", context)


@require_POST
@guarded(FILE_CRITIQUE, target="office")
def office_critique(request: HttpRequest, code: str) -> HttpResponse:
    actor = acting(request)
    item = found(selectors.office, code)
    form = CritiqueForm(request.POST)
    d = form.cleaned_data if form.is_valid() else {}
    made = submitted(
        form, lambda: actions.file_critique(actor=actor, kind=d["kind"], text=d["text"], office_code=item.code)
    )
    if made is not None:
        messages.success(request, f"ثبت شد. کد رهگیری: {made.tracking_code}؛ پاسخ در همین صفحه منتشر می‌شود.")
        return redirect("programs:office", code=item.code)
    context = {"nav": "programs", "office": item, "critiques": selectors.critiques(office=item),
               "may_critique": True, "critique_form": form}  # fmt: skip
    return render(request, "programs/office.html", context, status=400)
