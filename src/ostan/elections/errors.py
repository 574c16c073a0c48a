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


# Codes given where an action raises (``DomainError(message, code=...)``) rather than by a class above.
CODES = {
    "ballots_imported": "برای این حوزه برگه بارگذاری شده است؛ شمارش الکترونیکی جای آن را نمی‌گیرد.",
    "batch_exists": "این پرونده برگه‌ها پیش‌تر بارگذاری شده است.",
    "constituency_exists": "این حوزه در این دوره پیش‌تر تعریف شده است.",
    "has_ballots": "حوزه برگه دارد و این تغییر دیگر روا نیست.",
    "invalid_ballots_url": "نشانی پرونده برگه‌ها نادرست است.",
    "invalid_hash": "چکیدهٔ SHA-256 نادرست است.",
    "invalid_kind": "نوع حوزه با نوع واحد نمی‌خواند.",
    "invalid_round": "شماره یا نام دوره نادرست است.",
    "invalid_schedule": "پایان رأی‌گیری باید پس از آغاز آن باشد.",
    "invalid_seats": "تعداد اعضا یا علی‌البدل‌ها نادرست است.",
    "invalid_seed": "بذر قرعه نادرست است.",
    "invalid_source": "منبع برگه‌ها شناخته نیست.",
    "invalid_status": "وضعیت دوره شناخته نیست یا این تغییر وضعیت روا نیست.",
    "not_voting_reason_required": "برای حوزه‌ای که رأی نمی‌دهد، دلیل لازم است.",
    "population_source_required": "منبع جمعیت واردشده لازم است.",
    "reason_too_long": "دلیل بیش از اندازهٔ مجاز است.",
    "round_exists": "دوره‌ای با این شماره هست.",
    "stale_count": "شمارش بر پایهٔ ورودی‌هایی است که از آن پس تغییر کرده‌اند.",
    "text_too_long": "متن بیش از اندازهٔ مجاز است.",
}
