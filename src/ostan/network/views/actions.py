"""An action's page, its progress report with evidence, and the evidence itself behind the policy."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from ostan.access.guards import guarded
from ostan.core.access import acting, allows
from ostan.core.errors import NotFound
from ostan.core.network.progress import STATUS_LABELS
from ostan.network import actions, evidence, selectors
from ostan.network.forms import ProgressForm
from ostan.network.permissions import READ_NETWORK, REPORT_PROGRESS, RESOLVE_OVERLAPS
from ostan.network.targets import target_of_action
from ostan.pages.forms import found, status_of, submitted
from ostan.territory.scope import target_of


@guarded(READ_NETWORK, target="network_action")
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    actor = acting(request)
    view = found(lambda: selectors.action(actor, pk, today=timezone.localdate()))
    item = view.item
    context = {
        "nav": "network", "view": view, "item": item, "unit": item.unit,
        "may_report": allows(actor, REPORT_PROGRESS, target_of_action(item)) and item.merged_into_id is None,
        "may_resolve": allows(actor, RESOLVE_OVERLAPS, target_of(item.unit)), "status_labels": STATUS_LABELS,
    }  # fmt: skip
    return render(request, "network/action.html", context)


@guarded(REPORT_PROGRESS, target="network_action")
def report(request: HttpRequest, pk: int) -> HttpResponse:
    actor = acting(request)
    view = found(lambda: selectors.action(actor, pk, today=timezone.localdate()))
    form = ProgressForm(request.POST or None, request.FILES or None, initial={"progress": view.item.progress})

    def call() -> object:
        data = form.cleaned_data
        upload = data.get("evidence")
        uploads = (actions.Upload(upload.name, upload.read()),) if upload else ()
        return actions.report_progress(
            actor=actor, action_id=pk, progress=data["progress"], reported_on=data["reported_on"],
            note=data["note"], uploads=uploads,
        )  # fmt: skip

    if request.method == "POST" and submitted(form, call) is not None:
        messages.success(request, "گزارش پیشرفت ثبت شد.")
        return redirect("network:action", pk=pk)
    context = {"nav": "network", "item": view.item, "unit": view.item.unit, "form": form}
    return render(request, "network/progress.html", context, status=status_of(form))


@guarded(READ_NETWORK, target="evidence")
def evidence_file(request: HttpRequest, pk: int) -> FileResponse:
    """The stored file as checked; ``nosniff`` and a sandboxing CSP keep a browser from running it."""
    try:
        item = selectors.evidence(acting(request), pk)
        handle = evidence.storage().open(item.stored_name, "rb")
    except (NotFound, FileNotFoundError):
        raise Http404("مستندی پیدا نشد.") from None
    response = FileResponse(handle, content_type=item.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    if item.content_type == "application/pdf":
        response["Content-Disposition"] = f'attachment; filename="evidence-{item.pk}.pdf"'
    return response
