"""A published Open311 client against the running server: ``georeport`` (PyPI) reads the services, a
definition, the list and one request in JSON and in XML. It has no call for filing, so the filing is a
plain form POST as the specification writes it (``urllib``), and the client then finds what was filed."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

import pytest
import requests
from georeport import GeoReport

from ostan.servicedesk import actions
from ostan.servicedesk.models import Channel, ServiceRequest
from tests.actors import SYSTEM
from tests.servicedesk.conftest import Desk, make_desk

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def site(live_server: Any, monkeypatch: pytest.MonkeyPatch) -> tuple[str, Desk, str]:
    monkeypatch.setenv("NO_PROXY", "*")  # the server is on this machine
    desk = make_desk()
    key = actions.create_open311_key(actor=SYSTEM, name="client")[1]
    return f"{live_server.url}/open311/v2", desk, key


def _file(root: str, data: dict[str, str]) -> tuple[int, Any]:
    body = urllib.parse.urlencode(data).encode()
    request = urllib.request.Request(f"{root}/requests.json", data=body, method="POST")  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:  # noqa: S310 (the test's own server)
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as refused:
        return refused.code, json.loads(refused.read())


def _listed(found: Any) -> list[dict[str, Any]]:
    """xmltodict gives one element as a mapping, several as a list."""
    return found if isinstance(found, list) else [found]


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_the_georeport_client_reads_what_a_post_filed(site: tuple[str, Desk, str], fmt: str) -> None:
    root, desk, key = site
    client = GeoReport(root, jurisdiction="ostan", output_format=fmt)
    services = {s["service_code"]: s for s in _listed(client.get_service_list())}
    assert services["water-outage"]["service_name"] == "قطعی آب"
    definition = client.get_service_definition("water-outage")
    assert definition["service_code"] == "water-outage"

    status, answer = _file(root, {"api_key": key, "jurisdiction_id": "ostan", "service_code": "water-outage",
                                  "address_id": desk.world.city_a.code, "description": "آب قطع است",
                                  "attribute[kind]": "complaint"})  # fmt: skip
    assert status == 201
    code = answer[0]["service_request_id"]
    found = ServiceRequest.objects.get(tracking_code=code)
    assert found.channel == Channel.OPEN311

    one = client.get_service_request(code)
    assert one["service_request_id"] == code
    assert one["status"] == "open"
    # The client sends no key with a list query, which the list of every code needs: it is refused, as
    # the spec's 403, and the same query with the key answers.
    with pytest.raises(requests.HTTPError) as refused:
        client.get_service_requests(service_code="water-outage", status="open")
    assert refused.value.response.status_code == 403
    query = {"service_code": "water-outage", "status": "open", "jurisdiction_id": "ostan", "api_key": key}
    listed = requests.get(f"{root}/requests.json", params=query, timeout=10).json()
    assert [r["service_request_id"] for r in listed] == [code]
    assert listed[0]["agency_responsible"] == "آبفای اراک"


def test_a_post_without_the_key_is_refused_as_the_specification_says(site: tuple[str, Desk, str]) -> None:
    root, desk, _key = site
    status, answer = _file(root, {"service_code": "water-outage", "address_id": desk.world.city_a.code,
                                  "description": "آب قطع است"})  # fmt: skip
    assert status == 403
    assert answer[0]["code"] == 403
    assert not ServiceRequest.objects.exists()
