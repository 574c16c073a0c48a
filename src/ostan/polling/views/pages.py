"""What every election-day page shares: not-found reads become 404 pages, refusals land on the form."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse

from ostan.accounts.scope import OutOfScope
from ostan.core.errors import DomainError, NotFound, PermissionRefused
from ostan.elections.officials import is_election_official
from ostan.polling.forms import show_refusal


def nav(request: HttpRequest, here: str) -> dict[str, object]:
    """The polling pages' own header links: the roll only for election officials."""
    return {"nav": "polling", "here": here, "is_election_official": is_election_official(request.user)}


def found[T](read: Callable[..., T], *args: object) -> T:
    try:
        return read(*args)
    except NotFound as exc:
        raise Http404(exc.message) from None


def submitted[T](form: forms.Form, call: Callable[[], T]) -> T | None:
    """The action's result, or None when the form or the action refused (the form then says why).
    Scope and role refusals are 403 pages: the action wrote nothing."""
    if not form.is_bound or not form.is_valid():
        return None
    try:
        return call()
    except (OutOfScope, PermissionRefused) as exc:
        raise PermissionDenied(exc.message) from None
    except DomainError as exc:
        show_refusal(form, exc)
        return None


def status_of(*shown: forms.Form) -> int:
    """400 when a submitted form was refused, so tools and tests see the refusal."""
    return 400 if any(f.is_bound and f.errors for f in shown) else 200


def pdf_response(data: bytes, filename: str) -> HttpResponse:
    """A printed document as PDF: shown in the browser, saved under ``filename``, kept by no cache
    (minutes change as they are signed and confirmed; a ballot's record is nobody else's business)."""
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
