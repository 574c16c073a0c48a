"""The WSGI entry point: signed device requests go to a lean handler, everything else to Django's.

Polling-station devices authenticate every request by its Ed25519 signature (see
``ostan.polling.device_requests``); they carry no session, no CSRF token, no cookie and no language
choice, and their answers are JSON that is never framed or cached. Running them through sessions,
CSRF, locale, auth, messages and whitenoise costs most of a check-in's server time on election day
for nothing, so the device endpoints (and only those, matched exactly) get a second handler whose
middleware is :data:`DEVICE_MIDDLEWARE`. Same URLconf, same views, same error handling: a request
without a valid signature is refused by the view exactly as before.
"""

import os
import re
from collections.abc import Callable, Iterable
from typing import Any

from django.core.handlers.exception import convert_exception_to_response
from django.core.handlers.wsgi import WSGIHandler
from django.core.wsgi import get_wsgi_application
from django.utils.module_loading import import_string

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ostan.settings")

# The signed device endpoints of ostan.polling.api (tests/polling/test_device_handler.py keeps this
# in step with the router). The officials' polling endpoints use the session and are not matched.
DEVICE_PATH = re.compile(r"/api/polling/(?:check-ins|ballots|ballots/open|ballots/batch|minutes/[0-9]+/signature)")
DEVICE_MIDDLEWARE = ["django.middleware.security.SecurityMiddleware"]


class DeviceHandler(WSGIHandler):
    """Django's WSGI handler with :data:`DEVICE_MIDDLEWARE` instead of ``settings.MIDDLEWARE``."""

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


application = _dispatcher(get_wsgi_application(), DeviceHandler())
