"""The catalogue: a public list of indicators with their definitions, and for the provincial administrator
adding and changing indicators and the validation rules between them."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from ostan.access.guards import guarded
from ostan.core.access import acting, allows
from ostan.indicators import actions, selectors
from ostan.indicators.forms import IndicatorForm, RuleForm, initial_of
from ostan.indicators.models import ComparisonRule, Indicator
from ostan.indicators.permissions import ENTER_VALUES, MANAGE_CATALOGUE, READ_CATALOGUE
from ostan.pages.forms import found, status_of, submitted


@guarded(READ_CATALOGUE)
def catalogue(request: HttpRequest) -> HttpResponse:
    actor = acting(request)
    may_manage = allows(actor, MANAGE_CATALOGUE)
    query = request.GET.get("q", "")
    context = {
        "nav": "indicators", "indicators": selectors.catalogue(query=query, include_private=may_manage),
        "q": query, "may_manage": may_manage, "rules": selectors.rules() if may_manage else [],
        "rule_form": RuleForm() if may_manage else None, "area": selectors.default_area(actor),
        "may_enter": actor.is_person and ENTER_VALUES.reach_for(actor.role) is not None,
    }  # fmt: skip
    return render(request, "indicators/catalogue.html", context)


@guarded(MANAGE_CATALOGUE)
def indicator_new(request: HttpRequest) -> HttpResponse:
    form = IndicatorForm(request.POST or None)
    call = lambda: actions.save_indicator(actor=acting(request), entry=form.entry())  # noqa: E731
    if request.method == "POST" and (saved := submitted(form, call)):
        messages.success(request, f"شاخص «{saved.name}» ثبت شد.")
        return redirect("indicators:indicator", indicator=saved.code)
    context = {"nav": "indicators", "form": form, "is_new": True}
    return render(request, "indicators/indicator_form.html", context, status=status_of(form))


@guarded(MANAGE_CATALOGUE, target="indicator")
def indicator_edit(request: HttpRequest, indicator: str) -> HttpResponse:
    row = found(selectors.indicator, indicator)
    form = IndicatorForm(request.POST or None, initial=initial_of(row))
    form.fields["code"].disabled = True

    def call() -> Indicator:
        return actions.save_indicator(actor=acting(request), entry=form.entry(row.code), indicator_id=row.pk)

    if request.method == "POST" and (saved := submitted(form, call)):
        messages.success(request, f"شاخص «{saved.name}» ذخیره شد.")
        return redirect("indicators:indicator", indicator=saved.code)
    context = {"nav": "indicators", "form": form, "indicator": row, "is_new": False}
    return render(request, "indicators/indicator_form.html", context, status=status_of(form))


@guarded(MANAGE_CATALOGUE)
@require_POST
def rule_new(request: HttpRequest) -> HttpResponse:
    form = RuleForm(request.POST)

    def call() -> ComparisonRule:
        d = form.cleaned_data
        return actions.save_rule(actor=acting(request), left=d["left"], comparison=d["comparison"], right=d["right"])

    if submitted(form, call) is not None:
        messages.success(request, "قاعدهٔ اعتبارسنجی ثبت شد.")
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect("indicators:catalogue")
