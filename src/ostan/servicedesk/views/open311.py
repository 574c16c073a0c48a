"""Open311 GeoReport v2 at ``/open311/v2/``: each resource in JSON and XML, errors as the specification
writes them. Reads are anyone's (and carry no personal data); filing needs an active key, and files through
the desk's intake as the system, on the key's name, by the ``open311`` channel."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from ostan.access.guards import guarded
from ostan.core.access import Actor
from ostan.core.errors import DomainError
from ostan.servicedesk import actions, selectors
from ostan.servicedesk import open311 as spec
from ostan.servicedesk.entries import Filing
from ostan.servicedesk.models import Channel, Service
from ostan.servicedesk.open311 import Open311Error
from ostan.servicedesk.permissions import OPEN311

PREFERRED_KINDS = ("request", "complaint")


def _base(request: HttpRequest) -> str:
    return request.build_absolute_uri("/open311/v2/").rstrip("/")


def _service(code: str) -> Service:
    try:
        return selectors.service(code)
    except DomainError:
        raise Open311Error(404, f"service_code provided was not found: {code}") from None


@guarded(OPEN311)
@require_http_methods(["GET"])
def discovery(request: HttpRequest, fmt: str) -> HttpResponse:
    return spec.respond(fmt, "discovery", spec.discovery(_base(request)))


@guarded(OPEN311)
@require_http_methods(["GET"])
def services(request: HttpRequest, fmt: str) -> HttpResponse:
    try:
        spec.check_jurisdiction(request.GET)
    except Open311Error as exc:
        return spec.refuse(fmt, exc)
    return spec.respond(fmt, "services", [spec.service_row(s) for s in selectors.services()])


@guarded(OPEN311)
@require_http_methods(["GET"])
def service_definition(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    try:
        spec.check_jurisdiction(request.GET)
        return spec.respond(fmt, "service_definition", spec.definition(_service(code)))
    except Open311Error as exc:
        return spec.refuse(fmt, exc)


@csrf_exempt  # other systems post with their key, not with a session's token
@guarded(OPEN311)
@require_http_methods(["GET", "POST"])
def requests(request: HttpRequest, fmt: str) -> HttpResponse:
    try:
        if request.method == "POST":
            spec.check_jurisdiction(request.POST)
            return spec.respond(fmt, "service_requests", [_file(request)], status=201)
        spec.check_jurisdiction(request.GET)
        # A tracking code opens its request's status page, so the list of every code is for integrators
        # holding a key; one request (GET requests/<code>) is public to whoever already has its code.
        spec.key_named(request.GET.get("api_key", ""))
        query = spec.RequestQuery.of(request.GET, now=timezone.now())
        return spec.respond(fmt, "service_requests", spec.requests_list(query))
    except Open311Error as exc:
        return spec.refuse(fmt, exc)


def _kind(service: Service, typed: str) -> str:
    if typed:
        if typed not in service.kinds:
            raise Open311Error(400, f"attribute[kind] is not one of this service's kinds: {typed}")
        return typed
    return next((k for k in PREFERRED_KINDS if k in service.kinds), service.kinds[0] if service.kinds else "")


def _file(request: HttpRequest) -> dict[str, object]:
    params = request.POST
    key = spec.key_named(params.get("api_key", "") or request.GET.get("api_key", ""))  # some clients send it so
    code = params.get("service_code", "").strip()
    if not code:
        raise Open311Error(400, "service_code is missing")
    service = Service.objects.filter(code=code, is_active=True).first()
    if service is None:
        raise Open311Error(400, f"service_code provided was not found: {code}")
    unit = params.get("address_id", "").strip() or params.get("address_string", "").strip()
    if not unit:
        raise Open311Error(
            400, "location is missing: send address_id (the unit's code) or address_string (its code or name)"
        )
    if not params.get("description", "").strip():
        raise Open311Error(400, "description is missing")
    name = " ".join(p for p in (params.get("first_name", "").strip(), params.get("last_name", "").strip()) if p)
    filing = Filing(
        service_code=service.code, kind=_kind(service, params.get("attribute[kind]", "").strip()), unit_code=unit,
        text=params.get("description", ""), channel=Channel.OPEN311, citizen_name=name,
        mobile=params.get("phone", ""),
    )  # fmt: skip
    try:
        found = actions.file_request(actor=Actor.system(f"Open311: {key.name}"), filing=filing)
    except DomainError as exc:
        field = exc.details.get("field") if isinstance(exc.details, dict) else None
        raise Open311Error(400, f"{field}: {exc.message}" if field else exc.message) from None
    notice = "پاسخ تا پایان مهلت قانونی این خدمت داده می‌شود."
    return {"service_request_id": found.tracking_code, "service_notice": notice, "account_id": None}


@guarded(OPEN311)
@require_http_methods(["GET"])
def one_request(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    try:
        spec.check_jurisdiction(request.GET)
        return spec.respond(fmt, "service_requests", [spec.one_request(code)])
    except Open311Error as exc:
        return spec.refuse(fmt, exc)


@guarded(OPEN311)
@require_http_methods(["GET"])
def token(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    """Filing answers at once with the tracking code, which is also the token: a client that polls a token
    learns the same code back."""
    try:
        spec.check_jurisdiction(request.GET)
        row = spec.one_request(code)
    except Open311Error as exc:
        return spec.refuse(fmt, exc)
    return spec.respond(fmt, "service_requests", [{"token": code, "service_request_id": row["service_request_id"]}])
