"""Why the service desk refused: stable codes, Persian messages. The lifecycle's own refusals come from
``ostan.core.servicedesk.errors`` (a step the state does not allow, a missing reason, a closed window)."""

from __future__ import annotations

from ostan.core.errors import DomainError, NotFound


class InvalidRequest(DomainError):
    """A field of a new request is wrong; ``details["field"]`` names it."""

    code = "invalid_service_request"


class ServiceUnavailable(DomainError):
    code = "service_unavailable"


class RequestNotFound(NotFound):
    code = "service_request_not_found"


class InvalidService(DomainError):
    code = "invalid_service"
