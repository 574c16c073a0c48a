"""Why a change to the territory tree was refused: stable codes, Persian messages."""

from __future__ import annotations

from ostan.core.errors import DomainError


class InvalidTerritoryInput(DomainError):
    code = "invalid_territory_input"


class DuplicateNeighbourhood(DomainError):
    code = "duplicate_neighbourhood"
    status = 409
