"""Why a change to the registry of organisations was refused: stable codes, Persian messages."""

from __future__ import annotations

from ostan.core.errors import DomainError


class InvalidOrganisation(DomainError):
    """A field of the organisation is wrong; ``details["field"]`` names it."""

    code = "invalid_organisation"


class DuplicateOrganisation(DomainError):
    code = "duplicate_organisation"
    status = 409
