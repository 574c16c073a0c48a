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


class PollsClosed(DomainError):
    """Polls do not take check-ins or ballots now: outside the round's schedule (``polls_not_open``,
    ``polls_over``) or after the constituency's results were announced (``results_announced``)."""

    code = "polls_over"
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


class Busy(DomainError):
    code = "busy"
    status = 503


# Codes given where an action raises (``DomainError(message, code=...)``) rather than by a class above.
CODES = {
    "already_confirmed": "این عضو صورتجلسه را پیش‌تر تأیید کرده است.",
    "check_in_not_found": "این رأی‌دهنده در این شعبه پذیرفته نشده است.",
    "invalid_national_code": "کد ملی باید ده رقم باشد.",
    "no_unspent_token": "برای این رأی‌دهنده رمز مصرف‌نشده‌ای ثبت نیست.",
    "short_code_unavailable": "کد کوتاه تازه ساخته نشد؛ دوباره تلاش کنید.",
    "station_place_invalid": "جای شعبه روی نقشه نادرست است.",
    "bad_signature": "امضای صورتجلسه درست نیست.",
    "device_exists": "دستگاهی با این شناسه ثبت شده است.",
    "foreign_station": "صورتجلسه از آنِ شعبهٔ این دستگاه نیست.",
    "invalid_batch": "دستهٔ برگه‌ها باید ۱ تا ۱۰۰۰ برگه با شناسه‌های یکتا داشته باشد.",
    "invalid_check_in": "شناسهٔ درخواست یا چکیدهٔ رمز رأی نادرست است.",
    "invalid_device": "شناسه یا نوع دستگاه نادرست است.",
    "invalid_key": "کلید عمومی دستگاه نادرست است.",
    "minutes_signed": "صورتجلسه پیش‌تر امضا شده است.",
    "minutes_unsigned": "صورتجلسه هنوز امضا نشده است.",
    "polls_not_open": "رأی‌گیری هنوز آغاز نشده است.",
    "results_announced": "نتیجهٔ حوزه اعلام شده است؛ رأی‌گیری پایان یافته است.",
    "not_station_official": "فقط اعضای همین شعبه صورتجلسه را تأیید می‌کنند.",
    "round_without_date": "دوره تاریخ رأی‌گیری ندارد.",
    "seed_used": "فهرست ساختگی با این بذر پیش‌تر ساخته شده است.",
    "token_already_used": "رمز رأی هم‌زمان مصرف شد.",
    "token_not_found": "چنین رمزی در این شعبه صادر نشده است.",
}
