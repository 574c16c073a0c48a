"""The lean WSGI handler for signed device requests: exactly the device endpoints take it, they still
refuse unsigned and forged requests, and every other page keeps the full middleware."""

from __future__ import annotations

import io
import json
import sys
from typing import Any

from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from ostan import wsgi
from ostan.api import api
from ostan.polling.edge import wsgi as device_wsgi
from ostan.polling.simulator import new_token
from tests.polling.world import CHECK_IN_PATH, PollingWorld, check_in_payload


def _call(
    method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], bytes]:
    environ: dict[str, Any] = {
        "REQUEST_METHOD": method, "PATH_INFO": path, "QUERY_STRING": "", "SERVER_NAME": "testserver",
        "SERVER_PORT": "80", "SERVER_PROTOCOL": "HTTP/1.1", "wsgi.url_scheme": "http", "wsgi.input": io.BytesIO(body),
        "wsgi.errors": sys.stderr, "CONTENT_LENGTH": str(len(body)), "CONTENT_TYPE": "application/json",
    }  # fmt: skip
    for name, value in (headers or {}).items():
        environ["HTTP_" + name.upper().replace("-", "_")] = value
    started: list[Any] = []
    # As Django's test client does: the test's transaction must outlive the request's connection hygiene.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        chunks = wsgi.application(environ, lambda status, headers, *_: started.append((status, headers)))
        content = b"".join(chunks)
        getattr(chunks, "close", lambda: None)()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    status, response_headers = started[0]
    return int(status.split()[0]), dict(response_headers), content


def test_only_the_signed_device_endpoints_take_the_lean_handler() -> None:
    schema = api.get_openapi_schema()
    for path, operations in schema["paths"].items():
        concrete = path.replace("{pk}", "7").replace("{code}", "101")
        is_signed = any("X-Ostan" in (op.get("description") or "") for op in operations.values())
        assert device_wsgi.is_device_path(concrete) == is_signed, path
    assert not device_wsgi.is_device_path("/api/polling/check-ins/")
    assert not device_wsgi.is_device_path("/api/polling/stations/1/close")


def test_unsigned_and_forged_device_requests_are_still_refused(pw: PollingWorld) -> None:
    payload = json.dumps(check_in_payload(pw.voters[0], new_token()[1])).encode()
    status, _, content = _call("POST", CHECK_IN_PATH, payload)
    assert (status, json.loads(content)["code"]) == (401, "unsigned_request")
    body, headers = pw.auth[0].signed_json("POST", CHECK_IN_PATH, check_in_payload(pw.voters[0], new_token()[1]))
    forged = body.replace(pw.voters[0].encode(), pw.voters[1].encode())
    status, _, content = _call("POST", CHECK_IN_PATH, forged, headers)
    assert (status, json.loads(content)["code"]) == (401, "bad_signature")
    status, response_headers, content = _call("POST", CHECK_IN_PATH, body, headers)
    assert status == 200
    assert json.loads(content)["is_accepted"] is True
    assert "Set-Cookie" not in response_headers  # no session, no CSRF cookie
    assert response_headers["Content-Length"] == str(len(content))
    assert response_headers["X-Content-Type-Options"] == "nosniff"  # SecurityMiddleware still runs


def test_pages_and_the_schema_keep_the_full_middleware(pw: PollingWorld) -> None:
    status, headers, content = _call("GET", "/accounts/login/")
    assert status == 200
    assert "csrftoken" in headers.get("Set-Cookie", "")
    assert headers["X-Frame-Options"] == "DENY"
    assert "<html" in content.decode()
    status, _, content = _call("GET", "/api/openapi.json")
    assert status == 200
    assert "/api/polling/ballots/batch" in json.loads(content)["paths"]
    status, _, content = _call("GET", "/api/polling/stations")
    assert (status, json.loads(content)["code"]) == (401, "authentication_required")
