"""Fuzz the staff-accounts endpoints as a signed-in official who also sends the CSRF token, so that
generated bodies reach the actions (the general fuzz test's writes stop at the CSRF check)."""

from __future__ import annotations

from typing import Any

from django.test import Client

from tests.api.test_openapi_fuzz import CHECKS, FUZZ_SETTINGS, _keep_test_connection, fuzz_world, schema

__all__ = ["_keep_test_connection", "fuzz_world"]
CSRF_SECRET = "f" * 32  # Django accepts the bare secret when the header and the cookie agree

staff_schema = schema.include(path_regex=r"^/api/accounts/(staff|password)")


@staff_schema.parametrize()
@FUZZ_SETTINGS
def test_official_writes_never_crash(case: Any, fuzz_world: dict[str, Any]) -> None:
    client = Client()
    client.force_login(fuzz_world["official"])
    # Cookies go in ``cookies``: the WSGI transport drops a hand-written Cookie header.
    cookies = {"sessionid": client.cookies["sessionid"].value, "csrftoken": CSRF_SECRET}
    case.call_and_validate(headers={"X-CSRFToken": CSRF_SECRET}, cookies=cookies, checks=CHECKS)
