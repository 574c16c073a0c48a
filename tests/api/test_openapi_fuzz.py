"""Fuzz every API operation from its own OpenAPI schema: whatever the input, never a server error, and
every response matches the schema it documents. Run both as an anonymous visitor and as an official."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

from ostan.core.access import Role
from ostan.core.text import search_key
from ostan.territory.models import Unit, UnitKind
from ostan.wsgi import application
from tests.actors import make_person

# No server error; the content type the operation documents; where a status is documented, its schema.
CHECKS = [not_a_server_error, content_type_conformance, response_schema_conformance]
# Derandomised, so every run sends the same cases. Fifteen per operation and role (schemathesis sends each
# operation's documented examples and boundaries among the first) keep the whole suite within its time budget.
FUZZ_SETTINGS = settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)


def _unit(code: str, kind: str, name: str, parent: Unit | None, population: int | None = None) -> Unit:
    path = f"{parent.path}/{code}" if parent else code
    return Unit.objects.create(
        code=code,
        kind=kind,
        name=name,
        search_key=search_key(name),
        parent=parent,
        path=path,
        depth=path.count("/"),
        population=population,
    )


@pytest.fixture(autouse=True)
def _keep_test_connection() -> Any:
    """The raw WSGI app closes the database connection after each request; inside a test transaction
    that would close the test's own connection. Django's test client disconnects the same signals."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def fuzz_world(db: Any) -> dict[str, Any]:
    country = _unit("IR", UnitKind.COUNTRY, "ایران", None)
    province = _unit("05", UnitKind.PROVINCE, "کرمانشاه", country, 1952434)
    county = _unit("0502", UnitKind.COUNTY, "کرمانشاه", province, 1083833)
    district = _unit("050204", UnitKind.DISTRICT, "مرکزی", county)
    _unit("0502041258", UnitKind.CITY, "کرمانشاه", district)
    official = make_person("fuzz-official", Role.COUNTY_ELECTION_OFFICIAL, county, password="fuzz-password-123")
    return {"official": official}


# The schema is read from the app itself (no database needed for that); each case runs inside the
# test's database transaction with the fuzz_world data.
schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)


@schema.parametrize()
@FUZZ_SETTINGS
def test_anonymous_requests_never_crash(case: Any, fuzz_world: dict[str, Any]) -> None:
    case.call_and_validate(checks=CHECKS)


@schema.parametrize()
@FUZZ_SETTINGS
def test_official_requests_never_crash(case: Any, fuzz_world: dict[str, Any]) -> None:
    client = Client()
    client.force_login(fuzz_world["official"])
    # In ``cookies``, not a hand-written Cookie header: the WSGI transport drops that header, and the
    # "official" requests then ran as anonymous ones.
    cookies = {"sessionid": client.cookies["sessionid"].value}
    case.call_and_validate(cookies=cookies, checks=CHECKS)
