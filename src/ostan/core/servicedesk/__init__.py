"""The single-window service desk's pure core: working days and deadlines, the holiday calendar,
tracking codes, the request lifecycle, routing, likely duplicates and statistics.

The servicedesk app stores requests and calls these functions; nothing here reads the clock, a key or
a setting of its own. Each module's docstring states its rules. Tracking codes and a deadline's full
status are used through their modules: ``tracking.encode``/``decode``/``parse``/``display`` and
``deadlines.status``.
"""

from ostan.core.servicedesk.calendar import FRIDAY, THURSDAY, WorkingCalendar
from ostan.core.servicedesk.deadlines import (
    Deadline,
    DeadlineStatus,
    Pause,
    due_at,
    due_on,
    handling_working_days,
    is_overdue,
    is_reminder_due,
    remaining_working_days,
    reminder_on,
    working_days_between,
)
from ostan.core.servicedesk.errors import (
    AmbiguousRoute,
    HolidayFileError,
    InvalidCalendar,
    InvalidDeadline,
    InvalidRecord,
    InvalidRoutingTable,
    InvalidTrackingKey,
    NoResponsibleAgency,
    ReopenWindowClosed,
    RequirementMissing,
    SideNotAllowed,
    TrackingCodeCheckDigit,
    TrackingCodeError,
    TrackingCodeLength,
    TrackingCodeOutOfRange,
    TransitionNotAllowed,
    TransitionRefused,
)
from ostan.core.servicedesk.holidays import (
    Holiday,
    HolidayKind,
    holiday_dates,
    holidays_from_csv,
    official_holidays,
    with_corrections,
)

__all__ = [
    "FRIDAY",
    "THURSDAY",
    "AmbiguousRoute",
    "Deadline",
    "DeadlineStatus",
    "Holiday",
    "HolidayFileError",
    "HolidayKind",
    "InvalidCalendar",
    "InvalidDeadline",
    "InvalidRecord",
    "InvalidRoutingTable",
    "InvalidTrackingKey",
    "NoResponsibleAgency",
    "Pause",
    "ReopenWindowClosed",
    "RequirementMissing",
    "SideNotAllowed",
    "TrackingCodeCheckDigit",
    "TrackingCodeError",
    "TrackingCodeLength",
    "TrackingCodeOutOfRange",
    "TransitionNotAllowed",
    "TransitionRefused",
    "WorkingCalendar",
    "due_at",
    "due_on",
    "handling_working_days",
    "holiday_dates",
    "holidays_from_csv",
    "is_overdue",
    "is_reminder_due",
    "official_holidays",
    "remaining_working_days",
    "reminder_on",
    "with_corrections",
    "working_days_between",
]
