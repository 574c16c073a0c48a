"""The HTTP API under /api/, with its OpenAPI schema at /api/openapi.json and docs at /api/docs.

Errors always have the same shape: ``{"code": stable machine code, "message": Persian text, "details": ...}``.
"""

from __future__ import annotations

from django.db import connection
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from ostan import durability
from ostan.access.guards import api_guarded, guarded
from ostan.accounts.api import router as accounts_router
from ostan.auditlog.api import router as auditlog_router
from ostan.core.errors import DomainError
from ostan.elections.api import router as elections_router
from ostan.indicators.api import router as indicators_router
from ostan.network.api import router as network_router
from ostan.polling.api import router as polling_router
from ostan.publication.api import router as publication_router
from ostan.servicedesk.api import router as servicedesk_router
from ostan.territory.api import router as territory_router
from ostan.web.permissions import READ_SITE

api = NinjaAPI(
    title="Ostan API",
    version="1",
    description="API سامانه استان: تقسیمات کشوری، حساب‌ها و انتخابات شوراها.",
    urls_namespace="api",
    docs_decorator=guarded(READ_SITE),
)


class DurabilityOut(Schema):
    durable: bool
    required: bool
    problems: list[str]
    settings: dict[str, str]


class HealthOut(Schema):
    status: str
    version: str
    database: str
    durability: DurabilityOut


@api.get("/health", response=HealthOut, tags=["meta"], summary="Liveness and database check")
@api_guarded(READ_SITE)
def health(request: HttpRequest) -> HealthOut:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    finding = durability.recheck()
    durable = DurabilityOut(
        durable=finding.is_durable, required=durability.is_required(), problems=list(finding.problems),
        settings=finding.settings,
    )  # fmt: skip
    return HealthOut(status="ok", version=api.version, database=connection.vendor, durability=durable)


api.add_router("/territory/", territory_router)
api.add_router("/accounts/", accounts_router)
api.add_router("/audit/", auditlog_router)
api.add_router("/elections/", elections_router)
api.add_router("/polling/", polling_router)
api.add_router("/results/", publication_router)
api.add_router("/desk/", servicedesk_router)
api.add_router("/network/", network_router)
api.add_router("/indicators/", indicators_router)


def _error(request: HttpRequest, status: int, code: str, message: str, details: object = None) -> HttpResponse:
    return api.create_response(request, {"code": code, "message": message, "details": details}, status=status)


@api.exception_handler(DomainError)
def on_domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
    return _error(request, exc.status, exc.code, exc.message, exc.details)


@api.exception_handler(NinjaValidationError)
def on_validation_error(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    details = [{"loc": list(e.get("loc", [])), "type": e.get("type")} for e in exc.errors]
    return _error(request, 422, "invalid_input", "ورودی نامعتبر است؛ قالب داده‌ها را بررسی کنید.", details)


@api.exception_handler(AuthenticationError)
def on_auth_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return _error(request, 401, "authentication_required", "برای این کار باید وارد سامانه شوید.")


@api.exception_handler(HttpError)
def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return _error(request, exc.status_code, "http_error", str(exc))
