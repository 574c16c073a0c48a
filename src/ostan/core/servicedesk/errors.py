"""The service desk core's refusals: each a DomainError with a stable code and a Persian message."""

from __future__ import annotations

from ostan.core.errors import DomainError, PermissionRefused


class InvalidCalendar(DomainError):
    """A working calendar that could not count a single working day (or leaves Friday as a working day)."""

    code = "invalid_working_calendar"


class InvalidDeadline(DomainError):
    """A deadline's inputs are inconsistent: a naive moment, a negative count, overlapping pauses."""

    code = "invalid_deadline"


class HolidayFileError(DomainError):
    """An administrator's holiday file has bad lines; ``details["errors"]`` lists every line. Nothing is loaded."""

    code = "holiday_file_invalid"


class TrackingCodeError(DomainError):
    """A typed tracking code cannot be read; the subclass says why."""

    code = "tracking_code_invalid"


class TrackingCodeLength(TrackingCodeError):
    code = "tracking_code_length"


class TrackingCodeCheckDigit(TrackingCodeError):
    code = "tracking_code_check_digit"


class TrackingCodeOutOfRange(TrackingCodeError):
    code = "tracking_code_out_of_range"


class InvalidTrackingKey(DomainError):
    code = "tracking_key_invalid"


class TransitionRefused(DomainError):
    """The request cannot take this step; the subclass says why."""

    code = "transition_refused"
    status = 409


class TransitionNotAllowed(TransitionRefused):
    """No row of the lifecycle table leads from this state by this event."""

    code = "transition_not_allowed"


class SideNotAllowed(PermissionRefused):
    """The row exists but this side (citizen, desk, agency, inspection, system) may not take it."""

    code = "transition_side_not_allowed"


class RequirementMissing(TransitionRefused):
    """The step needs something the context lacks (a reason, a target agency, the answer, a duplicate)."""

    code = "transition_requirement_missing"
    status = 400


class ReopenWindowClosed(TransitionRefused):
    code = "reopen_window_closed"


class InvalidRoutingTable(DomainError):
    code = "invalid_routing_table"


class NoResponsibleAgency(DomainError):
    """No agency serves the service in the unit or anywhere above it."""

    code = "no_responsible_agency"
    status = 404


class AmbiguousRoute(DomainError):
    """More than one agency serves the service at the nearest unit; someone must choose."""

    code = "ambiguous_route"
    status = 409


class InvalidRecord(DomainError):
    """A statistics record contradicts itself (an answer time with no handling time, a score off the scale)."""

    code = "invalid_statistics_record"
