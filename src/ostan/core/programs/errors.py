"""The programmes core's refusals: each a DomainError with a stable code and a Persian message.

``details["path"]`` names the field at fault where there is one, so forms and API clients can point at it.
"""

from __future__ import annotations

from ostan.core.errors import DomainError


class InvalidMoment(DomainError):
    """A moment without a time zone: the core cannot tell which local day it falls on."""

    code = "invalid_moment"


class InvalidUnitPath(DomainError):
    """A unit path is not a materialised path of codes joined by «/»."""

    code = "invalid_unit_path"


class InvalidKeyProject(DomainError):
    """A key project's window, milestones or indicators cannot be assessed as given."""

    code = "invalid_key_project"


class InvalidStatusRules(DomainError):
    """The status thresholds contradict each other (e.g. the late gap below the at-risk gap)."""

    code = "invalid_status_rules"


class InvalidPeriod(DomainError):
    """A Jalali period (year, quarter, month) does not exist or cannot be read."""

    code = "invalid_period"


class InvalidOutcomeFigure(DomainError):
    """An outcome figure's definition, or the catalogue it belongs to, is inconsistent."""

    code = "invalid_outcome_figure"


class InvalidOutcomeRecord(DomainError):
    """A target or actual names an unknown figure, repeats one, or carries an impossible value."""

    code = "invalid_outcome_record"


class OverlappingOutcomeRecords(DomainError):
    """Two records would count the same outcome twice in a roll-up; ``details`` names both."""

    code = "overlapping_outcome_records"
    status = 409


class InvalidCircular(DomainError):
    """A circular's recipients, deadline or receipts are inconsistent."""

    code = "invalid_circular"


class InvalidDecision(DomainError):
    """A meeting decision has no owner or title, or is repeated."""

    code = "invalid_decision"


class InvalidExperience(DomainError):
    """A best practice or an adoption of it is inconsistent (unknown experience, repeated adoption)."""

    code = "invalid_experience"
