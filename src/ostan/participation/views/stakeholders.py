"""The stakeholder registry: the middle rings of the units in reach, each with its engagement history; the
personal data only for the office that keeps it."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from ostan.access.guards import guarded
from ostan.core.access import acting
from ostan.pages.forms import found, status_of, submitted
from ostan.participation import actions, selectors
from ostan.participation.entries import StakeholderEntry
from ostan.participation.forms import StakeholderFilterForm, StakeholderForm
from ostan.participation.models import Stakeholder
from ostan.participation.permissions import MANAGE_STAKEHOLDERS, READ_STAKEHOLDER_CONTACTS, READ_STAKEHOLDERS

PER_PAGE = 50


@guarded(READ_STAKEHOLDERS)
def stakeholders(request: HttpRequest) -> HttpResponse:
    actor = acting(request)
    filters = StakeholderFilterForm(request.GET)
    data = filters.cleaned_data if filters.is_valid() else {"q": "", "ring": ""}
    rows = selectors.stakeholders(actor, query=str(data["q"]), ring=str(data["ring"]))
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    may_add = MANAGE_STAKEHOLDERS.reach_for(actor.role) is not None
    context = {"nav": "participation", "page": page, "filters": filters, "may_add": may_add}
    return render(request, "participation/stakeholders.html", context)


@guarded(MANAGE_STAKEHOLDERS)
def new_stakeholder(request: HttpRequest) -> HttpResponse:
    actor = acting(request)
    form = StakeholderForm(request.POST or None, initial={"unit": request.GET.get("unit", "")})

    def call() -> Stakeholder:
        d = form.cleaned_data
        entry = StakeholderEntry(
            d["unit"], d["name"], d["ring"], d["affiliation"], d["phone"], d["email"], d["address"]
        )
        return actions.save_stakeholder(actor=actor, entry=entry)

    if request.method == "POST" and (saved := submitted(form, call)):
        messages.success(request, f"«{saved.name}» ثبت شد.")
        return redirect("participation:stakeholder", pk=saved.pk)
    context = {"nav": "participation", "form": form}
    return render(request, "participation/stakeholder_new.html", context, status=status_of(form))


@guarded(READ_STAKEHOLDERS, target="stakeholder")
def stakeholder(request: HttpRequest, pk: int) -> HttpResponse:
    actor = acting(request)
    item = found(selectors.stakeholder, actor, pk)
    context = {
        "nav": "participation", "item": item, "history": selectors.engagement(item),
        "contacts": selectors.can_see_contacts(actor, item),
    }  # fmt: skip
    return render(request, "participation/stakeholder.html", context)


@guarded(READ_STAKEHOLDER_CONTACTS, target="stakeholder")
def contacts(request: HttpRequest, pk: int) -> HttpResponse:
    """The personal data alone (for calling or writing to the stakeholder): the keeping office only."""
    item = found(selectors.stakeholder, acting(request), pk)
    return render(request, "participation/contacts.html", {"nav": "participation", "item": item})
