"""Running one action from a valid form: refusals land on the form, scope violations become 403."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from ostan.accounts.scope import OutOfScope
from ostan.core.errors import DomainError
from ostan.elections.forms import show_errors

if TYPE_CHECKING:
    from ostan.accounts.models import User


def submitted[T](form: forms.Form, call: Callable[[], T]) -> T | None:
    """The action's result, or None when the form or the action refused (the form then says why)."""
    if not form.is_bound or not form.is_valid():
        return None
    try:
        return call()
    except OutOfScope as exc:
        raise PermissionDenied(exc.message) from None
    except DomainError as exc:
        show_errors(form, exc)
        return None


def actor_of(request: HttpRequest) -> User:
    """The signed-in user who acts; visitors are refused before any form is read."""
    if not request.user.is_authenticated:
        raise PermissionDenied("برای این کار باید وارد سامانه شوید.")
    return request.user


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied("این صفحه در اختیار مسئولان انتخابات است.")


def status_of(*forms_shown: forms.Form) -> int:
    """400 when a submitted form was refused, so tools and tests see the refusal."""
    return 400 if any(f.is_bound and f.errors for f in forms_shown) else 200
