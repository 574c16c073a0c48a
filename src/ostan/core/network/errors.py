"""The network core's refusals: each a DomainError with a stable code and a Persian message."""

from __future__ import annotations

from ostan.core.errors import DomainError


class InvalidUnitPath(DomainError):
    """A unit path is not a materialised path of non-empty segments joined by «/»."""

    code = "invalid_unit_path"


class InvalidAction(DomainError):
    """An action record cannot be rolled up, pivoted or compared as given."""

    code = "invalid_action"


class InvalidPeriod(DomainError):
    """A reporting period is not a Jalali month («1405-03»), quarter («1405Q2») or year («1405»)."""

    code = "invalid_period"


class InvalidIndicator(DomainError):
    """A catalogue entry, or a catalogue as a whole, is inconsistent (duplicate codes, a formula naming an
    indicator the catalogue lacks, a ratio aggregation without a formula)."""

    code = "invalid_indicator"


class InvalidIndicatorValue(DomainError):
    """A reported value names an unknown indicator, repeats a cell, or is reported at two nested levels."""

    code = "invalid_indicator_value"


class PopulationUnknown(DomainError):
    """A population-weighted mean needs every reporting unit's population; the core never guesses it."""

    code = "network_population_unknown"


class InvalidRule(DomainError):
    """A validation, overlap, gap or suppression rule is inconsistent (e.g. a minimum above its maximum)."""

    code = "invalid_network_rule"


class InvalidCrisis(DomainError):
    """A crisis declaration, need, resource or task is inconsistent (e.g. a naive timestamp)."""

    code = "invalid_crisis"
