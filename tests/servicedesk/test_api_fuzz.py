"""Fuzz the desk's API operations from the OpenAPI schema as the people who use them: a citizen filing and
tracking, an agency officer stepping requests through the inbox. Never a server error, every answer as
documented. (tests/api fuzzes every operation as a visitor and as an election official.)"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from django.test import Client
from schemathesis.checks import not_a_server_error

from ostan.wsgi import application
from tests.api.test_openapi_fuzz import FUZZ_SETTINGS, _keep_test_connection  # noqa: F401 — the fixture, applied here too
from tests.servicedesk.conftest import Desk

FUZZ = FUZZ_SETTINGS
schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application).include(path_regex="^/api/desk/")


def _cookies(person: Any) -> dict[str, str]:
    client = Client()
    client.force_login(person)
    return {"sessionid": client.cookies["sessionid"].value}


@pytest.fixture
def filed(desk: Desk) -> Desk:
    desk.file()
    desk.file("street-repair")
    return desk


@schema.parametrize()
@FUZZ
def test_citizen_requests_never_crash(case: Any, filed: Desk) -> None:
    case.call_and_validate(cookies=_cookies(filed.citizen), checks=[not_a_server_error])


@schema.parametrize()
@FUZZ
def test_officer_requests_never_crash(case: Any, filed: Desk) -> None:
    case.call_and_validate(cookies=_cookies(filed.water_officer), checks=[not_a_server_error])
