"""The organisation's reply templates: its officers (or the administrator) add, change and retire them."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from ostan.access.guards import guarded
from ostan.access.models import Organisation
from ostan.core.access import acting
from ostan.core.errors import DomainError
from ostan.pages.forms import status_of, submitted
from ostan.servicedesk import replies, selectors
from ostan.servicedesk.forms import ReplyTemplateForm
from ostan.servicedesk.permissions import MANAGE_REPLY_TEMPLATES


@guarded(MANAGE_REPLY_TEMPLATES)
def templates(request: HttpRequest) -> HttpResponse:
    actor = acting(request)
    own = ""
    if actor.organisation_id is not None:
        own = Organisation.objects.filter(pk=actor.organisation_id).values_list("code", flat=True).first() or ""
    form = ReplyTemplateForm(request.POST if request.method == "POST" else None, fixed_organisation=own)

    def call() -> object:
        data = form.cleaned_data
        return replies.save_reply_template(
            actor=actor, organisation_code=own or data["organisation"], step=data["step"], state=data["state"],
            title=data["title"], text=data["text"],
        )  # fmt: skip

    if request.method == "POST" and submitted(form, call) is not None:
        messages.success(request, "متن آماده ثبت شد.")
        return redirect("servicedesk:templates")
    context = {"nav": "desk", "form": form, "rows": selectors.managed_templates(actor)}
    return render(request, "servicedesk/templates.html", context, status=status_of(form))


@guarded(MANAGE_REPLY_TEMPLATES)
@require_POST
def retire(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        row = replies.deactivate_reply_template(actor=acting(request), template_id=pk)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"متن «{row.title}» کنار گذاشته شد.")
    return redirect("servicedesk:templates")
