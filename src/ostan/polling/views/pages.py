"""What every election-day page shares: not-found reads become 404 pages, refusals land on the form."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.http import HttpRequest, HttpResponse

from ostan.core.access import acting
from ostan.elections.selectors import is_election_official
from ostan.pages import forms as page_forms
from ostan.pages.forms import found, status_of
from ostan.polling.forms import FIELD_OF_CODE

__all__ = ["found", "nav", "pdf_response", "status_of", "submitted"]


def nav(request: HttpRequest, here: str) -> dict[str, object]:
    """The polling pages' own header links: the roll only for election officials."""
    return {"nav": "polling", "here": here, "is_election_official": is_election_official(acting(request))}


def submitted[T](form: forms.Form, call: Callable[[], T]) -> T | None:
    """The shared form runner, with the election-day error codes placed on their fields."""
    return page_forms.submitted(form, call, FIELD_OF_CODE)


def pdf_response(data: bytes, filename: str) -> HttpResponse:
    """A printed document as PDF: shown in the browser, saved under ``filename``, kept by no cache
    (minutes change as they are signed and confirmed; a ballot's record is nobody else's business)."""
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
