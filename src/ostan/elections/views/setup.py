"""Officials' set-up pages: rounds, new constituencies (search a settlement, see the law's seats, enter a
missing population or override with a reason) and whether a constituency votes."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from ostan.access.guards import guarded
from ostan.core.access import acting
from ostan.core.errors import NotFound
from ostan.core.text import to_persian_digits
from ostan.elections import actions, selectors
from ostan.elections.forms import (
    ConstituencyForm,
    PopulationForm,
    RoundForm,
    RoundStatusForm,
    ScheduleForm,
    VotingForm,
)
from ostan.elections.forms.constituencies import current_jalali_year
from ostan.elections.models import ElectionRound
from ostan.elections.permissions import CONFIGURE_ROUNDS, MANAGE_CONSTITUENCY
from ostan.elections.views.pages import visible_constituency
from ostan.pages.forms import status_of, submitted
from ostan.territory.actions import set_population
from ostan.territory.models import Unit
from ostan.territory.selectors import get_unit


@guarded(CONFIGURE_ROUNDS)
def rounds(request: HttpRequest) -> HttpResponse:
    form = RoundForm(request.POST if request.method == "POST" else None)
    if created := submitted(form, lambda: actions.create_round(actor=acting(request), **form.cleaned_data)):
        messages.success(request, f"«{created.name}» تعریف شد.")
        return redirect("elections:rounds")
    context = {"nav": "elections", "form": form, "rounds": ElectionRound.objects.order_by("-number"),
               "status_form": RoundStatusForm()}  # fmt: skip
    return render(request, "elections/rounds.html", context, status=status_of(form))


@guarded(CONFIGURE_ROUNDS, target="round")
@require_POST
def round_status(request: HttpRequest, pk: int) -> HttpResponse:
    election_round, form = _round(pk), RoundStatusForm(request.POST)
    call = lambda: actions.set_round_status(actor=acting(request), election_round=election_round, **form.cleaned_data)  # noqa: E731
    if changed := submitted(form, call):
        messages.success(request, f"وضعیت «{changed.name}» شد: {changed.get_status_display()}.")
    else:
        messages.error(request, "وضعیت دوره تغییر نکرد: " + " ".join(str(e) for e in form.errors.values()))
    return redirect("elections:rounds")


@guarded(CONFIGURE_ROUNDS, target="round")
@require_POST
def round_schedule(request: HttpRequest, pk: int) -> HttpResponse:
    """Set or extend the round's polling hours: check-ins and ballots are taken only between them."""
    election_round, form = _round(pk), ScheduleForm(request.POST)
    call = lambda: actions.set_polls_schedule(actor=acting(request), election_round=election_round, **form.cleaned_data)  # noqa: E731
    if submitted(form, call):
        messages.success(request, f"ساعت‌های رأی‌گیری «{election_round.name}» ثبت شد.")
    else:
        messages.error(request, "ساعت‌های رأی‌گیری ثبت نشد: " + " ".join(str(e) for e in form.errors.values()))
    return redirect("elections:rounds")


def _round(pk: int) -> ElectionRound:
    try:
        return selectors.round_by_pk(pk)
    except NotFound as exc:
        raise Http404(exc.message) from None


def _settlement(request: HttpRequest, code: str) -> Unit | None:
    if not code:
        return None
    try:
        unit = get_unit(code, actor=acting(request))
    except NotFound as exc:
        raise Http404(exc.message) from None
    if unit.kind not in selectors.SETTLEMENT_KINDS:
        raise Http404("حوزه انتخابیه فقط برای شهر یا روستا تعریف می‌شود.")
    if not selectors.can_manage(acting(request), unit):
        raise PermissionDenied(MANAGE_CONSTITUENCY.refusal)
    return unit


def _new_page(request: HttpRequest, election_round: ElectionRound, unit: Unit | None, **forms: Any) -> HttpResponse:
    sizes = selectors.council_sizes(unit) if unit else []
    kinds = [(kind, label) for kind, label, _ in sizes]
    initial = {"unit": unit.code if unit else ""}
    form = forms.get("form") or ConstituencyForm(kinds=kinds, initial=initial)
    population_form = forms.get("population_form") or PopulationForm(initial=initial | {"year": current_jalali_year()})
    query = request.GET.get("q", "")[:100]
    context = {
        "nav": "elections", "election_round": election_round, "unit": unit, "sizes": sizes, "q": query,
        "results": selectors.settlements_to_set_up(acting(request), query) if query and not unit else [],
        "is_population_missing": any(size is None for _, _, size in sizes),
        "form": form, "population_form": population_form,
    }  # fmt: skip
    return render(request, "elections/constituency_new.html", context, status=status_of(form, population_form))


@guarded(MANAGE_CONSTITUENCY, target="round")
def constituency_new(request: HttpRequest, pk: int) -> HttpResponse:
    election_round = _round(pk)
    if request.method != "POST":
        return _new_page(request, election_round, _settlement(request, request.GET.get("unit", "")[:32]))
    unit = _settlement(request, request.POST.get("unit", "")[:32])
    if unit is None:
        raise Http404("شهر یا روستا را برگزینید.")
    form = ConstituencyForm(request.POST, kinds=[(k, label) for k, label, _ in selectors.council_sizes(unit)])
    call = lambda: actions.create_constituency(  # noqa: E731
        actor=acting(request), election_round=election_round, unit=unit, kind=form.cleaned_data["kind"],
        name=form.cleaned_data["name"], seats=form.cleaned_data["seats"],
        alternates=form.cleaned_data["alternates"], override_reason=form.cleaned_data["override_reason"],
    )  # fmt: skip
    if created := submitted(form, call):
        messages.success(request, f"حوزه «{created.name}» با {to_persian_digits(created.seats)} عضو اصلی تعریف شد.")
        return redirect("elections:constituency", pk=created.pk)
    return _new_page(request, election_round, unit, form=form)


@guarded(MANAGE_CONSTITUENCY, target="round")
def settlements(request: HttpRequest, pk: int) -> HttpResponse:
    """The search results alone, for the htmx search field of the new-constituency page."""
    query = request.GET.get("q", "")[:100]
    context = {
        "election_round": _round(pk),
        "q": query,
        "results": selectors.settlements_to_set_up(acting(request), query),
    }
    return render(request, "elections/_settlements.html", context)


@guarded(MANAGE_CONSTITUENCY, target="round")
@require_POST
def population(request: HttpRequest, pk: int) -> HttpResponse:
    election_round = _round(pk)
    unit = _settlement(request, request.POST.get("unit", "")[:32])
    if unit is None:  # a form posted without its settlement: back to the search, saying what is missing
        messages.error(request, "شهر یا روستا را برگزینید.")
        return redirect("elections:constituency_new", pk=election_round.pk)
    form = PopulationForm(request.POST)
    data = form.cleaned_data if form.is_valid() else {}
    call = lambda: set_population(  # noqa: E731
        actor=acting(request), unit=unit, population=data["population"], year=data["year"], reason=data["reason"]
    )
    if submitted(form, call):
        messages.success(request, f"جمعیت «{unit.name}» ثبت شد.")
        return redirect(reverse("elections:constituency_new", args=[election_round.pk]) + f"?unit={unit.code}")
    return _new_page(request, election_round, unit, population_form=form)


@guarded(MANAGE_CONSTITUENCY, target="constituency")
def voting(request: HttpRequest, pk: int) -> HttpResponse:
    constituency = visible_constituency(request, pk)
    if not selectors.can_manage(acting(request), constituency.unit):
        raise PermissionDenied(MANAGE_CONSTITUENCY.refusal)
    initial = {"is_voting": "yes" if constituency.is_voting else "no", "reason": constituency.not_voting_reason}
    form = VotingForm(request.POST if request.method == "POST" else None, initial=initial)
    call = lambda: actions.set_voting(actor=acting(request), constituency=constituency, **form.cleaned_data)  # noqa: E731
    if submitted(form, call):
        messages.success(request, "وضعیت رأی‌گیری حوزه ثبت شد.")
        return redirect("elections:constituency", pk=pk)
    context = {"nav": "elections", "constituency": constituency, "form": form}
    return render(request, "elections/voting.html", context, status=status_of(form))
