"""Holding a temporary password opens one page only: the one that replaces it.

Sign-in already sends such a user there; this makes the rule hold for every later request too (a
bookmarked page, another tab, the API), so a password someone else chose never stays in use.
Requests without a session cookie (devices, the public) pass straight through, with no lookup.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from inspect import iscoroutinefunction
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import resolve_url
from django.urls import Resolver404, resolve
from django.utils.decorators import sync_and_async_middleware
from django.utils.http import urlencode

from ostan.accounts.errors import PasswordChangeRequired

# Views that stay open: replacing the password, leaving, and reading who one is.
OPEN_VIEWS = frozenset(
    {
        "accounts:password_change",
        "accounts:logout",
        "accounts:login",
        "api:me",
        "api:change_own_password",
    }
)
MESSAGE = "گذرواژهٔ موقت شما باید پیش از هر کار دیگری عوض شود."


def refusal(request: HttpRequest, user: Any) -> HttpResponse | None:
    """The answer to a request from ``user`` that must first change their password, or None to go on."""
    if not getattr(user, "must_change_password", False):
        return None
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    if match.view_name in OPEN_VIEWS:
        return None
    if match.namespace == "api":
        refused = PasswordChangeRequired(MESSAGE)
        return JsonResponse({"code": refused.code, "message": refused.message, "details": None}, status=refused.status)
    target = resolve_url("accounts:password_change")
    return HttpResponseRedirect(f"{target}?{urlencode({'next': request.get_full_path()})}")


@sync_and_async_middleware
def password_change_required(get_response: Callable[[HttpRequest], Any]) -> Callable[[HttpRequest], Any]:
    if iscoroutinefunction(get_response):

        async def middleware_async(request: HttpRequest) -> HttpResponse:
            has_session = settings.SESSION_COOKIE_NAME in request.COOKIES
            if has_session and (refused := refusal(request, await request.auser())) is not None:
                return refused
            response: Awaitable[HttpResponse] = get_response(request)
            return await response

        return middleware_async

    def middleware(request: HttpRequest) -> HttpResponse:
        has_session = settings.SESSION_COOKIE_NAME in request.COOKIES
        if has_session and (refused := refusal(request, request.user)) is not None:
            return refused
        response: HttpResponse = get_response(request)
        return response

    return middleware
