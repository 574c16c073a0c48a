"""What a URL's id parameter is taken to be before any view or operation runs."""

from __future__ import annotations

import pytest
from django.test import Client

from ostan.access.locators import whole_number
from ostan.core.access import Role
from tests.actors import make_person
from tests.elections.world import make_world


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("7", 7), ("-844704538", -844704538), (12, 12), ("0", 0), ("1" * 19, 0), ("131514544492310634545807360", 0)],
)
def test_ids_the_operation_would_parse_are_looked_up(raw: object, expected: int) -> None:
    assert whole_number(raw) == expected


@pytest.mark.parametrize("raw", ["null", "1e3", "۷", "--1", "-", "0x10", " 1"])
def test_what_names_no_id_is_left_to_the_operation(raw: object) -> None:
    assert whole_number(raw) is None


@pytest.mark.django_db
def test_a_negative_id_is_not_found_not_a_server_error() -> None:
    """Found by the stateful fuzzer: ``POST /api/results/constituencies/-844704538/aggregate`` passed the
    guard (the locator did not read a negative id) and failed inside the operation."""
    world = make_world()
    client = Client()
    client.force_login(make_person("neg-official", Role.COUNTY_ELECTION_OFFICIAL, world.county_a))
    paths = [f"/api/results/{kind}/{pk}/{verb}" for kind, verb in (("constituencies", "aggregate"),
             ("stations", "publish")) for pk in ("-5", "131514544492310634545807360")]  # fmt: skip
    for path in paths:
        response = client.post(path, content_type="application/json")
        assert response.status_code == 404, (path, response.content)
        assert response.json()["code"] == "not_found"
