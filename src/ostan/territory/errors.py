"""Why a change to the territory tree was refused: stable codes, Persian messages."""

from __future__ import annotations

from ostan.core.errors import DomainError


class InvalidTerritoryInput(DomainError):
    code = "invalid_territory_input"


class DuplicateNeighbourhood(DomainError):
    code = "duplicate_neighbourhood"
    status = 409


class MalformedRow(DomainError):
    code = "malformed_row"

    def __init__(self, file: str, line: int, problem: str) -> None:
        super().__init__(f"پرونده {file}، سطر {line}: {problem}", details={"file": file, "line": line})
        self.file = file
        self.line = line
