"""Stateful fuzzing: sequences of API calls where each step takes its ids from an earlier answer.

Separate calls with generated ids mostly meet 404s; the links schemathesis infers from the schema (a
constituency's id from one answer into its candidates, count and publish operations; a unit's code into
its children and population; minutes from closing a station into signing and confirming them) carry
real objects from step to step, so writes act on things that exist. As a county official who sends the
CSRF token, on a world with a round, a constituency, its candidates, a roll and stations; every answer
must be no server error, of the documented content type and, where documented, of its schema."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from hypothesis import HealthCheck, settings

from ostan.polling import constituencies, device_requests
from ostan.polling.edge import stations as stations_cache
from tests.api.test_openapi_fuzz import CHECKS, _keep_test_connection, schema
from tests.api.test_staff_api_fuzz import CSRF_SECRET
from tests.polling.world import make_polling_world

__all__ = ["_keep_test_connection"]


class OfficialWorkflow(schema.as_state_machine()):  # type: ignore[misc]
    cookies: dict[str, str] = {}

    def get_call_kwargs(self, case: Any) -> dict[str, Any]:
        return {"headers": {"X-CSRFToken": CSRF_SECRET}, "cookies": self.cookies}

    def validate_response(self, response: Any, case: Any, additional_checks: Any = None, **kwargs: Any) -> None:
        case.validate_response(response, checks=CHECKS)


@pytest.fixture
def signed_in(db: None) -> None:
    device_requests._cache.clear()
    stations_cache._cache.clear()
    constituencies.forget_all()
    world = make_polling_world(stations=2, voters=5)
    client = Client()
    client.force_login(world.official)
    OfficialWorkflow.cookies = {"sessionid": client.cookies["sessionid"].value, "csrftoken": CSRF_SECRET}


def test_linked_call_sequences_never_crash(signed_in: None) -> None:
    OfficialWorkflow.run(
        settings=settings(
            max_examples=25,
            stateful_step_count=6,
            deadline=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
        )
    )
