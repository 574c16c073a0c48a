"""The governor's office's figures: units' deprivation, outcome figures' targets and actuals, and the
information council's release of them to the public achievements page with charts."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from ostan.access.guards import guarded
from ostan.core.access import acting, allows
from ostan.core.programs import JalaliPeriod, PeriodKind
from ostan.pages.forms import status_of, submitted
from ostan.programs import actions, selectors
from ostan.programs.forms import DeprivationForm, OutcomeForm, ReleaseForm
from ostan.programs.models import Deprivation
from ostan.programs.permissions import (
    PUBLISH_ACHIEVEMENTS,
    READ_ACHIEVEMENTS,
    READ_OUTCOMES,
    RECORD_OUTCOMES,
    SET_DEPRIVATION,
)
from ostan.programs.views.projects import _choices, unit_choices
from ostan.territory.models import Unit
from ostan.territory.scope import path_q, target_of


def _this_year() -> int:
    return JalaliPeriod.containing(timezone.localdate(), PeriodKind.YEAR).year


def _year(request: HttpRequest) -> int:
    text = request.GET.get("year", "").strip()
    return int(text) if text.isdigit() and 1300 <= int(text) <= 1500 else _this_year()


@guarded(SET_DEPRIVATION)
def deprivation(request: HttpRequest) -> HttpResponse:
    actor = acting(request)
    form = DeprivationForm(request.POST or None)
    _choices(form, "unit", unit_choices(actor))

    def call() -> bool:
        d = form.cleaned_data
        actions.set_deprivation(actor=actor, unit_code=d["unit"], score=d["score"], note=d["note"])
        return True

    if request.method == "POST" and submitted(form, call):
        messages.success(request, "محرومیت واحد ثبت شد.")
        return redirect("programs:deprivation")
    home = selectors.home_unit(actor)
    rows = Deprivation.objects.select_related("unit").order_by("-score", "unit__path")
    if home is not None:
        rows = rows.filter(path_q(home.path, "unit__path"))
    context = {"nav": "programs", "form": form, "rows": rows}
    return render(request, "programs/deprivation.html", context, status=status_of(form))


@guarded(READ_OUTCOMES)
def outcomes(request: HttpRequest) -> HttpResponse:
    actor = acting(request)
    home = selectors.home_unit(actor)
    if home is None:
        raise Http404("واحدی برای شاخص‌ها نیست.")
    year = _year(request)
    form = OutcomeForm(initial={"period": str(year)})
    _choices(form, "unit", unit_choices(actor))
    context = {
        "nav": "programs", "home": home, "year": year, "view": selectors.outcomes(home, year),
        "records": selectors.outcome_records(home)[:200], "form": form,
        "may_record": allows(actor, RECORD_OUTCOMES, target_of(home)),
        "may_publish": allows(actor, PUBLISH_ACHIEVEMENTS, target_of(home)),
        "release_form": ReleaseForm(initial={"year": year}), "release": selectors.release(home, year),
    }  # fmt: skip
    return render(request, "programs/outcomes.html", context)


@guarded(RECORD_OUTCOMES)
def record_outcome(request: HttpRequest) -> HttpResponse:
    actor = acting(request)
    form = OutcomeForm(request.POST or None)
    _choices(form, "unit", unit_choices(actor))

    def call() -> bool:
        d = form.cleaned_data
        return bool(actions.record_outcome(actor=actor, figure_code=d["figure"], kind=d["kind"], unit_code=d["unit"],
                                      period_key=d["period"], value=d["value"]))  # fmt: skip

    if request.method == "POST" and submitted(form, call):
        messages.success(request, "شاخص ثبت شد.")
        return redirect("programs:outcomes")
    return render(request, "programs/record_outcome.html", {"nav": "programs", "form": form},
                  status=status_of(form))  # fmt: skip


@guarded(PUBLISH_ACHIEVEMENTS)
def publish_achievements(request: HttpRequest) -> HttpResponse:
    actor = acting(request)
    home = selectors.home_unit(actor)
    if home is None:
        raise Http404("واحدی برای انتشار نیست.")
    form = ReleaseForm(request.POST or None)

    def call() -> object:
        d = form.cleaned_data
        return actions.publish_achievements(actor=actor, unit_code=home.code, year=d["year"], statement=d["statement"])

    if request.method == "POST" and (made := submitted(form, call)):
        messages.success(request, "دستاوردها منتشر شد.")
        return redirect("programs:achievements_page", code=home.code, year=made.year)  # type: ignore[attr-defined]
    return render(request, "programs/publish_achievements.html", {"nav": "programs", "form": form, "home": home},
                  status=status_of(form))  # fmt: skip


@guarded(READ_ACHIEVEMENTS)
def achievements(request: HttpRequest) -> HttpResponse:
    return render(request, "programs/achievements.html", {"nav": "programs", "releases": selectors.releases()})


@guarded(READ_ACHIEVEMENTS)
def achievements_page(request: HttpRequest, code: str, year: int) -> HttpResponse:
    unit = Unit.objects.filter(code=code).first()
    release = selectors.release(unit, year) if unit is not None else None
    if unit is None or release is None:
        raise Http404("دستاوردهای این واحد برای این سال منتشر نشده است.")
    view = selectors.outcomes(unit, year)
    charts = [
        (f, [(name, value) for name, value in view.by_unit[f.figure.code] if value is not None],
         {"عملکرد": [a for _, a, _ in view.by_quarter[f.figure.code]],
          "هدف": [t for _, _, t in view.by_quarter[f.figure.code]]},
         [label for label, _, _ in view.by_quarter[f.figure.code]])
        for f in view.figures if f.actual is not None
    ]  # fmt: skip
    context = {"nav": "programs", "unit": unit, "release": release, "view": view, "charts": charts}
    return render(request, "programs/achievements_page.html", context)
