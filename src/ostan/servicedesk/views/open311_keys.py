"""The keys other systems file requests with through Open311, kept by the system administrator: a new key
is shown once, then only its first letters; a key is stopped, never deleted."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from ostan.access.guards import guarded
from ostan.core.access import acting
from ostan.core.errors import DomainError
from ostan.pages.forms import status_of, submitted
from ostan.servicedesk import actions
from ostan.servicedesk.forms import Open311KeyForm
from ostan.servicedesk.models import Open311Key
from ostan.servicedesk.permissions import MANAGE_OPEN311_KEYS


@guarded(MANAGE_OPEN311_KEYS)
def keys(request: HttpRequest) -> HttpResponse:
    actor = acting(request)
    form = Open311KeyForm(request.POST if request.method == "POST" else None)
    made = submitted(
        form,
        lambda: actions.create_open311_key(
            actor=actor, name=form.cleaned_data["name"], organisation_code=form.cleaned_data["organisation"]
        ),
        {"name": "name", "organisation": "organisation"},
    )
    context = {
        "nav": "desk", "form": form, "keys": Open311Key.objects.select_related("organisation"),
        "new_key": made[1] if made is not None else "", "new_name": made[0].name if made is not None else "",
    }  # fmt: skip
    return render(request, "servicedesk/open311_keys.html", context, status=status_of(form))


@guarded(MANAGE_OPEN311_KEYS)
@require_POST
def deactivate(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        key = actions.deactivate_open311_key(actor=acting(request), key_id=pk)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"کلید «{key.name}» از کار افتاد.")
    return redirect("servicedesk:open311_keys")
