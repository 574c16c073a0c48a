"""The access matrix: every page and API operation, for every role and for anonymous visitors, against a
target in scope, in a sibling unit, in the parent unit and of another organisation, must be allowed or
refused exactly as its declared capability says. It finds new endpoints by itself: one without a policy
fails, and so does a policy whose target kind has no factory in ``tests/access/targets.py``.

How an answer is read: refused is 401, 403, 404 (objects out of scope are "not found") or a redirect to
the sign-in page; anything else but a server error is allowed (a 400 or 422 for an empty form or body
still means the door opened). Server errors fail on their own.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client
from pytest_django.fixtures import Settings

from ostan.core.access import Reach, Role, decide
from tests.access.endpoints import NINJA_VIEWS, PUBLIC_SCHEMA, Endpoint, endpoints, ninja_docs_policy
from tests.access.places import Places, Where, make_places
from tests.access.targets import FACTORIES, Lab, Placed
from tests.actors import as_actor

REFUSED = {401, 403, 404}
# Placeholders for public endpoints whose targets need no factory (what they find, or not, is public).
DUMMY = {"pk": 999_999, "seq": 1, "code": "X", "ballot_id": "X", "province_code": "00", "candidate_pk": 1}
ROLES: list[Role | None] = [*Role, None]
# Endpoints that end the session they are asked with: each is asked with a client of its own.
SIGNS_OUT = {"page accounts:logout"}
# Off with DEBUG off, as in production: a 404 for everyone (the demo's synthetic roll).
OFF_IN_PRODUCTION = {"page polling:roll_synthetic"}
# Public by policy, but a listing only integrators holding an Open311 key may read (as a device's signature
# is its own key): asked without one, everyone is refused alike, whatever their role.
KEYED = {"page open311:requests_json", "page open311:requests_xml"}


@dataclass(frozen=True)
class Outcome:
    endpoint: str
    role: str
    where: str
    expected: str
    observed: str


def is_refused(status: int, location: str, *, is_public: bool = False) -> bool:
    """A public door never refuses; what it finds behind it (or a 404) is its own business."""
    refused = REFUSED - {404} if is_public else REFUSED
    return status in refused or (status in (301, 302) and location.startswith("/accounts/login/"))


def ask(client: Client, endpoint: Endpoint, params: dict[str, Any]) -> tuple[int, str]:
    path = endpoint.path.format(**{k: params.get(k, DUMMY.get(k)) for k in _names(endpoint.path)})
    if endpoint.is_api:
        method = endpoint.methods[0].lower()
        if method == "get":
            response = client.get(path)
        else:
            response = getattr(client, method)(path, data=json.dumps({}), content_type="application/json")
    else:
        response = client.get(path)
        if response.status_code == 405:
            response = client.post(path, {})
    return response.status_code, response.get("Location", "")


def _names(path: str) -> list[str]:
    import re

    return re.findall(r"{(\w+)}", path)


def test_every_page_and_operation_declares_its_policy() -> None:
    missing = [e.name for e in endpoints() if e.policy is None]
    assert missing == [], f"no @guarded / @api_guarded policy: {missing}"
    docs = ninja_docs_policy()
    assert docs is not None
    assert docs.capability.is_public
    assert {"openapi-json", "openapi-view"} == NINJA_VIEWS  # the schema (PUBLIC_SCHEMA) is public by design
    assert PUBLIC_SCHEMA == "api:openapi-json"


def test_every_declared_target_has_a_factory() -> None:
    kinds = {e.policy.target for e in endpoints() if e.policy is not None and e.policy.target is not None}
    public_only = {e.policy.target for e in endpoints() if e.policy is not None and e.policy.capability.is_public}
    missing = sorted(k for k in kinds - set(FACTORIES) if k not in public_only)
    assert missing == [], f"targets without a factory in tests/access/targets.py: {missing}"


def _expected(places: Places, role: Role | None, endpoint: Endpoint, placed: Placed | None) -> bool:
    assert endpoint.policy is not None
    capability = endpoint.policy.capability
    actor = as_actor(places.people[role]) if role is not None else as_actor(None)
    if placed is None or (placed.is_public and not capability.is_write):
        reach = capability.reach_for(actor.role)
        return reach is not None and (reach is not Reach.SIGNED_IN or not actor.is_anonymous)
    if placed.target.unit_path is None:  # a national object (a round): the role alone decides
        return capability.reach_for(actor.role) is not None
    return decide(actor, capability, placed.target).allowed


def _placements(lab: Lab, role: Role | None, endpoint: Endpoint) -> list[tuple[Where, Placed | None]]:
    assert endpoint.policy is not None
    kind, capability = endpoint.policy.target, endpoint.policy.capability
    if kind is None or kind not in FACTORIES:
        return [(Where.IN_SCOPE, None)]
    wheres = [Where.IN_SCOPE]
    if role is not None and capability.reach_for(role) in (Reach.UNIT, Reach.ORGANISATION, Reach.OFFICE):
        wheres += [Where.SIBLING, Where.PARENT]
        if capability.reach_for(role) in (Reach.ORGANISATION, Reach.OFFICE):
            wheres.append(Where.OTHER_ORGANISATION)
    found = []
    for where in wheres:
        unit = lab.places.unit_for(role, where)
        if unit is None:
            continue
        placed = FACTORIES[kind](lab, unit, lab.places.organisation_for(role, where), role)
        if placed is not None:
            found.append((where, placed))
    return found or [(Where.IN_SCOPE, None)]


@pytest.fixture
def lab(db: None, settings: Settings) -> Lab:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.OSTAN_BULLETIN_KEY = "11" * 32
    return Lab(make_places())


# One test per role, so that the suite's workers share the walk (it is the suite's longest test).
@pytest.mark.parametrize("role", ROLES, ids=lambda role: str(role or "anonymous"))
def test_every_role_is_allowed_or_refused_as_the_policy_says(lab: Lab, role: Role | None) -> None:
    wrong: list[Outcome] = []
    checked = 0
    for endpoint in endpoints():
        for where, placed in _placements(lab, role, endpoint):
            expected = _expected(lab.places, role, endpoint, placed)
            client = lab.places.client(role, fresh=endpoint.name in SIGNS_OUT)
            status, location = ask(client, endpoint, placed.params if placed else {})
            assert status < 500, f"{endpoint.name} as {role} ({where}): {status}"
            if endpoint.name in OFF_IN_PRODUCTION:
                assert is_refused(status, location), f"{endpoint.name} answers {status} with DEBUG off"
                continue
            if endpoint.name in KEYED:
                assert status == 403, f"{endpoint.name} answers {status} to {role} without a key"
                continue
            refused = is_refused(status, location, is_public=endpoint.policy.capability.is_public)
            checked += 1
            if refused == expected:  # expected is "allowed"
                wrong.append(
                    Outcome(endpoint.name, str(role), where, "allowed" if expected else "refused", str(status))
                )
    listing = "\n".join(f"{o.endpoint} as {o.role} ({o.where}): expected {o.expected}, got {o.observed}" for o in wrong)
    assert not wrong, f"{len(wrong)} of {checked} requests disagree with the policy:\n{listing}"
