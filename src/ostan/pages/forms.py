"""Running one action from a valid form, the same way on every page.

Policy refusals (out of scope, wrong role) become the 403 page with their Persian reason, and the action
has written nothing. Any other refusal lands on the form, next to the field it names: an entry's field
errors (``field_errors``), the field ``details["field"]`` names, or the field the page maps the error's
code to (``fields``); otherwise above the form.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404

from ostan.core.errors import DomainError, NotFound, PermissionRefused

NO_FIELDS: Mapping[str, str] = {}


def show_refusal(form: forms.Form, exc: DomainError, fields: Mapping[str, str] = NO_FIELDS) -> None:
    field_errors = getattr(exc, "field_errors", None)
    if isinstance(field_errors, Mapping):
        for field, message in field_errors.items():
            form.add_error(field if field in form.fields else None, message)
        return
    details = exc.details
    field = details.get("field") if isinstance(details, Mapping) else None
    if field is None:
        field = fields.get(exc.code)
    form.add_error(field if field in form.fields else None, exc.message)


def submitted[T](form: forms.Form, call: Callable[[], T], fields: Mapping[str, str] = NO_FIELDS) -> T | None:
    """The action's result, or None when the form or the action refused (the form then says why)."""
    if not form.is_bound or not form.is_valid():
        return None
    try:
        return call()
    except PermissionRefused as exc:
        raise PermissionDenied(exc.message) from None
    except NotFound as exc:
        raise Http404(exc.message) from None
    except DomainError as exc:
        show_refusal(form, exc, fields)
        return None


def status_of(*shown: forms.Form) -> int:
    """400 when a submitted form was refused, so tools and tests see the refusal."""
    return 400 if any(f.is_bound and f.errors for f in shown) else 200


def found[T](read: Callable[..., T], *args: object) -> T:
    """What ``read`` finds, or the 404 page with its Persian reason."""
    try:
        return read(*args)
    except NotFound as exc:
        raise Http404(exc.message) from None


class ConfirmForm(forms.Form):
    """The second step of an irreversible action: the page names what will happen, the person ticks this."""

    confirm = forms.BooleanField(
        label="می‌دانم این کار برگشت‌پذیر نیست و آن را انجام می‌دهم.",
        error_messages={"required": "برای انجام این کار، تأیید را علامت بزنید."},
    )
