"""The registry of organisations: a public, searchable list with each one's contacts and branches, and for
the governorate's and county offices' staff, registering, editing and importing a whole file at once."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from ostan.access import actions, selectors
from ostan.access.entries import entry_from
from ostan.access.forms import OrganisationFilterForm, OrganisationForm, OrganisationImportForm
from ostan.access.guards import guarded
from ostan.access.models import Organisation
from ostan.access.permissions import MANAGE_ORGANISATIONS, READ_ORGANISATION_CONTACTS, READ_ORGANISATIONS
from ostan.core.access import acting, allows
from ostan.core.tables import FileRejected
from ostan.pages.forms import found, status_of, submitted
from ostan.territory.models import Unit
from ostan.territory.scope import target_of

PER_PAGE = 50


@guarded(READ_ORGANISATIONS)
def organisation_list(request: HttpRequest) -> HttpResponse:
    form = OrganisationFilterForm(request.GET)
    wanted = selectors.OrganisationFilter()
    if form.is_valid():
        data = form.cleaned_data
        unit = Unit.objects.filter(code=data["unit"].strip()).first() if data["unit"].strip() else None
        wanted = selectors.OrganisationFilter(data["q"], data["kind"], data["category"], unit)
    page = Paginator(selectors.organisations(wanted), PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    actor = acting(request)
    context = {
        "nav": "organisations", "form": form, "page": page, "query": query.urlencode(),
        "may_manage": actor.is_person and MANAGE_ORGANISATIONS.reach_for(actor.role) is not None,
    }  # fmt: skip
    return render(request, "access/organisation_list.html", context)


@guarded(READ_ORGANISATIONS, target="organisation")
def organisation_detail(request: HttpRequest, code: str) -> HttpResponse:
    organisation = found(selectors.organisation, code)
    actor = acting(request)
    context = {
        "nav": "organisations", "organisation": organisation, "branches": selectors.branches(organisation),
        "units": selectors.served_units(organisation),
        "shows_contact_person": allows(actor, READ_ORGANISATION_CONTACTS),
        "may_edit": allows(actor, MANAGE_ORGANISATIONS, target_of(organisation.seat)),
    }  # fmt: skip
    return render(request, "access/organisation_detail.html", context)


def _initial(organisation: Organisation) -> dict[str, str]:
    return {
        "code": organisation.code, "name": organisation.name, "kind": organisation.kind,
        "parent": organisation.parent.code if organisation.parent else "", "seat": organisation.seat.code,
        "units": " ".join(organisation.units.order_by("path").values_list("code", flat=True)),
        "phone": organisation.phone, "email": organisation.email, "address": organisation.address,
        "contact_person": organisation.contact_person,
    }  # fmt: skip


@guarded(MANAGE_ORGANISATIONS)
def organisation_new(request: HttpRequest) -> HttpResponse:
    form = OrganisationForm(request.POST or None)
    call = lambda: actions.create_organisation(actor=acting(request), entry=entry_from(form.cells()))  # noqa: E731
    if request.method == "POST" and (created := submitted(form, call)):
        messages.success(request, f"«{created.name}» ثبت شد.")
        return redirect("access:organisation", code=created.code)
    context = {"nav": "organisations", "form": form, "import_form": OrganisationImportForm(), "is_new": True}
    return render(request, "access/organisation_form.html", context, status=status_of(form))


@guarded(MANAGE_ORGANISATIONS, target="organisation")
def organisation_edit(request: HttpRequest, code: str) -> HttpResponse:
    organisation = found(selectors.organisation, code)
    form = OrganisationForm(request.POST or None, initial=_initial(organisation))
    form.fields["code"].disabled = True

    def call() -> Organisation:
        cells = form.cells() | {"code": organisation.code}
        return actions.change_organisation(
            actor=acting(request), organisation_id=organisation.pk, entry=entry_from(cells)
        )

    if request.method == "POST" and (changed := submitted(form, call)):
        messages.success(request, f"«{changed.name}» ذخیره شد.")
        return redirect("access:organisation", code=changed.code)
    context = {"nav": "organisations", "form": form, "organisation": organisation, "is_new": False}
    return render(request, "access/organisation_form.html", context, status=status_of(form))


@guarded(MANAGE_ORGANISATIONS)
@require_POST
def organisation_import(request: HttpRequest) -> HttpResponse:
    form = OrganisationImportForm(request.POST, request.FILES)
    report: FileRejected | None = None
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            count = actions.import_organisations(actor=acting(request), file_name=upload.name, data=upload.read())
        except FileRejected as exc:
            report = exc
        else:
            messages.success(request, f"{count} سازمان از پرونده ثبت یا به‌روز شد.")
            return redirect("access:organisations")
    context = {
        "nav": "organisations", "form": OrganisationForm(), "import_form": form, "is_new": True, "report": report,
    }  # fmt: skip
    return render(request, "access/organisation_form.html", context, status=400)
