"""The network's home, a unit's network page, a council's page with its members, plans and actions."""

from __future__ import annotations

from typing import cast

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from ostan.access.guards import guarded
from ostan.access.models import Organisation
from ostan.core.access import Actor, acting, allows
from ostan.core.errors import NotFound
from ostan.core.network.progress import STATUS_LABELS
from ostan.network import actions, selectors
from ostan.network.committees import CATEGORY_COMMITTEE
from ostan.network.forms import ActionForm, BoundaryForm, CouncilForm, MemberForm, PlanForm
from ostan.network.models import Council
from ostan.network.permissions import (
    MANAGE_COUNCILS,
    MANAGE_CRISES,
    MANAGE_PLANS,
    READ_COORDINATION,
    READ_NETWORK,
    RESOLVE_OVERLAPS,
)
from ostan.pages.forms import found, status_of, submitted
from ostan.territory.models import Unit, UnitKind
from ostan.territory.scope import target_of

COUNCIL_KINDS = (UnitKind.NEIGHBOURHOOD, UnitKind.VILLAGE, UnitKind.COUNTY, UnitKind.PROVINCE)


def unit_or_404(request: HttpRequest, code: str) -> Unit:
    try:
        return selectors.unit_in_reach(acting(request), code)
    except NotFound as exc:
        raise Http404(exc.message) from None


def offers(actor: Actor, unit: Unit) -> dict[str, bool]:
    target = target_of(unit)
    return {
        "may_coordinate": allows(actor, READ_COORDINATION, target),
        "may_manage": allows(actor, MANAGE_COUNCILS, target),
        "may_resolve": allows(actor, RESOLVE_OVERLAPS, target),
        "may_declare": allows(actor, MANAGE_CRISES, target),
    }


@guarded(READ_NETWORK)
def home(request: HttpRequest) -> HttpResponse:
    actor = acting(request)
    if actor.unit_path is not None:
        unit = Unit.objects.filter(path=actor.unit_path).first()
        if unit is not None:
            return redirect("network:unit", code=unit.code)
    return render(request, "network/home.html", {"nav": "network"})


@guarded(READ_NETWORK, target="unit")
def unit(request: HttpRequest, code: str) -> HttpResponse:
    actor, current = acting(request), unit_or_404(request, code)
    rows = selectors.councils(actor, current)
    own = selectors.council_of(current)
    settlements = Unit.objects.filter(parent=current).order_by("name")[:300]
    context = {
        "nav": "network", "unit": current, "councils": rows[:500], "own_council": own,
        "takes_council": current.kind in COUNCIL_KINDS and own is None,
        "takes_boundary": current.kind in (UnitKind.NEIGHBOURHOOD, UnitKind.VILLAGE),
        "children": settlements, "council_form": CouncilForm(), "boundary_form": BoundaryForm(),
        **offers(actor, current),
    }  # fmt: skip
    return render(request, "network/unit.html", context)


@guarded(MANAGE_COUNCILS, target="unit")
@require_POST
def form_council(request: HttpRequest, code: str) -> HttpResponse:
    current = unit_or_404(request, code)
    form = CouncilForm(request.POST)
    if formed := submitted(form, lambda: actions.form_council(actor=acting(request), unit=current,
                                                              name=form.cleaned_data["name"])):  # fmt: skip
        messages.success(request, f"«{formed.name}» تشکیل شد.")
        return redirect("network:council", pk=formed.pk)
    messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect("network:unit", code=current.code)


@guarded(MANAGE_COUNCILS, target="unit")
@require_POST
def import_boundary(request: HttpRequest, code: str) -> HttpResponse:
    current = unit_or_404(request, code)
    form = BoundaryForm(request.POST, request.FILES)

    def call() -> object:
        return actions.import_boundary(actor=acting(request), unit=current, data=form.cleaned_data["boundary"].read())

    if submitted(form, call):
        messages.success(request, "مرز محله ثبت شد.")
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect("network:unit", code=current.code)


def _council_context(request: HttpRequest, council: Council, **forms_: forms.Form) -> dict[str, object]:
    actor = acting(request)
    target = target_of(council.unit)
    today = timezone.localdate()
    rows = [(a, selectors.status_of(a, today)) for a in selectors.actions_of_council(actor, council)]
    return {
        "nav": "network", "council": council, "unit": council.unit,
        "committees": council.committees.order_by("pk"), "members": council.members.select_related("organisation"),
        "plans": council.plans.order_by("-period"), "rows": rows, "status_labels": STATUS_LABELS,
        "may_manage": allows(actor, MANAGE_COUNCILS, target), "may_plan": allows(actor, MANAGE_PLANS, target),
        "member_form": forms_.get("member_form") or MemberForm(), "plan_form": forms_.get("plan_form") or PlanForm(),
    }  # fmt: skip


@guarded(READ_NETWORK, target="council")
def council(request: HttpRequest, pk: int) -> HttpResponse:
    shown = found(selectors.council, acting(request), pk)
    return render(request, "network/council.html", _council_context(request, shown))


@guarded(MANAGE_COUNCILS, target="council")
@require_POST
def add_member(request: HttpRequest, pk: int) -> HttpResponse:
    shown = found(selectors.council, acting(request), pk)
    form = MemberForm(request.POST)
    call = lambda: actions.add_member(actor=acting(request), council_id=shown.pk, **form.cleaned_data)  # noqa: E731
    if submitted(form, call):
        messages.success(request, "عضو افزوده شد.")
        return redirect("network:council", pk=pk)
    return render(request, "network/council.html", _council_context(request, shown, member_form=form),
                  status=status_of(form))  # fmt: skip


@guarded(MANAGE_PLANS, target="council")
@require_POST
def create_plan(request: HttpRequest, pk: int) -> HttpResponse:
    shown = found(selectors.council, acting(request), pk)
    form = PlanForm(request.POST)
    call = lambda: actions.create_plan(actor=acting(request), council_id=shown.pk, **form.cleaned_data)  # noqa: E731
    if submitted(form, call):
        messages.success(request, "برنامهٔ اقدام ثبت شد.")
        return redirect("network:council", pk=pk)
    return render(request, "network/council.html", _council_context(request, shown, plan_form=form),
                  status=status_of(form))  # fmt: skip


def _institutions(unit: Unit) -> list[tuple[str, str]]:
    """Organisations seated at or serving the unit or a unit above it: whoever may act there."""
    paths = ["/".join(unit.path.split("/")[:i]) for i in range(1, unit.path.count("/") + 2)]
    rows = Organisation.objects.filter(is_active=True, units__path__in=paths).distinct().order_by("name")
    return [(o.code, o.name) for o in rows[:500]]


@guarded(MANAGE_PLANS, target="council")
def add_action(request: HttpRequest, pk: int) -> HttpResponse:
    actor = acting(request)
    shown = found(selectors.council, actor, pk)
    form = ActionForm(request.POST or None)
    cast(forms.ChoiceField, form.fields["plan"]).choices = [
        (str(p.pk), p.period) for p in shown.plans.order_by("-period")
    ]
    cast(forms.ChoiceField, form.fields["organisation_code"]).choices = _institutions(shown.unit)

    def call() -> object:
        data = dict(form.cleaned_data)
        plan = int(data.pop("plan"))
        return actions.add_action(actor=actor, plan_id=plan, entry=actions.ActionEntry(**data))

    if request.method == "POST" and (added := submitted(form, call)):
        messages.success(request, "اقدام ثبت شد.")
        return redirect("network:action", pk=added.pk)  # type: ignore[attr-defined]
    context = {"nav": "network", "council": shown, "form": form, "category_committee": CATEGORY_COMMITTEE}
    return render(request, "network/action_form.html", context, status=status_of(form))
