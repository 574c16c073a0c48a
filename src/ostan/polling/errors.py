"""The polling app's refusals, each a DomainError with a stable code and a Persian message."""

from __future__ import annotations

from ostan.core.errors import DomainError
from ostan.core.polling.errors import DeviceRequestRefused


class UnsignedRequest(DeviceRequestRefused):
    code = "unsigned_request"
    status = 401


class UnknownDevice(DeviceRequestRefused):
    code = "unknown_device"
    status = 401


class WrongDeviceKind(DeviceRequestRefused):
    code = "wrong_device_kind"
    status = 403


class StationClosed(DomainError):
    code = "station_closed"
    status = 409


class TokenReused(DomainError):
    """The authentication device sent a token hash that is already registered: it must make a new one."""

    code = "token_reused"
    status = 409


class RollImportRefused(DomainError):
    code = "roll_import_refused"


class MinutesInconsistent(DomainError):
    """Closing is blocked: ``details`` lists each problem (code, Persian message, field)."""

    code = "minutes_inconsistent"
    status = 409


class BallotRefused(DomainError):
    code = "ballot_refused"


class BallotIdConflict(DomainError):
    code = "ballot_id_conflict"
    status = 409


class InvalidStation(DomainError):
    code = "invalid_station"
