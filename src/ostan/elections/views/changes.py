"""The office's buttons: imports, count, publish, lot seed. Each calls one action and reports back."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from ostan.access.guards import guarded
from ostan.core.access import acting
from ostan.core.errors import DomainError, PermissionRefused
from ostan.core.tables import FileRejected
from ostan.core.text import to_persian_digits
from ostan.elections import actions
from ostan.elections.forms import BallotUploadForm, LotSeedForm, RosterUploadForm
from ostan.elections.permissions import MANAGE_CONSTITUENCY
from ostan.elections.views.pages import constituency_context, visible_constituency

IMPORTS: dict[str, Callable[..., object]] = {
    "lists": actions.import_lists,
    "candidates": actions.import_candidates,
    "ballots": actions.import_ballots,
}
IMPORTED = {"lists": "فهرست", "candidates": "نامزد", "ballots": "برگه رأی"}


def _back(request: HttpRequest, pk: int) -> HttpResponse:
    return redirect("elections:constituency", pk=pk)


@guarded(MANAGE_CONSTITUENCY, target="constituency")
@require_POST
def import_file(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    constituency = visible_constituency(request, pk)
    if kind not in IMPORTS:
        messages.error(request, "نوع پرونده شناخته نیست.")
        return _back(request, pk)
    form = (BallotUploadForm if kind == "ballots" else RosterUploadForm)(request.POST, request.FILES)
    if not form.is_valid():
        for error in form.errors.get("file", []) + form.errors.get("source", []):
            messages.error(request, str(error))
        return _back(request, pk)
    upload = form.cleaned_data["file"]
    extra = {"source": form.cleaned_data["source"]} if kind == "ballots" else {}
    try:
        result = IMPORTS[kind](actor=acting(request), constituency=constituency, file_name=upload.name,
                               data=upload.read(), **extra)  # fmt: skip
    except PermissionRefused:
        raise
    except FileRejected as exc:
        report = {"report": exc.errors, "report_message": exc.message, "report_file": upload.name}
        return render(request, "elections/constituency.html", constituency_context(request, constituency, **report),
                      status=400)  # fmt: skip
    except DomainError as exc:
        messages.error(request, exc.message)
        return _back(request, pk)
    imported = result if isinstance(result, int) else getattr(result, "ballot_count", 0)
    messages.success(request, f"{to_persian_digits(imported)} {IMPORTED[kind]} وارد شد.")
    return _back(request, pk)


def _run(request: HttpRequest, pk: int, action: Callable[..., object], done: str, **kwargs: object) -> HttpResponse:
    constituency = visible_constituency(request, pk)
    try:
        action(actor=acting(request), constituency=constituency, **kwargs)
    except PermissionRefused:
        raise
    except DomainError as exc:
        messages.error(request, exc.message)
        return _back(request, pk)
    messages.success(request, done)
    return _back(request, pk)


@guarded(MANAGE_CONSTITUENCY, target="constituency")
@require_POST
def count(request: HttpRequest, pk: int) -> HttpResponse:
    return _run(request, pk, actions.count_constituency, "شمارش انجام و نتیجه ثبت شد.")


@guarded(MANAGE_CONSTITUENCY, target="constituency")
@require_POST
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    return _run(request, pk, actions.publish_results, "نتایج اعلام شد.")


@guarded(MANAGE_CONSTITUENCY, target="constituency")
@require_POST
def set_seed(request: HttpRequest, pk: int) -> HttpResponse:
    form = LotSeedForm(request.POST)
    if not form.is_valid():
        messages.error(request, "بذر قرعه را وارد کنید.")
        return _back(request, pk)
    return _run(request, pk, actions.set_lot_seed, "بذر قرعه ثبت شد.", seed=form.cleaned_data["seed"])
