"""Check-in at the authentication device: at most one accepted check-in per voter per round, everywhere.

The decision is the core's (:func:`ostan.core.polling.checkin.decide_check_in`); the guarantee is the
database's. On PostgreSQL an acceptance is one statement (:data:`STORE_SQL`): it advances the
device's counter, inserts the check-in with ``ON CONFLICT DO NOTHING`` on UNIQUE(round, national code)
and registers the token hash only if that insert happened. Two stations racing for one voter both
reach the unique index; PostgreSQL makes the second wait for the first and then insert nothing, and
the loser is told where and when the voter was accepted. The audit row is written in the same
transaction and names the check-in and the device, never a token or a ballot.

Any ``OperationalError`` (the centre unreachable) refuses with ``link_down`` and writes nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.db import IntegrityError, OperationalError, connection, transaction
from django.utils import timezone

from ostan.auditlog.actions import record
from ostan.core.errors import DomainError
from ostan.core.national_code import parse as parse_national_code
from ostan.core.polling.checkin import (
    CheckInDecision,
    CheckInRecord,
    CheckInRequest,
    IdentityOutcome,
    LinkStatus,
    decide_check_in,
)
from ostan.core.polling.errors import ReplayedRequest
from ostan.core.polling.roll import Eligibility, Gender, Voter, eligibility
from ostan.polling import link, statements
from ostan.polling.constituencies import info as constituency_info
from ostan.polling.device_requests import DeviceContext, advance_counter
from ostan.polling.errors import StationClosed, TokenReused, WrongDeviceKind
from ostan.polling.identity import verifier
from ostan.polling.models import CheckIn, DeviceKind, Station, StationStatus, VotingToken
from ostan.polling.stations_cache import StationInfo, station_info

REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")
TOKEN_HASH = re.compile(r"[0-9a-f]{64}")

LOOKUP_SQL = """
SELECT st.status, r.birth_date, r.residence_unit_path, r.residence_since, r.constituency_id,
       r.first_name, r.last_name, r.gender, c.request_id, c.checked_in_at, s2.code
FROM polling_station st
LEFT JOIN polling_rollvoter r ON r.election_round_id = st.election_round_id AND r.national_code = %s
LEFT JOIN polling_checkin c ON c.election_round_id = st.election_round_id AND c.national_code = %s
LEFT JOIN polling_station s2 ON s2.id = c.station_id
WHERE st.id = %s
"""

# Both statements run prepared (ostan.polling.statements): planning them cost more than running them.
STORE_SQL = """
WITH dev AS (
  UPDATE polling_device SET last_counter = %(counter)s
  WHERE id = %(device)s AND is_active AND (last_counter IS NULL OR last_counter < %(counter)s)
  RETURNING id
), st AS (
  SELECT id FROM polling_station WHERE id = %(station)s AND status = 'open'
), ins AS (
  INSERT INTO polling_checkin (election_round_id, national_code, station_id, constituency_id, request_id, checked_in_at)
  SELECT %(round)s, %(code)s, st.id, %(constituency)s, %(request)s, %(at)s FROM dev CROSS JOIN st
  ON CONFLICT (election_round_id, national_code) DO NOTHING
  RETURNING id
), tok AS (
  INSERT INTO polling_votingtoken (token_hash, station_id, constituency_id, is_redeemed)
  SELECT %(token)s, %(station)s, %(constituency)s, false FROM ins
  RETURNING token_hash
), aud AS (
  INSERT INTO auditlog_entry (recorded_at, actor_id, actor_label, actor_role, actor_unit_id, event, object_type,
                              object_id, object_label, unit_path, before, after)
  SELECT %(at)s, NULL, 'system', 'system', NULL, 'polling.checked_in', 'polling.checkin',
         ins.id::text, %(label)s, %(unit_path)s, NULL, NULL FROM ins
  RETURNING id
)
SELECT (SELECT count(*) FROM dev), (SELECT count(*) FROM st), (SELECT id FROM ins), (SELECT count(*) FROM tok),
       (SELECT count(*) FROM aud)
"""


def _aware(value: Any) -> dt.datetime:
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    moment: dt.datetime = value
    return moment if timezone.is_aware(moment) else moment.replace(tzinfo=dt.UTC)


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def _lookup(station: StationInfo, code: str) -> tuple[str, Voter | None, int | None, CheckInRecord | None]:
    link.ensure_reachable()
    row = statements.fetch_one(LOOKUP_SQL, [code, code, station.pk])
    assert row is not None  # the station's own row: every device request names an existing station
    status, birth, path, since, constituency_pk, first, last, gender, request_id, at, where = row
    voter = None
    if birth is not None:
        voter = Voter(code, first, last, _date(birth), Gender(gender), path, _date(since))  # type: ignore[arg-type]
    existing = None if request_id is None else CheckInRecord(code, where, request_id, _aware(at))
    return status, voter, constituency_pk, existing


def _eligibility(
    station: StationInfo, voter: Voter | None, home: int | None, now: dt.datetime
) -> tuple[Eligibility | None, int]:
    target = home if home in station.constituency_pks else station.constituency_pks[0]
    if voter is None:
        return None, target
    c = constituency_info(target)
    day = station.election_date or timezone.localdate(now)
    verdict = eligibility(
        voter, election_date=day, constituency_unit_path=c.unit_path,
        constituency_population=c.population, settlement=c.settlement,
    )  # fmt: skip
    return verdict, target


def _store(device: DeviceContext, station: StationInfo, decision: CheckInDecision, constituency: int) -> int | None:
    """Store a fresh acceptance; the check-in id, or None when another request won the race.

    On PostgreSQL this is :data:`STORE_SQL`, one statement and so one transaction of its own: the
    counter, the check-in, the token and the audit row commit together or not at all. Its audit row
    has exactly the columns :func:`ostan.auditlog.actions.record` writes for a system actor; writing
    it in the statement saves a round trip and an ORM save on the busiest path of election day.
    """
    rec = decision.record
    assert rec is not None
    assert decision.token_hash is not None
    params: dict[str, Any] = {
        "counter": device.counter, "device": device.pk, "station": station.pk, "round": device.election_round_id,
        "code": rec.national_code, "constituency": constituency, "request": rec.request_id,
        "at": rec.checked_in_at, "token": decision.token_hash, "label": f"{station.code}/{device.device_id}",
        "unit_path": station.unit.path,
    }  # fmt: skip
    if connection.vendor == "postgresql":
        try:
            advanced, is_open, checkin_id, _, _ = statements.fetch_one(STORE_SQL, params)  # type: ignore[misc]
        except IntegrityError as exc:  # the token hash is already registered: nothing was written
            raise TokenReused("این رمز رأی پیش‌تر ثبت شده است؛ دستگاه باید رمز تازه بسازد.") from exc
        _refuse_unless(advanced, is_open)
        return int(checkin_id) if checkin_id is not None else None
    with transaction.atomic(durable=True):
        advanced, is_open, checkin_id, tokens = _store_portable(params)
        _refuse_unless(advanced, is_open)
        if checkin_id is not None and not tokens:
            raise TokenReused("این رمز رأی پیش‌تر ثبت شده است؛ دستگاه باید رمز تازه بسازد.")
        if checkin_id is not None:
            record(
                actor=None, event="polling.checked_in", object_type="polling.checkin", object_id=str(checkin_id),
                object_label=params["label"], unit=station.unit,
            )  # fmt: skip
    return checkin_id


def _refuse_unless(advanced: int, is_open: int) -> None:
    if not advanced:
        raise ReplayedRequest("این درخواست پیش‌تر رسیده است (شمارنده تکراری است) یا دستگاه غیرفعال است.")
    if not is_open:
        raise StationClosed("این شعبه بسته شده است.")


def _store_portable(p: dict[str, Any]) -> tuple[int, int, int | None, int]:
    """The same as STORE_SQL with the ORM (SQLite demos); the unique constraint is still the guard."""
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


def check_in(
    *,
    device: DeviceContext,
    request_id: str,
    national_code: str,
    evidence: str,
    token_hash: str,
    is_link_down: bool = False,
    now: dt.datetime | None = None,
) -> CheckInDecision:
    """Decide and, when accepted, record one check-in (see the module docstring)."""
    if device.kind != DeviceKind.AUTHENTICATION:
        raise WrongDeviceKind("پذیرش رأی‌دهنده فقط با دستگاه احراز هویت انجام می‌شود.")
    code = parse_national_code(national_code)
    if not REQUEST_ID.fullmatch(request_id) or not TOKEN_HASH.fullmatch(token_hash):
        raise DomainError("شناسهٔ درخواست یا چکیدهٔ رمز رأی نادرست است.", code="invalid_check_in")
    now = now or device.at
    request = CheckInRequest(request_id, device.station_code, code, token_hash)
    identity = IdentityOutcome.CONFIRMED if verifier().confirm(code, evidence) else IdentityOutcome.NOT_CONFIRMED
    station = station_info(device.station_id)
    if identity is not IdentityOutcome.CONFIRMED or is_link_down:
        link_status = LinkStatus.OFFLINE if is_link_down else LinkStatus.ONLINE
        decision = decide_check_in(
            request, eligibility=None, existing=None, link=link_status, identity=identity, now=now
        )
        _spend_counter(device)
        return decision
    try:
        return _decide_and_store(device, station, request, now)
    except OperationalError:
        return decide_check_in(
            request, eligibility=None, existing=None, link=LinkStatus.OFFLINE, identity=identity, now=now
        )


def _decide_and_store(
    device: DeviceContext, station: StationInfo, request: CheckInRequest, now: dt.datetime
) -> CheckInDecision:
    status, voter, home, existing = _lookup(station, request.national_code)
    if status != StationStatus.OPEN:
        raise StationClosed("این شعبه بسته شده است.")
    verdict, constituency = _eligibility(station, voter, home, now)
    online, confirmed = LinkStatus.ONLINE, IdentityOutcome.CONFIRMED
    decision = decide_check_in(
        request, eligibility=verdict, existing=existing, link=online, identity=confirmed, now=now
    )
    if not decision.is_new:
        _spend_counter(device)
        return decision
    if _store(device, station, decision, constituency) is not None:
        return decision
    _, _, _, existing = _lookup(station, request.national_code)  # lost the race: say to whom
    return decide_check_in(request, eligibility=verdict, existing=existing, link=online, identity=confirmed, now=now)
