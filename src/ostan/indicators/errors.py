"""Why the indicators refused: stable codes, Persian messages. The rules' own refusals (a period that does
not exist, a formula over a mean, a value breaking a range) come from ``ostan.core.network.errors``."""

from __future__ import annotations

from ostan.core.errors import DomainError, NotFound


class InvalidIndicatorEntry(DomainError):
    """A field of a catalogue entry is wrong; ``details["field"]`` names it."""

    code = "invalid_indicator_entry"


class IndicatorNotFound(NotFound):
    code = "indicator_not_found"


class UnitNotFound(NotFound):
    code = "indicator_unit_not_found"


class InvalidValues(DomainError):
    """Values entered in a form break a rule; ``field_errors`` maps each form field to its problem."""

    code = "invalid_indicator_values"

    def __init__(self, message: str, field_errors: dict[str, str]) -> None:
        super().__init__(message, details={"fields": field_errors})
        self.field_errors = field_errors


class InvalidTarget(DomainError):
    code = "invalid_indicator_target"
