"""Adding and editing one candidate or party list by hand, uploading a candidate's photo, serving photos."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from ostan.access.guards import guarded
from ostan.core.access import acting
from ostan.core.errors import NotFound
from ostan.core.text import to_persian_digits
from ostan.elections import actions, photos, selectors
from ostan.elections.forms import CandidateForm, PartyListForm, PhotoForm
from ostan.elections.models import Candidate, Constituency
from ostan.elections.permissions import MANAGE_CONSTITUENCY, READ_RESULTS
from ostan.elections.views.pages import visible_constituency
from ostan.pages.forms import status_of, submitted

PUBLIC_PHOTO_MAX_AGE = 3600


def _managed(request: HttpRequest, pk: int) -> Constituency:
    constituency = visible_constituency(request, pk)
    if not selectors.can_manage(acting(request), constituency.unit):
        raise PermissionDenied(MANAGE_CONSTITUENCY.refusal)
    return constituency


def _candidate(constituency: Constituency, pk: int) -> Candidate:
    try:
        return selectors.candidate_in(constituency, pk)
    except NotFound as exc:
        raise Http404(exc.message) from None


def _candidate_form(constituency: Constituency, data: Any, **kwargs: Any) -> CandidateForm:
    lists = list(constituency.party_lists.order_by("code")) if constituency.is_proportional else None
    return CandidateForm(data, party_lists=lists, **kwargs)


def _posted(request: HttpRequest) -> Any:
    return request.POST if request.method == "POST" else None


def _page(request: HttpRequest, constituency: Constituency, form: CandidateForm, **extra: Any) -> HttpResponse:
    context = {"nav": "elections", "constituency": constituency, "form": form, **extra}
    shown = [f for f in (form, extra.get("photo_form")) if f is not None]
    return render(request, "elections/candidate_form.html", context, status=status_of(*shown))


@guarded(MANAGE_CONSTITUENCY, target="constituency")
def candidate_new(request: HttpRequest, pk: int) -> HttpResponse:
    constituency = _managed(request, pk)
    form = _candidate_form(constituency, _posted(request))
    call = lambda: actions.add_candidate(actor=acting(request), constituency=constituency, entry=form.entry())  # noqa: E731
    if added := submitted(form, call):
        messages.success(request, f"نامزد «{added.full_name}» با کد {to_persian_digits(added.code)} ثبت شد.")
        return redirect("elections:constituency", pk=pk)
    return _page(request, constituency, form)


@guarded(MANAGE_CONSTITUENCY, target="candidate")
def candidate_edit(request: HttpRequest, pk: int, candidate_pk: int) -> HttpResponse:
    constituency = _managed(request, pk)
    candidate = _candidate(constituency, candidate_pk)
    form = _candidate_form(constituency, _posted(request), initial=CandidateForm.initial_of(candidate))
    call = lambda: actions.edit_candidate(actor=acting(request), candidate=candidate, entry=form.entry())  # noqa: E731
    if edited := submitted(form, call):
        messages.success(request, f"مشخصات «{edited.full_name}» ذخیره شد.")
        return redirect("elections:constituency", pk=pk)
    return _page(request, constituency, form, candidate=candidate, photo_form=PhotoForm())


@guarded(MANAGE_CONSTITUENCY, target="candidate")
@require_POST
def candidate_photo(request: HttpRequest, pk: int, candidate_pk: int) -> HttpResponse:
    constituency = _managed(request, pk)
    candidate = _candidate(constituency, candidate_pk)
    photo_form = PhotoForm(request.POST, request.FILES)
    call = lambda: actions.set_candidate_photo(actor=acting(request), candidate=candidate,  # noqa: E731
                                               data=photo_form.cleaned_data["photo"])  # fmt: skip
    if submitted(photo_form, call):
        messages.success(request, f"عکس «{candidate.full_name}» ذخیره شد.")
        return redirect("elections:candidate_edit", pk=pk, candidate_pk=candidate_pk)
    form = _candidate_form(constituency, None, initial=CandidateForm.initial_of(candidate))
    return _page(request, constituency, form, candidate=candidate, photo_form=photo_form)


@guarded(MANAGE_CONSTITUENCY, target="constituency")
def list_new(request: HttpRequest, pk: int) -> HttpResponse:
    constituency = _managed(request, pk)
    form = PartyListForm(_posted(request))
    call = lambda: actions.add_party_list(actor=acting(request), constituency=constituency, entry=form.entry())  # noqa: E731
    if added := submitted(form, call):
        messages.success(request, f"فهرست «{added.name}» با کد {to_persian_digits(added.code)} ثبت شد.")
        return redirect("elections:constituency", pk=pk)
    context = {"nav": "elections", "constituency": constituency, "form": form}
    return render(request, "elections/list_form.html", context, status=status_of(form))


@guarded(READ_RESULTS, target="photo")
def photo(request: HttpRequest, pk: int) -> FileResponse:
    """The stored photo as uploaded. ``nosniff`` and a strict CSP keep a browser from reading it as anything else."""
    try:
        candidate = selectors.photo_for_user(acting(request), pk)
        handle = default_storage.open(candidate.photo_path, "rb")
    except (NotFound, FileNotFoundError):
        raise Http404("عکسی پیدا نشد.") from None
    response = FileResponse(handle, content_type=photos.content_type(candidate.photo_path))
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    is_public = selectors.is_photo_public(candidate)
    response["Cache-Control"] = f"public, max-age={PUBLIC_PHOTO_MAX_AGE}" if is_public else "private, no-store"
    return response
