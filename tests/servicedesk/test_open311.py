"""Open311 GeoReport v2 conformance: every resource in JSON and in XML, each error in the specification's
shape and status, the lifecycle's statuses, filing only with an active key, and no personal data out."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from ostan.auditlog.models import Entry as AuditEntry
from ostan.core.access import Role
from ostan.core.errors import DomainError
from ostan.servicedesk import actions
from ostan.servicedesk.entries import Filing, ServiceEntry
from ostan.servicedesk.models import Channel, Open311Key, ServiceRequest
from tests.actors import SYSTEM, as_actor, make_person
from tests.servicedesk.conftest import Desk

BASE = "/open311/v2"
FORMATS = ["json", "xml"]


def _key(name: str = "سامانه شهرداری") -> str:
    return actions.create_open311_key(actor=SYSTEM, name=name)[1]


def _read(response: Any, fmt: str) -> Any:
    """The answer as plain values: JSON as it is, XML as (tag, text or children) for the checks below."""
    if fmt == "json":
        assert response["Content-Type"].startswith("application/json")
        return json.loads(response.content)
    assert response["Content-Type"].startswith("text/xml")
    return ET.fromstring(response.content)  # noqa: S314 (our own server's answer)


def _errors(response: Any, fmt: str) -> list[tuple[int, str]]:
    body = _read(response, fmt)
    if fmt == "json":
        return [(e["code"], e["description"]) for e in body]
    assert body.tag == "errors"
    return [(int(e.findtext("code") or 0), e.findtext("description") or "") for e in body.findall("error")]


def _rows(response: Any, fmt: str) -> list[dict[str, str]]:
    """Requests (or services) as dictionaries of text, whichever format carried them."""
    body = _read(response, fmt)
    if fmt == "json":
        return [{k: "" if v is None else str(v) for k, v in row.items()} for row in body]
    return [{child.tag: child.text or "" for child in item} for item in body]


def _post(fmt: str, **data: str) -> Any:
    return Client().post(f"{BASE}/requests.{fmt}", data)


def _filing(key: str, **extra: str) -> dict[str, str]:
    return {"api_key": key, "service_code": "water-outage", "address_id": "", "description": "لوله شکسته", **extra}


@pytest.mark.parametrize("fmt", FORMATS)
def test_discovery_names_the_specification_and_both_formats(desk: Desk, fmt: str) -> None:
    answer = Client().get(f"{BASE}/discovery.{fmt}")
    assert answer.status_code == 200
    body = _read(answer, fmt)
    if fmt == "json":
        endpoint = body["endpoints"][0]
        assert endpoint["specification"] == "http://wiki.open311.org/GeoReport_v2"
        assert endpoint["url"] == "http://testserver/open311/v2"
        assert set(endpoint["formats"]) == {"application/json", "text/xml"}
    else:
        assert body.tag == "discovery"
        endpoint = body.find("endpoints/endpoint")
        assert endpoint is not None
        assert endpoint.findtext("specification") == "http://wiki.open311.org/GeoReport_v2"
        assert {f.text for f in endpoint.findall("formats/format")} == {"application/json", "text/xml"}


@pytest.mark.parametrize("fmt", FORMATS)
def test_services_list_the_active_catalogue(desk: Desk, fmt: str) -> None:
    answer = Client().get(f"{BASE}/services.{fmt}")
    assert answer.status_code == 200
    rows = {r["service_code"]: r for r in _rows(answer, fmt)}
    assert set(rows) == {"water-outage", "street-repair", "ideas"}
    assert rows["water-outage"]["service_name"] == "قطعی آب"
    assert rows["water-outage"]["metadata"] in ("True", "true")
    assert rows["water-outage"]["type"] == "realtime"


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_service_definition_asks_the_kind_among_its_catalogue_kinds(desk: Desk, fmt: str) -> None:
    answer = Client().get(f"{BASE}/services/water-outage.{fmt}")
    assert answer.status_code == 200
    body = _read(answer, fmt)
    if fmt == "json":
        assert body["service_code"] == "water-outage"
        (attribute,) = body["attributes"]
        assert attribute["code"] == "kind"
        assert attribute["datatype"] == "singlevaluelist"
        assert [v["key"] for v in attribute["values"]] == ["complaint", "request"]
    else:
        assert body.tag == "service_definition"
        assert body.findtext("service_code") == "water-outage"
        keys = [v.findtext("key") for v in body.findall("attributes/attribute/values/value")]
        assert keys == ["complaint", "request"]
        assert body.findtext("attributes/attribute/required") == "false"


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_unknown_service_definition_is_a_404_in_the_errors_shape(desk: Desk, fmt: str) -> None:
    answer = Client().get(f"{BASE}/services/no-such.{fmt}")
    assert answer.status_code == 404
    ((code, description),) = _errors(answer, fmt)
    assert code == 404
    assert "service_code" in description


@pytest.mark.parametrize("fmt", FORMATS)
def test_another_jurisdiction_is_refused_ours_accepted(desk: Desk, fmt: str) -> None:
    key = _key()
    for path in ("services", "requests", "services/water-outage"):
        refused = Client().get(f"{BASE}/{path}.{fmt}", {"jurisdiction_id": "elsewhere.example", "api_key": key})
        assert refused.status_code == 404
        assert _errors(refused, fmt)[0][0] == 404
        assert "jurisdiction_id" in _errors(refused, fmt)[0][1]
        assert Client().get(f"{BASE}/{path}.{fmt}", {"jurisdiction_id": "ostan", "api_key": key}).status_code == 200
    posted = _post(fmt, **_filing(key, address_id=desk.world.city_a.code, jurisdiction_id="elsewhere.example"))
    assert posted.status_code == 404
    assert not ServiceRequest.objects.exists()


@pytest.mark.parametrize("fmt", FORMATS)
def test_filing_with_a_key_goes_through_the_desks_intake(desk: Desk, fmt: str) -> None:
    key = _key()
    answer = _post(fmt, **_filing(key, address_id=desk.world.city_a.code, first_name="مریم", last_name="احمدی",
                                  phone="09351112233", email="m@example.com"))  # fmt: skip
    assert answer.status_code == 201
    (row,) = _rows(answer, fmt)
    found = ServiceRequest.objects.get()
    assert row["service_request_id"] == found.tracking_code
    assert found.channel == Channel.OPEN311
    assert found.organisation == desk.water  # routed as any other request
    assert found.citizen_name == "مریم احمدی"
    assert found.citizen_mobile == "09351112233"
    assert found.kind == "request"  # the service's kinds include it: the default
    audit = AuditEntry.objects.get(event="servicedesk.request_filed")
    assert audit.actor_reason == "Open311: سامانه شهرداری"


def test_filing_takes_the_kind_asked_by_the_definition_and_a_unit_by_name(desk: Desk) -> None:
    key = _key()
    answer = _post("json", **_filing(key, address_string=desk.world.village_a.name, **{"attribute[kind]": "complaint"}))
    assert answer.status_code == 201, answer.content
    assert ServiceRequest.objects.get().kind == "complaint"
    wrong = _post("json", **_filing(key, address_id=desk.world.city_a.code, **{"attribute[kind]": "idea"}))
    assert wrong.status_code == 400
    assert "attribute[kind]" in _errors(wrong, "json")[0][1]


@pytest.mark.parametrize("fmt", FORMATS)
def test_filing_without_a_valid_active_key_is_403(desk: Desk, fmt: str) -> None:
    unit = desk.world.city_a.code
    stopped = actions.create_open311_key(actor=SYSTEM, name="قدیمی")
    actions.deactivate_open311_key(actor=SYSTEM, key_id=stopped[0].pk)
    for key in ("", "not-a-key", stopped[1]):
        answer = _post(fmt, **_filing(key, address_id=unit))
        assert answer.status_code == 403
        assert _errors(answer, fmt)[0][0] == 403
    assert not ServiceRequest.objects.exists()


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    ("change", "said"),
    [
        ({"service_code": ""}, "service_code"),
        ({"service_code": "no-such"}, "service_code"),
        ({"address_id": ""}, "location"),
        ({"description": " "}, "description"),
        ({"address_id": "99999999"}, "unit"),
        ({"phone": "12"}, "mobile"),
    ],
)
def test_a_wrong_filing_is_400_saying_what(desk: Desk, fmt: str, change: dict[str, str], said: str) -> None:
    data = {**_filing(_key(), address_id=desk.world.city_a.code), **change}
    answer = _post(fmt, **data)
    assert answer.status_code == 400
    ((code, description),) = _errors(answer, fmt)
    assert code == 400
    assert said in description
    assert not ServiceRequest.objects.exists()


def _open_and_closed(desk: Desk) -> tuple[ServiceRequest, ServiceRequest]:
    still_open = desk.file()
    done = desk.file()
    officer = as_actor(desk.water_officer)
    actions.accept_request(actor=officer, request_id=done.pk)
    actions.answer_request(actor=officer, request_id=done.pk, answer="لوله تعویض شد.")
    actions.close_request(actor=as_actor(desk.citizen), request_id=done.pk)
    return still_open, ServiceRequest.objects.get(pk=done.pk)


@pytest.mark.parametrize("fmt", FORMATS)
def test_one_request_by_tracking_code_with_the_lifecycle_status(desk: Desk, fmt: str) -> None:
    still_open, done = _open_and_closed(desk)
    for found, status in ((still_open, "open"), (done, "closed")):
        answer = Client().get(f"{BASE}/requests/{found.tracking_code}.{fmt}")
        assert answer.status_code == 200
        (row,) = _rows(answer, fmt)
        assert row["service_request_id"] == found.tracking_code
        assert row["status"] == status
        assert row["service_code"] == "water-outage"
        assert row["agency_responsible"] == "آبفای اراک"
        assert row["address_id"] == desk.world.city_a.code
        assert bool(row["expected_datetime"]) is (status == "open")
    missing = Client().get(f"{BASE}/requests/0000000000.{fmt}")
    assert missing.status_code == 404
    assert _errors(missing, fmt)[0][0] == 404


@pytest.mark.parametrize("fmt", FORMATS)
def test_public_reads_carry_no_personal_data(desk: Desk, fmt: str) -> None:
    key = _key()
    personal = {"first_name": "مریم", "last_name": "احمدی", "phone": "09351112233", "email": "m@example.com",
                "description": "خانهٔ پلاک ۱۲ آب ندارد"}  # fmt: skip
    posted = _post(fmt, **_filing(key, address_id=desk.world.city_a.code, **personal))
    desk.file()  # a citizen's own, with a national code and a mobile
    code = ServiceRequest.objects.filter(channel=Channel.OPEN311).get().tracking_code
    listed = Client().get(f"{BASE}/requests.{fmt}").content.decode()
    one = Client().get(f"{BASE}/requests/{code}.{fmt}").content.decode()
    for shown in (posted.content.decode(), listed, one):
        for secret in ("مریم", "احمدی", "09351112233", "m@example.com", "پلاک", "09121234567", "0499370899",
                       "آب محله"):  # fmt: skip
            assert secret not in shown


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_list_filters_by_id_service_status_and_dates(desk: Desk, fmt: str) -> None:
    still_open, done = _open_and_closed(desk)
    repair = desk.file("street-repair")
    old = desk.file(at=timezone.now() - dt.timedelta(days=200))
    key = _key()

    def ids(**params: str) -> set[str]:
        answer = Client().get(f"{BASE}/requests.{fmt}", {**params, "api_key": key})
        assert answer.status_code == 200
        return {r["service_request_id"] for r in _rows(answer, fmt)}

    recent = {still_open.tracking_code, done.tracking_code, repair.tracking_code}
    assert ids() == recent  # the last 90 days
    assert ids(status="open") == {still_open.tracking_code, repair.tracking_code}
    assert ids(status="closed") == {done.tracking_code}
    assert ids(status="open,closed") == recent
    assert ids(service_code="street-repair") == {repair.tracking_code}
    assert ids(service_code="street-repair,water-outage", status="closed") == {done.tracking_code}
    # By id the other filters do not count, and the window does not either.
    assert ids(service_request_id=f"{old.tracking_code},{repair.tracking_code}", status="closed") == {
        old.tracking_code, repair.tracking_code,
    }  # fmt: skip
    start = (timezone.now() - dt.timedelta(days=210)).strftime("%Y-%m-%dT%H:%M:%SZ")
    end = (timezone.now() - dt.timedelta(days=150)).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert ids(start_date=start, end_date=end) == {old.tracking_code}
    assert ids(start_date=start) == {old.tracking_code}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    "params",
    [
        {"start_date": "yesterday"},
        {"start_date": "2026-01-01T00:00:00Z", "end_date": "2026-06-01T00:00:00Z"},  # over 90 days
        {"start_date": "2026-02-01T00:00:00Z", "end_date": "2026-01-01T00:00:00Z"},
        {"status": "pending"},
    ],
)
def test_a_wrong_list_query_is_400(desk: Desk, fmt: str, params: dict[str, str]) -> None:
    answer = Client().get(f"{BASE}/requests.{fmt}", {**params, "api_key": _key()})
    assert answer.status_code == 400
    assert _errors(answer, fmt)[0][0] == 400


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_list_of_every_code_needs_a_key_one_request_does_not(desk: Desk, fmt: str) -> None:
    """A tracking code opens its request's status page: listing every code is for integrators holding a
    key; whoever already has one code may read that request."""
    found = desk.file()
    for params in ({}, {"api_key": "not-a-key"}):
        refused = Client().get(f"{BASE}/requests.{fmt}", params)
        assert refused.status_code == 403
        assert "api_key" in _errors(refused, fmt)[0][1]
    assert Client().get(f"{BASE}/requests/{found.tracking_code}.{fmt}").status_code == 200


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_token_names_the_request_it_became(desk: Desk, fmt: str) -> None:
    found = desk.file()
    answer = Client().get(f"{BASE}/tokens/{found.tracking_code}.{fmt}")
    assert answer.status_code == 200
    assert _rows(answer, fmt) == [{"token": found.tracking_code, "service_request_id": found.tracking_code}]
    missing = Client().get(f"{BASE}/tokens/nothing.{fmt}")
    assert missing.status_code == 404
    assert _errors(missing, fmt)[0][0] == 404


def test_xml_escapes_what_the_catalogue_holds(desk: Desk) -> None:
    actions.save_service(actor=SYSTEM, entry=ServiceEntry("pipes", 'لوله <آب> & "فاضلاب"', ("request",)))
    answer = Client().get(f"{BASE}/services.xml")
    names = {r["service_code"]: r["service_name"] for r in _rows(answer, "xml")}
    assert names["pipes"] == 'لوله <آب> & "فاضلاب"'
    assert b"<\xd8\xa2\xd8\xa8>" not in answer.content  # never raw markup


def test_the_administrator_makes_a_key_sees_it_once_and_stops_it(desk: Desk) -> None:
    admin = make_person("admin", Role.SYSTEM_ADMINISTRATOR, desk.world.province)
    client = Client()
    client.force_login(admin)
    assert "/desk/open311-keys/" in client.get("/desk/").content.decode()  # reached from the desk's page
    made = client.post("/desk/open311-keys/", {"name": "سامانهٔ ۱۳۷", "organisation": "MUN-ARAK"})
    assert made.status_code == 200
    raw = made.context["new_key"]
    assert len(raw) > 30
    key = Open311Key.objects.get()
    assert key.organisation == desk.municipality
    assert raw not in client.get("/desk/open311-keys/").content.decode()  # shown once only
    assert key.key_hash != raw
    assert _post("json", **_filing(raw, address_id=desk.world.city_a.code)).status_code == 201
    stopped = client.post(f"/desk/open311-keys/{key.pk}/deactivate/")
    assert stopped.status_code == 302
    assert _post("json", **_filing(raw, address_id=desk.world.city_a.code)).status_code == 403
    events = list(AuditEntry.objects.filter(event__startswith="servicedesk.open311").values_list("event", flat=True))
    assert sorted(events) == ["servicedesk.open311_key_created", "servicedesk.open311_key_deactivated"]


def test_a_clerk_may_not_make_keys(desk: Desk) -> None:
    client = Client()
    client.force_login(desk.clerk)
    assert "/desk/open311-keys/" not in client.get("/desk/").content.decode()
    assert client.post("/desk/open311-keys/", {"name": "x"}).status_code == 403
    assert not Open311Key.objects.exists()


def test_a_key_in_the_query_string_is_read_too(desk: Desk) -> None:
    key = _key()
    data = {k: v for k, v in _filing(key, address_id=desk.world.city_a.code).items() if k != "api_key"}
    answer = Client().post(f"{BASE}/requests.json?api_key={key}", data)
    assert answer.status_code == 201


def test_only_the_system_files_by_the_open311_channel(desk: Desk) -> None:
    filing = Filing("water-outage", "complaint", desk.world.city_a.code, "آب قطع است", channel=Channel.OPEN311)
    with pytest.raises(DomainError) as refused:
        actions.file_request(actor=as_actor(desk.clerk), filing=filing)
    assert refused.value.details == {"field": "channel"}
    assert not ServiceRequest.objects.exists()
