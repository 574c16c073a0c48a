"""The check-in decision: may this person get a voting token at this station now?

A pure decision over what the caller looked up; the app stores the result in one transaction with a
unique constraint on (round, voter), which is what stops two stations accepting one voter at once.
Checks run in this order, and the first one that fails decides:

1. identity not confirmed by the fingerprint/biometric device → ``identity_not_confirmed``. First, so
   typing someone else's national code reveals nothing about them (not even whether they voted);
2. no link to the centre → ``link_down``: without the online duplicate check a voter could vote at two
   stations, so check-in stops until the link is back (nothing already accepted is lost);
3. the same request again (same request id, same station) → the original acceptance, marked a retry,
   with no token to register: a retry never yields a second token;
4. an earlier check-in this round, at any station → ``already_voted`` with that station and time;
5. not on the roll or not eligible → ``not_eligible``; eligible elsewhere → ``wrong_constituency``.

Only a fresh acceptance carries ``token_hash``: the hash of the token the authentication device made
(:func:`ostan.core.polling.tokens.issue_token`), which the app registers with the station, apart
from the voter. The device keeps the token itself, so a retry after a lost answer still has it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from ostan.core.jalali import TEHRAN, format_datetime
from ostan.core.polling.roll import OUTSIDE_CONSTITUENCY, Eligibility
from ostan.core.text import to_persian_digits

ACCEPTED = "accepted"
NOT_ELIGIBLE = "not_eligible"
ALREADY_VOTED = "already_voted"
WRONG_CONSTITUENCY = "wrong_constituency"
IDENTITY_NOT_CONFIRMED = "identity_not_confirmed"
LINK_DOWN = "link_down"
NOT_ON_ROLL = "not_on_roll"

LINK_DOWN_MESSAGE = "ارتباط با مرکز برقرار نیست؛ برای جلوگیری از رأی تکراری، احراز هویت تا برقراری ارتباط متوقف است."


class LinkStatus(StrEnum):
    ONLINE = "online"
    OFFLINE = "offline"


class IdentityOutcome(StrEnum):
    CONFIRMED = "confirmed"
    NOT_CONFIRMED = "not_confirmed"


@dataclass(frozen=True)
class CheckInRequest:
    request_id: str  # made by the device for one attempt; a retry sends the same id
    station_code: str
    national_code: str
    token_hash: str | None = None  # the hash of the token the device made for this voter


@dataclass(frozen=True)
class CheckInRecord:
    """The voter's one check-in this round (who and where; never which ballot)."""

    national_code: str
    station_code: str
    request_id: str
    checked_in_at: dt.datetime


@dataclass(frozen=True)
class CheckInDecision:
    is_accepted: bool
    reason_code: str  # "accepted" or one of the refusal codes above
    message: str  # Persian, shown at the authentication device
    record: CheckInRecord | None = None  # accepted: the record to keep (or kept); already_voted: the earlier one
    is_retry: bool = False  # the original acceptance returned again: store nothing, register no token
    token_hash: str | None = None  # fresh acceptance only: register this token hash with the station
    eligibility_reason: str | None = None  # the roll's reason behind not_eligible / wrong_constituency

    @property
    def is_new(self) -> bool:
        """True when the caller must store ``record`` and register ``token_hash``."""
        return self.is_accepted and not self.is_retry


def decide_check_in(
    request: CheckInRequest,
    *,
    eligibility: Eligibility | None,
    existing: CheckInRecord | None,
    link: LinkStatus,
    identity: IdentityOutcome,
    now: dt.datetime,
    tz: dt.tzinfo = TEHRAN,
) -> CheckInDecision:
    """Decide one check-in. ``eligibility`` is None when the national code is not on the roll;
    ``existing`` is the voter's check-in this round at any station, if any; ``now`` is aware.
    """
    if existing is not None and existing.national_code != request.national_code:
        raise ValueError("existing check-in belongs to another voter")
    if identity is not IdentityOutcome.CONFIRMED:
        return CheckInDecision(False, IDENTITY_NOT_CONFIRMED, "هویت رأی‌دهنده با اثر انگشت تأیید نشد.")
    if link is not LinkStatus.ONLINE:
        return CheckInDecision(False, LINK_DOWN, LINK_DOWN_MESSAGE)
    if existing is not None:
        if existing.request_id == request.request_id and existing.station_code == request.station_code:
            return CheckInDecision(True, ACCEPTED, "پذیرش پیشین این رأی‌دهنده بازگردانده شد.", existing, is_retry=True)
        return CheckInDecision(False, ALREADY_VOTED, already_voted_message(existing, now, tz), existing)
    if eligibility is None:
        message = "نام این شخص در فهرست رأی‌دهندگان این دوره نیست."
        return CheckInDecision(False, NOT_ELIGIBLE, message, eligibility_reason=NOT_ON_ROLL)
    if not eligibility.is_eligible:
        code = WRONG_CONSTITUENCY if eligibility.reason_code == OUTSIDE_CONSTITUENCY else NOT_ELIGIBLE
        return CheckInDecision(False, code, eligibility.message, eligibility_reason=eligibility.reason_code)
    record = CheckInRecord(request.national_code, request.station_code, request.request_id, now)
    return CheckInDecision(True, ACCEPTED, "رأی‌دهنده پذیرفته شد.", record, token_hash=request.token_hash)


ALREADY_CHECKED_IN = "پذیرفته شده و رمز رأی گرفته است؛ پذیرش دوباره در این دوره ممکن نیست."


def already_voted_message(existing: CheckInRecord, now: dt.datetime, tz: dt.tzinfo = TEHRAN) -> str:
    """«قبلاً در شعبه X در ساعت T پذیرفته شده ...», with the date too when it was another day.

    Only what the centre knows: the voter was checked in and given a token. Whether the token was
    spent it cannot say (nothing joins a check-in to its token or ballot), so it never says «voted»:
    a voter who checked in and left without voting must not be told they voted."""
    local = existing.checked_in_at.astimezone(tz)
    station = to_persian_digits(existing.station_code)
    if local.date() == now.astimezone(tz).date():
        return f"قبلاً در شعبه {station} در ساعت {to_persian_digits(f'{local:%H:%M}')} {ALREADY_CHECKED_IN}"
    return f"قبلاً در شعبه {station} در {format_datetime(existing.checked_in_at, tz)} {ALREADY_CHECKED_IN}"
