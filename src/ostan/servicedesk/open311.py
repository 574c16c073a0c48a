"""Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2): the desk's catalogue and requests in the
shapes the specification writes, in JSON and in XML, for other systems and the published clients.

What anyone may read carries no personal data: no name, phone, national code, e-mail, nor the citizen's
text (``description`` is always empty). ``service_request_id`` is the tracking code; a request is ``open``
while the lifecycle holds it open and ``closed`` once it is answered and settled, merged or declared not ours.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from ostan.core.errors import DomainError
from ostan.core.servicedesk import RequestKind, State, public_label
from ostan.core.servicedesk.tracking import parse as parse_code
from ostan.servicedesk.models import OPEN_STATES, Open311Key, Service, ServiceRequest

SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
CHANGESET = "2026-12-03T00:00:00+03:30"
FORMATS = ("json", "xml")
CONTENT_TYPES = {"json": "application/json; charset=utf-8", "xml": "text/xml; charset=utf-8"}
DEFAULT_SPAN = dt.timedelta(days=90)  # the specification's default and longest window
LIST_LIMIT = 1000
KIND_ATTRIBUTE = "kind"
# Element names of the lists in XML: the list's own name and its items'.
ITEMS = {
    "services": "service", "service_requests": "request", "errors": "error", "attributes": "attribute",
    "values": "value", "endpoints": "endpoint", "formats": "format", "keywords": "keyword",
}  # fmt: skip


def jurisdiction() -> str:
    return str(getattr(settings, "OSTAN_OPEN311_JURISDICTION", "ostan"))


class Open311Error(Exception):
    """A refusal in the specification's shape: an HTTP status and the code and description it lists."""

    def __init__(self, status: int, description: str) -> None:
        super().__init__(description)
        self.status, self.description = status, description


# ---- rendering -------------------------------------------------------------------------------------------


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _element(parent: ET.Element, name: str, value: object) -> None:
    node = ET.SubElement(parent, name)
    _fill(node, name, value)


def _fill(node: ET.Element, name: str, value: object) -> None:
    if isinstance(value, Mapping):
        for key, inner in value.items():
            _element(node, key, inner)
    elif isinstance(value, list | tuple):
        item = ITEMS.get(name, "item")
        for inner in value:
            _element(node, item, inner)
    else:
        node.text = _text(value)


def to_xml(root: str, value: object) -> bytes:
    """The document ``<root>`` holding ``value``: a mapping's keys become elements, a list's items the
    singular element the specification names (``<services><service>…``); ElementTree escapes the text."""
    node = ET.Element(root)
    _fill(node, root, value)
    document: bytes = ET.tostring(node, encoding="utf-8", xml_declaration=True)
    return document


def respond(fmt: str, root: str, value: object, *, status: int = 200) -> HttpResponse:
    body = to_xml(root, value) if fmt == "xml" else json.dumps(value, ensure_ascii=False).encode()
    return HttpResponse(body, status=status, content_type=CONTENT_TYPES.get(fmt, CONTENT_TYPES["json"]))


def refuse(fmt: str, error: Open311Error) -> HttpResponse:
    return respond(fmt, "errors", [{"code": error.status, "description": error.description}], status=error.status)


def check_jurisdiction(params: Mapping[str, str]) -> None:
    given = params.get("jurisdiction_id", "").strip()
    if given and given != jurisdiction():
        raise Open311Error(404, f"jurisdiction_id provided was not found: {given}")


# ---- the resources ---------------------------------------------------------------------------------------


def discovery(base_url: str) -> dict[str, Any]:
    return {
        "changeset": CHANGESET,
        "contact": "میز خدمت استان؛ کلید از مدیر سامانه",
        "key_service": "کلید Open311 را مدیر سامانه در صفحهٔ «کلیدهای Open311» میز خدمت می‌سازد.",
        "endpoints": [
            {"specification": SPECIFICATION, "url": base_url, "changeset": CHANGESET, "type": "production",
             "formats": ["application/json", "text/xml"]},
        ],
    }  # fmt: skip


def service_row(service: Service) -> dict[str, Any]:
    return {
        "service_code": service.code, "service_name": service.name, "description": service.description,
        "metadata": True, "type": "realtime", "keywords": ", ".join(service.kind_labels), "group": "",
    }  # fmt: skip


def definition(service: Service) -> dict[str, Any]:
    """The one typed question every service asks: which kind of request it is (its catalogue's kinds)."""
    kinds = [RequestKind(k) for k in service.kinds if k in RequestKind._value2member_map_]
    return {
        "service_code": service.code,
        "attributes": [
            {"variable": True, "code": KIND_ATTRIBUTE, "datatype": "singlevaluelist", "required": False,
             "datatype_description": "گونهٔ درخواست؛ اگر نیاید نخستین گونهٔ این خدمت", "order": 1,
             "description": "گونهٔ درخواست", "values": [{"key": k.value, "name": k.label} for k in kinds]},
        ],
    }  # fmt: skip


def _moment(value: dt.datetime | None) -> str | None:
    return timezone.localtime(value).isoformat(timespec="seconds") if value is not None else None


def status_of(found: ServiceRequest) -> str:
    return "open" if found.state in OPEN_STATES else "closed"


def request_row(found: ServiceRequest) -> dict[str, Any]:
    """A request as anyone may read it: where, what, who answers and when; nothing about the citizen."""
    moments = [m for m in (found.registered_at, found.answered_at, found.closed_at) if m is not None]
    return {
        "service_request_id": found.tracking_code, "status": status_of(found),
        "status_notes": public_label(State(found.state)), "service_name": found.service.name,
        "service_code": found.service.code, "description": None,
        "agency_responsible": found.organisation.name if found.organisation is not None else None,
        "service_notice": None, "requested_datetime": _moment(found.registered_at),
        "updated_datetime": _moment(max(moments)),
        "expected_datetime": _moment(found.due_at) if found.is_open else None,
        "address": found.unit.name, "address_id": found.unit.code, "zipcode": None, "lat": None, "long": None,
        "media_url": None,
    }  # fmt: skip


def _requests() -> Any:
    return ServiceRequest.objects.select_related("service", "unit", "organisation").exclude(tracking_code=None)


def _codes(typed: str) -> list[str]:
    codes = []
    for part in typed.split(","):
        try:
            codes.append(parse_code(part))
        except DomainError:
            continue  # a code that cannot be ours finds nothing, as an unknown one does
    return codes


def _when(params: Mapping[str, str], name: str) -> dt.datetime | None:
    typed = params.get(name, "").strip()
    if not typed:
        return None
    try:
        moment = parse_datetime(typed)
    except ValueError:
        moment = None
    if moment is None:
        raise Open311Error(400, f"{name} is not a w3 datetime (e.g. 2026-01-01T00:00:00Z)")
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


@dataclass(frozen=True)
class RequestQuery:
    codes: Sequence[str] | None
    service_codes: Sequence[str]
    start: dt.datetime
    end: dt.datetime
    statuses: Sequence[str]

    @classmethod
    def of(cls, params: Mapping[str, str], *, now: dt.datetime) -> RequestQuery:
        given_start, given_end = _when(params, "start_date"), _when(params, "end_date")
        if given_end is not None:
            end = given_end
            start = given_start if given_start is not None else end - DEFAULT_SPAN
        elif given_start is not None:
            start, end = given_start, given_start + DEFAULT_SPAN
        else:
            start, end = now - DEFAULT_SPAN, now
        if end < start or end - start > DEFAULT_SPAN:
            raise Open311Error(400, "start_date and end_date must be in order and span at most 90 days")
        statuses = [s.strip() for s in params.get("status", "").split(",") if s.strip()]
        if any(s not in ("open", "closed") for s in statuses):
            raise Open311Error(400, "status is open or closed")
        typed_ids = params.get("service_request_id", "").strip()
        service_codes = [c.strip() for c in params.get("service_code", "").split(",") if c.strip()]
        return cls(_codes(typed_ids) if typed_ids else None, service_codes, start, end, statuses)


def requests_list(query: RequestQuery) -> list[dict[str, Any]]:
    """By ``service_request_id`` (then nothing else counts), else by service, status and registration time."""
    rows = _requests()
    if query.codes is not None:
        rows = rows.filter(tracking_code__in=query.codes)
    else:
        rows = rows.filter(registered_at__gte=query.start, registered_at__lte=query.end)
        if query.service_codes:
            rows = rows.filter(service__code__in=query.service_codes)
        if query.statuses == ["open"]:
            rows = rows.filter(state__in=OPEN_STATES)
        elif query.statuses == ["closed"]:
            rows = rows.exclude(state__in=OPEN_STATES)
    return [request_row(r) for r in rows.order_by("-registered_at", "-pk")[:LIST_LIMIT]]


def one_request(typed: str) -> dict[str, Any]:
    codes = _codes(typed)
    found = _requests().filter(tracking_code__in=codes).first() if codes else None
    if found is None:
        raise Open311Error(404, f"service_request_id provided was not found: {typed}")
    return request_row(found)


def key_hash(raw: str) -> str:
    """Keys are long random strings: one SHA-256 suffices to keep them unreadable in the table."""
    return hashlib.sha256(raw.encode()).hexdigest()


def key_named(raw: str) -> Open311Key:
    if not raw.strip():
        raise Open311Error(403, "api_key is missing")
    key = Open311Key.objects.filter(key_hash=key_hash(raw.strip()), is_active=True).first()
    if key is None:
        raise Open311Error(403, "api_key is invalid or no longer active")
    return key
