"""Settling check-ins: validating a request and confirming identity (no database), then deciding and storing
any number of them, in batches on PostgreSQL (``ostan.polling.checkin_batches``) and one by one through the
ORM elsewhere. The API's check-in action and the device gateway both come here.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.db import IntegrityError, OperationalError, connection, transaction

from ostan.auditlog.actions import record
from ostan.core.errors import DomainError
from ostan.core.national_code import parse as parse_national_code
from ostan.core.polling.checkin import CheckInDecision, CheckInRequest, IdentityOutcome, LinkStatus, decide_check_in
from ostan.core.polling.errors import ReplayedRequest
from ostan.dialects import uses_postgresql
from ostan.polling import link, polls
from ostan.polling.checkin_batches import settle
from ostan.polling.checkin_lookup import LOOKUP_SQL, VoterFacts, decide, facts_from_row
from ostan.polling.checkin_requests import Outcome, PendingCheckIn
from ostan.polling.device_requests import DEVICES, DeviceContext, advance_counter
from ostan.polling.edge.stations import StationInfo, station_info
from ostan.polling.errors import StationClosed, TokenReused, WrongDeviceKind
from ostan.polling.events import PollingEvent
from ostan.polling.identity import verifier
from ostan.polling.models import CheckIn, DeviceKind, Station, StationStatus, VotingToken

REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")
TOKEN_HASH = re.compile(r"[0-9a-f]{64}")


def _refuse_unless(advanced: int, is_open: int) -> None:
    if not advanced:
        raise ReplayedRequest("این درخواست پیش‌تر رسیده است (شمارنده تکراری است) یا دستگاه غیرفعال است.")
    if not is_open:
        raise StationClosed("این شعبه بسته شده است.")


def _store_portable_rows(p: dict[str, Any]) -> tuple[int, int, int | None, int]:
    """The store of checkin_batches with the ORM (SQLite demos); the unique constraint is still the guard."""
    advanced = connection.cursor().execute(
        "UPDATE polling_device SET last_counter = %s WHERE id = %s AND is_active"
        " AND (last_counter IS NULL OR last_counter < %s)", [p["counter"], p["device"], p["counter"]]
    ).rowcount  # fmt: skip
    is_open = Station.objects.filter(pk=p["station"], status=StationStatus.OPEN).exists()
    if not (advanced and is_open):
        return advanced, int(is_open), None, 0
    try:
        with transaction.atomic():
            checkin = CheckIn.objects.create(
                election_round_id=p["round"], national_code=p["code"], station_id=p["station"],
                constituency_id=p["constituency"], request_id=p["request"], checked_in_at=p["at"],
            )  # fmt: skip
    except IntegrityError:
        return advanced, 1, None, 0
    try:
        with transaction.atomic():
            VotingToken.objects.create(
                token_hash=p["token"], station_id=p["station"], constituency_id=p["constituency"]
            )
    except IntegrityError:
        return advanced, 1, checkin.pk, 0
    return advanced, 1, checkin.pk, 1


def _spend_counter(device: DeviceContext) -> None:
    """A refusal still uses up the request's counter, so the same signed request cannot come back."""
    try:
        with transaction.atomic(durable=True):
            advance_counter(device)
    except OperationalError:
        pass


def prepare_check_in(
    *,
    device: DeviceContext,
    request_id: str,
    national_code: str,
    evidence: str,
    token_hash: str,
    is_link_down: bool = False,
    now: dt.datetime | None = None,
) -> PendingCheckIn:
    """Validate a check-in request and confirm the voter's identity; no database access."""
    if device.kind != DeviceKind.AUTHENTICATION:
        raise WrongDeviceKind("پذیرش رأی‌دهنده فقط با دستگاه احراز هویت انجام می‌شود.")
    code = parse_national_code(national_code)
    if not REQUEST_ID.fullmatch(request_id) or not TOKEN_HASH.fullmatch(token_hash):
        raise DomainError("شناسهٔ درخواست یا چکیدهٔ رمز رأی نادرست است.", code="invalid_check_in")
    now = now or device.at
    request = CheckInRequest(request_id, device.station_code, code, token_hash)
    identity = IdentityOutcome.CONFIRMED if verifier().confirm(code, evidence) else IdentityOutcome.NOT_CONFIRMED
    decided = None
    if identity is not IdentityOutcome.CONFIRMED or is_link_down:
        link_status = LinkStatus.OFFLINE if is_link_down else LinkStatus.ONLINE
        decided = decide_check_in(
            request, eligibility=None, existing=None, link=link_status, identity=identity, now=now
        )
    return PendingCheckIn(device, request, now, decided)


def settle_check_ins(pending: list[PendingCheckIn]) -> list[Outcome]:
    """Settle prepared check-ins: in batches on PostgreSQL, one by one through the ORM elsewhere."""
    if uses_postgresql():
        return settle(pending)
    outcomes: list[Outcome] = []
    for p in pending:
        try:
            outcomes.append(_settle_portable(p))
        except DomainError as exc:
            outcomes.append(exc)
    return outcomes


def _settle_portable(pending: PendingCheckIn) -> CheckInDecision:
    if pending.decided is not None:
        _spend_counter(pending.device)
        return pending.decided
    try:
        return _decide_and_store_portable(pending, station_info(pending.device.station_id))
    except OperationalError:
        return decide_check_in(
            pending.request, eligibility=None, existing=None, link=LinkStatus.OFFLINE,
            identity=IdentityOutcome.CONFIRMED, now=pending.now,
        )  # fmt: skip


def _decide_and_store_portable(pending: PendingCheckIn, station: StationInfo) -> CheckInDecision:
    device, request, now = pending.device, pending.request, pending.now
    facts = _lookup_one(station, request.national_code)
    polls.ensure_open(station_pk=station.pk, round_pk=device.election_round_id, status=facts.station_status, now=now)
    decision, constituency = decide(request, station, facts, now)
    if not decision.is_new:
        _spend_counter(device)
        return decision
    if _store_portable(device, station, decision, constituency) is not None:
        return decision
    return decide(request, station, _lookup_one(station, request.national_code), now)[0]  # lost the race


def _lookup_one(station: StationInfo, code: str) -> VoterFacts:
    link.ensure_reachable()
    with connection.cursor() as cursor:
        cursor.execute(LOOKUP_SQL, [code, code, station.pk])
        row = cursor.fetchone()
    assert row is not None  # the station's own row: every device request names an existing station
    return facts_from_row(code, row)


def _store_portable(
    device: DeviceContext, station: StationInfo, decision: CheckInDecision, constituency: int
) -> int | None:
    """Store a fresh acceptance with the ORM; the check-in id, or None when another request won the race."""
    rec = decision.record
    assert rec is not None
    assert decision.token_hash is not None
    params: dict[str, Any] = {
        "counter": device.counter, "device": device.pk, "station": station.pk, "round": device.election_round_id,
        "code": rec.national_code, "constituency": constituency, "request": rec.request_id,
        "at": rec.checked_in_at, "token": decision.token_hash,
    }  # fmt: skip
    with transaction.atomic(durable=True):
        advanced, is_open, checkin_id, tokens = _store_portable_rows(params)
        _refuse_unless(advanced, is_open)
        if checkin_id is not None and not tokens:
            raise TokenReused("این رمز رأی پیش‌تر ثبت شده است؛ دستگاه باید رمز تازه بسازد.")
        if checkin_id is not None:
            record(
                actor=DEVICES, event=PollingEvent.CHECKED_IN, object_type="polling.checkin", object_id=str(checkin_id),
                object_label=f"{station.code}/{device.device_id}", unit_path=station.unit_path,
            )  # fmt: skip
    return checkin_id
