"""Voting tokens after check-in: the short code the voter types at the kiosk, and voiding a spoilt or
lost token under a member of the station's record.

**Short codes.** The authentication device makes the voter's long token and sends only its hash with
the check-in (the hot path is unchanged). Right after the acceptance it asks for the token's short code
(:func:`issue_short_code`): the centre draws eight digits from its CSPRNG, adds the Damm check digit
and re-keys the unspent token to ``short_token(station, code)``. From then on only the nine digits (or
their QR code) open the ballot, at that station only, once; the long token no longer does. The same
request records which check-in holds the token (:class:`~ostan.polling.models.TokenHolder`), the only
row joining a voter to a token, which every path that spends or voids the token deletes.

**Voiding.** A *spoilt* token (a torn card, a device that failed mid-ballot) is typed by the member
and voided (:func:`replace_token`); a *lost* one is found from the voter's check-in through its holder
row (:func:`void_lost_token`). Either way the old token is spent without a ballot, a fresh short code
for the same constituency is issued and shown once, and a :class:`~ostan.polling.models.VoidedToken`
row (station, constituency, reason: nothing else) is counted in the station's minutes. The voter's
check-in is not touched. Ballots stay at most one per check-in (the minutes still check it at close).
"""

from __future__ import annotations

import re
import secrets

from django.db import transaction

from ostan.auditlog.actions import action, record
from ostan.core.access import Actor, ensure
from ostan.core.errors import DomainError
from ostan.core.polling.short_codes import SPACE, make_short_code, presented_token, short_token
from ostan.core.polling.tokens import token_hash
from ostan.core.text import only_digits
from ostan.polling.device_requests import DEVICES, DeviceContext, advance_counter
from ostan.polling.errors import StationClosed, WrongDeviceKind
from ostan.polling.events import PollingEvent
from ostan.polling.models import (
    CheckIn,
    DeviceKind,
    Station,
    StationStatus,
    TokenHolder,
    VoidedToken,
    VoidReason,
    VotingToken,
)
from ostan.polling.permissions import RUN_STATION
from ostan.polling.token_cards import IssuedCode
from ostan.territory.scope import target_of

TOKEN_HASH = re.compile(r"[0-9a-f]{64}")
DRAWS = 8  # a code already used at the station is drawn again; eight misses in a row never happen


def _fresh_hash(station_code: str) -> tuple[str, str]:
    """A short code never used at the station, drawn from the server's CSPRNG, and its token's hash."""
    for _ in range(DRAWS):
        code = make_short_code(secrets.randbelow(SPACE))
        hashed = token_hash(short_token(station_code, code))
        if not VotingToken.objects.filter(token_hash=hashed).exists():
            return code, hashed
    raise DomainError("کد کوتاه تازه ساخته نشد؛ دوباره تلاش کنید.", code="short_code_unavailable")  # pragma: no cover


def _member(actor: Actor, station: Station) -> None:
    ensure(actor, RUN_STATION, target_of(station.unit))
    if actor.person_id is None or not station.officials.filter(pk=actor.person_id).exists():
        raise DomainError("رمز رأی را فقط اعضای همین شعبه باطل می‌کنند.", code="not_station_official")


def _open_station(pk: int) -> Station:
    # FOR NO KEY UPDATE: serialised with closing (FOR UPDATE), so no holder row outlives a close, but
    # never in the way of the check-ins' and ballots' foreign-key checks on the same row (FOR KEY SHARE).
    locked = Station.objects.select_for_update(no_key=True).get(pk=pk)
    if locked.status != StationStatus.OPEN:
        raise StationClosed("این شعبه بسته شده است؛ رمز رأی باطل یا صادر نمی‌شود.")
    return locked


@action()
def issue_short_code(*, device: DeviceContext, token: str, national_code: str, request_id: str) -> IssuedCode:
    """Re-key the voter's unspent token to a fresh short code and record which check-in holds it.

    ``token`` is the long token the authentication device made for this check-in (``request_id``, the
    voter's ``national_code``). A retry after a lost answer (the token already re-keyed) draws another
    code for the same held token, so the voter always leaves with a code that works.
    """
    if device.kind != DeviceKind.AUTHENTICATION:
        raise WrongDeviceKind("کد کوتاه را فقط دستگاه احراز هویت می‌گیرد.")
    code_digits = only_digits(national_code) or ""
    with transaction.atomic(durable=True):
        advance_counter(device)
        station = _open_station(device.station_id)
        check_in = CheckIn.objects.filter(
            national_code=code_digits, election_round_id=device.election_round_id, station_id=station.pk,
            request_id=request_id,
        ).first()  # fmt: skip
        if check_in is None:
            raise DomainError("این رأی‌دهنده در این شعبه با این درخواست پذیرفته نشده است.", code="check_in_not_found")
        held = TokenHolder.objects.filter(check_in=check_in).first()
        old_hash = held.token_hash if held is not None else token_hash(token)
        old = VotingToken.objects.select_for_update().filter(token_hash=old_hash, station=station).first()
        if old is None or old.is_redeemed:
            raise DomainError("رمز رأی این پذیرش در این شعبه نیست یا مصرف شده است.", code="token_not_found")
        code, hashed = _fresh_hash(station.code)
        VotingToken.objects.filter(token_hash=old_hash).update(token_hash=hashed)
        TokenHolder.objects.filter(check_in=check_in).delete()
        TokenHolder.objects.create(token_hash=hashed, check_in=check_in, station=station)
        record(actor=DEVICES, event=PollingEvent.SHORT_CODE_ISSUED, obj=station, unit=station.unit)
    return IssuedCode(code, old.constituency_id)


def _void(station: Station, token: VotingToken, reason: VoidReason) -> tuple[str, str]:
    """Spend ``token`` without a ballot, count it, and register a fresh short code in its place."""
    token.is_redeemed = True  # spent without a ballot: it can never be used
    token.save(update_fields=["is_redeemed"])
    VoidedToken.objects.create(station=station, constituency_id=token.constituency_id, reason=reason)
    code, hashed = _fresh_hash(station.code)
    VotingToken.objects.create(token_hash=hashed, station=station, constituency_id=token.constituency_id)
    return code, hashed


@action()
def replace_token(*, actor: Actor, station: Station, spoilt_token: str) -> IssuedCode:
    """Void ``spoilt_token`` (a long token or a short code, unspent, issued at ``station``) and issue a
    fresh short code for the same constituency."""
    _member(actor, station)
    old_hash = token_hash(presented_token(spoilt_token.replace("-", "").replace(" ", ""), station_code=station.code))
    with transaction.atomic(durable=True):
        locked = _open_station(station.pk)
        spoilt = VotingToken.objects.select_for_update().filter(token_hash=old_hash, station=locked).first()
        if spoilt is None:
            raise DomainError("چنین رمزی در این شعبه صادر نشده است.", code="token_not_found")
        if spoilt.is_redeemed:
            raise DomainError("با این رمز پیش‌تر رأی داده شده یا رمز باطل شده است.", code="token_already_used")
        code, hashed = _void(locked, spoilt, VoidReason.SPOILT)
        holder = TokenHolder.objects.filter(token_hash=old_hash).first()
        if holder is not None:  # the voter's check-in now holds the new token
            TokenHolder.objects.filter(pk=old_hash).delete()
            TokenHolder.objects.create(token_hash=hashed, check_in_id=holder.check_in_id, station=locked)
        record(actor=actor, event=PollingEvent.TOKEN_REPLACED, obj=locked, unit=station.unit,
               after={"constituency": spoilt.constituency_id, "reason": VoidReason.SPOILT.value})  # fmt: skip
    return IssuedCode(code, spoilt.constituency_id)


@action()
def void_lost_token(*, actor: Actor, station: Station, national_code: str) -> IssuedCode:
    """Void the unspent token of the voter checked in here with ``national_code``, and issue another.

    The token is found through its holder row, which exists only while the token is unspent and was
    made when the check-in device took its short code. The audit entry names the member and the
    constituency, never the voter or a token.
    """
    _member(actor, station)
    code_digits = only_digits(national_code)
    if code_digits is None or len(code_digits) != 10:
        raise DomainError("کد ملی باید ده رقم باشد.", code="invalid_national_code")
    with transaction.atomic(durable=True):
        locked = _open_station(station.pk)
        check_in = CheckIn.objects.filter(national_code=code_digits, election_round_id=locked.election_round_id).first()
        if check_in is None or check_in.station_id != locked.pk:
            raise DomainError("این رأی‌دهنده در این شعبه پذیرفته نشده است.", code="check_in_not_found")
        holder = TokenHolder.objects.filter(check_in=check_in).first()
        lost = None if holder is None else VotingToken.objects.select_for_update().filter(pk=holder.token_hash).first()
        if holder is None or lost is None or lost.is_redeemed:
            raise DomainError(
                "برای این رأی‌دهنده رمز مصرف‌نشده‌ای ثبت نیست: یا رأی داده، یا رمزش پیش‌تر باطل شده، یا کد کوتاه"
                " نگرفته است (در این صورت رمز بلند کارتش را در «رمز خراب» وارد کنید).",
                code="no_unspent_token",
            )
        code, hashed = _void(locked, lost, VoidReason.LOST)
        holder.delete()
        TokenHolder.objects.create(token_hash=hashed, check_in=check_in, station=locked)
        record(actor=actor, event=PollingEvent.TOKEN_VOIDED, obj=locked, unit=station.unit,
               after={"constituency": lost.constituency_id, "reason": VoidReason.LOST.value})  # fmt: skip
    return IssuedCode(code, lost.constituency_id)
