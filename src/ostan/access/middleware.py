"""Puts the request's ``Actor`` on ``request.actor``, once, for every view, API operation and template."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import resolve_url

from ostan.access.actors import actor_of
from ostan.core.access import SignInRequired
from ostan.core.errors import NotFound, PermissionRefused


def actor(get_response: Callable[[HttpRequest], HttpResponse]) -> Callable[[HttpRequest], HttpResponse]:
    def middleware(request: HttpRequest) -> HttpResponse:
        request.actor = actor_of(request)  # type: ignore[attr-defined]
        return get_response(request)

    return middleware


class Refusals:
    """Pages raise the policy's own refusals; this turns them into what a browser expects: a visitor is sent
    to sign in (and back), a refusal becomes the 403 page with its Persian reason, a missing object the 404
    page. API operations answer in their own error shape before this is reached."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, SignInRequired):
            return redirect_to_login(request.get_full_path(), resolve_url(settings.LOGIN_URL))
        if isinstance(exception, PermissionRefused):
            raise PermissionDenied(exception.message) from exception
        if isinstance(exception, NotFound):
            raise Http404(exception.message) from exception
        return None
