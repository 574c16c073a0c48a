"""Why participation refused: stable codes and Persian messages (``details["field"]`` names a form's field)."""

from __future__ import annotations

from ostan.core.errors import DomainError, NotFound


class InvalidStakeholder(DomainError):
    code = "invalid_stakeholder"


class StakeholderNotFound(NotFound):
    code = "stakeholder_not_found"


class InvalidMeeting(DomainError):
    code = "invalid_meeting"


class MeetingNotFound(NotFound):
    code = "meeting_not_found"


class DecisionNotFound(NotFound):
    code = "decision_not_found"


class InvalidCircularEntry(DomainError):
    code = "invalid_circular"


class InvalidAttachment(DomainError):
    code = "invalid_attachment"


class CircularNotFound(NotFound):
    code = "circular_not_found"


class NoOffice(DomainError):
    """The post belongs to no government office (a governorate, county or district office)."""

    code = "participation_no_office"
    status = 403


class AlreadyAcknowledged(DomainError):
    code = "circular_already_acknowledged"
    status = 409
