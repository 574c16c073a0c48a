"""Typed domain errors shared by every core: a stable code for machines, a Persian message for people."""

from __future__ import annotations


class DomainError(Exception):
    """A rule of the domain refused an input.

    ``code`` is stable (API clients and tests rely on it); ``message`` is Persian and shown to people.
    """

    code: str = "domain_error"
    status: int = 400

    def __init__(self, message: str, *, code: str | None = None, details: object = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        self.details = details

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


class NotFound(DomainError):
    code = "not_found"
    status = 404


class PermissionRefused(DomainError):
    """The acting user may not read or change this object (usually: outside their territorial scope)."""

    code = "permission_denied"
    status = 403
