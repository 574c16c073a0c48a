"""The WSGI side of election day: signed device requests get a lean handler, everything else Django's.

Polling-station devices authenticate every request by its Ed25519 signature (see
``ostan.polling.device_requests``); they carry no session, no CSRF token, no cookie and no language
choice, and their answers are JSON that is never framed or cached. Running them through sessions,
CSRF, locale, auth, messages and whitenoise costs most of a check-in's server time on election day
for nothing, so the device endpoints (and only those, matched exactly) get a second handler whose
middleware is :data:`DEVICE_MIDDLEWARE` and whose URLconf holds only the API's polling routes
(resolving through every page's patterns first was a tenth of a check-in's time). Same views, same
error handling: a request without a valid signature is refused by the view exactly as before.
"""

import gc
import os
import re
import types
from collections.abc import Callable, Iterable
from typing import Any

from django.core.handlers.exception import convert_exception_to_response
from django.core.handlers.wsgi import WSGIHandler
from django.urls import set_urlconf
from django.utils.module_loading import import_string
from ninja import NinjaAPI

# The signed device endpoints of ostan.polling.api (tests/polling/test_device_handler.py keeps this
# in step with the router). The officials' polling endpoints use the session and are not matched.
DEVICE_PATH = re.compile(
    r"/api/polling/(?:check-ins|short-codes|ballots|ballots/open|ballots/batch|minutes/[0-9]+/signature)"
)
# The API's error shape for a method an endpoint does not take (one dictionary lookup per request).
DEVICE_MIDDLEWARE = ["django.middleware.security.SecurityMiddleware", "ostan.web.middleware.api_error_shape"]
YOUNG_GENERATION = 7_000  # objects allocated between collections of the youngest generation (default 700)


def device_urlconf(api: NinjaAPI) -> types.ModuleType:
    """A URLconf of the API's polling routes only, under the same prefix, names and namespace."""
    from django.urls import include, path

    patterns, app_name, namespace = api.urls
    polling = [p for p in patterns if str(p.pattern).startswith("polling/")]
    urlconf = types.ModuleType("ostan.polling.edge.device_urls")
    urlconf.urlpatterns = [path("api/", include((polling, app_name), namespace=namespace))]  # type: ignore[attr-defined]
    return urlconf


class DeviceHandler(WSGIHandler):
    """Django's WSGI handler with :data:`DEVICE_MIDDLEWARE` and :func:`device_urlconf`."""

    def __init__(self, api: NinjaAPI) -> None:
        super().__init__()
        self.urlconf = device_urlconf(api)

    def resolve_request(self, request: Any) -> Any:
        request.urlconf = self.urlconf
        return super().resolve_request(request)

    def get_response(self, request: Any) -> Any:
        try:
            response = super().get_response(request)
        finally:
            # Django leaves the request's urlconf set for the thread: code run later in it outside a request
            # (a task, a test) would otherwise reverse names against the devices' few routes.
            set_urlconf(None)
        if not response.streaming and not response.has_header("Content-Length"):  # as CommonMiddleware does
            response.headers["Content-Length"] = str(len(response.content))  # type: ignore[attr-defined]
        return response

    def load_middleware(self, is_async: bool = False) -> None:
        self._view_middleware: list[Any] = []
        self._template_response_middleware: list[Any] = []
        self._exception_middleware: list[Any] = []
        handler = convert_exception_to_response(self._get_response)  # type: ignore[attr-defined]
        for path in reversed(DEVICE_MIDDLEWARE):  # each of these is sync and has no process_view
            handler = convert_exception_to_response(import_string(path)(handler))
        self._middleware_chain = handler


def is_device_path(path: str) -> bool:
    return DEVICE_PATH.fullmatch(path) is not None


def _dispatcher(pages: WSGIHandler, devices: WSGIHandler) -> Callable[..., Iterable[bytes]]:
    def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        handler = devices if is_device_path(environ.get("PATH_INFO", "")) else pages
        return handler(environ, start_response)

    return application


def application_for(pages: WSGIHandler, api: NinjaAPI) -> Callable[..., Iterable[bytes]]:
    """The site's WSGI application: ``pages`` for everything, the device handler (``api``'s polling routes)
    for device requests."""
    return _dispatcher(pages, DeviceHandler(api))


# A device's ballot journal makes hundreds of thousands of short-lived objects a second; with the
# default threshold the collector ran every 700 of them and rescanned everything the application
# had loaded, 6-10 µs of every ballot's 40-50. The loaded application is set aside (freeze) and the
# youngest generation collected ten times less often. Only here: the check-in gateway's event loop
# (ostan.asgi) measured slower with the same setting.
def tune_collector() -> None:
    """Called once by the WSGI entry point, never by the check-in gateway."""
    if os.environ.get("OSTAN_WSGI_GC", "tuned") == "tuned":
        gc.freeze()
        gc.set_threshold(YOUNG_GENERATION, *gc.get_threshold()[1:])
