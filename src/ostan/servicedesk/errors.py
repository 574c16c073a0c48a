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


class InvalidSearch(DomainError):
    """A filter of a search is wrong (a date, a unit); ``details["field"]`` names it."""

    code = "invalid_search"


class ServiceNotFound(NotFound):
    code = "service_not_found"


class NoSide(DomainError):
    """The actor's role takes no part in a request's life (an election official, an observer)."""

    code = "servicedesk_no_side"
    status = 403


class RequestSettled(DomainError):
    code = "service_request_settled"
    status = 409


class SurveyRefused(DomainError):
    """The survey opens once the request is closed, and takes one answer."""

    code = "survey_refused"
    status = 409
