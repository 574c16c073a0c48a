"""Errors of the elections app: stable codes for the API, Persian messages for people."""

from __future__ import annotations

from ostan.core.errors import DomainError


class PopulationMissing(DomainError):
    code = "population_unknown"


class ElectionClosed(DomainError):
    """The constituency's results are published: its inputs can no longer change."""

    code = "election_closed"
    status = 409


class NotCounted(DomainError):
    code = "not_counted"
    status = 409


class NotVoting(DomainError):
    code = "not_voting"
    status = 409


class CountRefused(DomainError):
    """A count made outside this app does not fit the constituency as it stands (see the code)."""

    code = "count_refused"
    status = 409


class InvalidEntry(DomainError):
    """A form or API entry was refused; ``field_errors`` maps each bad field to its Persian message."""

    code = "invalid_entry"

    def __init__(self, field_errors: dict[str, str]) -> None:
        super().__init__("ورودی نامعتبر است؛ خطاهای هر بخش را ببینید.", details=field_errors)
        self.field_errors = field_errors


class PhotoRejected(DomainError):
    code = "photo_rejected"


class RosterFrozen(DomainError):
    """The round is voting or later: what voters see on the machines no longer changes."""

    code = "roster_frozen"
    status = 409
