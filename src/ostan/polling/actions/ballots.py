"""Casting ballots at the voting device: the token is spent and the ballot stored in one transaction.

The ballot id is made by the voting device (128 bits from its secure random source) so that a retry
after a lost answer, and a later upload of the device's journal, store the ballot once: a ballot id
already stored with the same station and codes is answered as a duplicate, with its receipt. Nothing
stored with the ballot names the token, the voter or a time; the audit row says only that a ballot
was cast at the station (never its id, receipt or codes).

Machine ballots must be valid or blank under the counting core's rules for the token's constituency:
the kiosk never lets anything else through, so anything else is refused before the token is spent.

On PostgreSQL a cast is two prepared statements in one transaction (:data:`SPEND_SQL`,
:data:`STORE_SQL`): the first advances the counter, looks for the ballot id, reads the station's
status and spends the token only if all of that allows it; the second stores the ballot and its
audit row (the columns :func:`ostan.auditlog.actions.record` writes for a system actor). A refusal
raised between them rolls the whole transaction back, token included.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection, transaction

from ostan.auditlog.actions import action, counted, record
from ostan.auditlog.rows import system_insert
from ostan.core.errors import DomainError
from ostan.core.polling.ballots import make_ballot, stored_codes
from ostan.core.polling.errors import ReplayedRequest
from ostan.core.polling.short_codes import presented_token
from ostan.core.polling.tokens import TokenRecord, redeem, token_hash
from ostan.dialects import uses_postgresql
from ostan.polling import polls, statements
from ostan.polling.casting import BallotItem, CastOutcome, code_of, judge, voting_device
from ostan.polling.device_requests import DEVICES, DeviceContext, advance_counter
from ostan.polling.edge.stations import station_info
from ostan.polling.errors import BallotIdConflict
from ostan.polling.events import PollingEvent
from ostan.polling.models import CastBallot, TokenHolder, VotingToken

MAX_BATCH = 1_000

SPEND_SQL = """
WITH dev AS (
  UPDATE polling_device SET last_counter = %(counter)s
  WHERE id = %(device)s AND is_active AND (last_counter IS NULL OR last_counter < %(counter)s)
  RETURNING id
), dup AS (
  SELECT station_id, codes, receipt_code FROM polling_castballot WHERE ballot_id = %(ballot)s
), st AS (
  SELECT status FROM polling_station WHERE id = %(station)s
), tok AS (
  UPDATE polling_votingtoken SET is_redeemed = true
  WHERE token_hash = %(token)s AND station_id = %(station)s AND NOT is_redeemed
    AND EXISTS (SELECT 1 FROM dev) AND NOT EXISTS (SELECT 1 FROM dup) AND (SELECT status FROM st) = 'open'
  RETURNING constituency_id
), held AS (
  DELETE FROM polling_tokenholder WHERE token_hash = %(token)s AND EXISTS (SELECT 1 FROM tok)
)
SELECT (SELECT count(*) FROM dev), (SELECT station_id FROM dup), (SELECT codes FROM dup),
       (SELECT receipt_code FROM dup), (SELECT status FROM st), (SELECT constituency_id FROM tok)
"""
STORE_BALLOT_SQL = """
WITH b AS (
  INSERT INTO polling_castballot (ballot_id, station_id, constituency_id, codes, receipt_code)
  VALUES (%(ballot)s, %(station)s, %(constituency)s, %(codes)s, %(receipt)s)
  RETURNING 1
)"""
# The audit columns are auditlog.rows' constants and placeholders: no text from a request is in the SQL.
STORE_SQL = "\n".join(
    (
        STORE_BALLOT_SQL,
        system_insert(
            actor=DEVICES,
            event=PollingEvent.BALLOT_CAST,
            object_type="polling.station",
            values={
                "recorded_at": "%(at)s",
                "object_id": "%(station_text)s",
                "object_label": "%(station_code)s",
                "unit_path": "%(unit_path)s",
            },
            source="FROM b",
        ),
    )
)


def _refusal_for(device: DeviceContext, hashed: str) -> DomainError:
    found = VotingToken.objects.filter(token_hash=hashed).values_list("station_id", "is_redeemed").first()
    rec = None if found is None else TokenRecord(hashed, code_of(found[0]), found[1])
    try:
        redeem(rec, station_code=device.station_code)
    except DomainError as exc:
        return exc
    return DomainError("رمز رأی همزمان مصرف شد.", code="token_already_used", details=None)


def _duplicate(device: DeviceContext, item: BallotItem) -> CastOutcome | None:
    stored = (
        CastBallot.objects.filter(ballot_id=item.ballot_id).values_list("station_id", "codes", "receipt_code").first()
    )
    if stored is None:
        return None
    if stored[0] != device.station_id or stored[1] != stored_codes(item.codes):
        raise BallotIdConflict("برگه‌ای دیگر با همین شناسه ثبت شده است.")
    return CastOutcome(item.ballot_id, stored[2], is_duplicate=True)


def _ensure_open(device: DeviceContext) -> None:
    from ostan.polling.models import Station

    status = Station.objects.filter(pk=device.station_id).values_list("status", flat=True).first()
    polls.ensure_open(station_pk=device.station_id, round_pk=device.election_round_id, status=status or "",
                      now=device.at, is_ballot=True)  # fmt: skip


@action(may_change_nothing=True)
def cast_ballot(*, device: DeviceContext, ballot_id: str, token: str, codes: Sequence[str]) -> CastOutcome:
    """Spend ``token`` and store the ballot, or refuse and change nothing."""
    voting_device(device)
    if uses_postgresql():
        with transaction.atomic(durable=True):
            return _cast_prepared(device, BallotItem(ballot_id, token, tuple(codes)))
    item = BallotItem(ballot_id, token, tuple(codes))
    with transaction.atomic(durable=True):
        advance_counter(device)
        duplicate = _duplicate(device, item)
        if duplicate is not None:
            return duplicate
        _ensure_open(device)
        hashed = token_hash(presented_token(token, station_code=device.station_code))
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE polling_votingtoken SET is_redeemed = %s WHERE token_hash = %s AND station_id = %s"
                " AND NOT is_redeemed RETURNING constituency_id", [True, hashed, device.station_id]
            )  # fmt: skip
            row = cursor.fetchone()
        if row is None:
            raise _refusal_for(device, hashed)
        TokenHolder.objects.filter(pk=hashed).delete()  # the spent token's voter is forgotten
        ballot = make_ballot(
            ballot_id=ballot_id, station_code=device.station_code, constituency_id=str(row[0]), codes=codes
        )
        judge(row[0], ballot)
        CastBallot.objects.create(
            ballot_id=ballot.ballot_id, station_id=device.station_id, constituency_id=row[0],
            codes=" ".join(ballot.codes), receipt_code=ballot.receipt_code,
        )  # fmt: skip
        record(
            actor=DEVICES,
            event=PollingEvent.BALLOT_CAST,
            object_type="polling.station",
            object_id=str(device.station_id),
            object_label=device.station_code,
            unit_path=station_info(device.station_id).unit_path,
        )
    return CastOutcome(ballot.ballot_id, ballot.receipt_code, is_duplicate=False)


def _cast_prepared(device: DeviceContext, item: BallotItem) -> CastOutcome:
    """:func:`cast_ballot` in two prepared statements, the checks in the same order (see the module docstring)."""
    hashed, station = token_hash(presented_token(item.token, station_code=device.station_code)), device.station_id
    params = {"counter": device.counter, "device": device.pk, "ballot": item.ballot_id, "station": station,
              "token": hashed}  # fmt: skip
    row = statements.fetch_one(SPEND_SQL, params)
    assert row is not None
    advanced, dup_station, dup_codes, dup_receipt, status, constituency = row
    if not advanced:
        raise ReplayedRequest("این درخواست پیش‌تر رسیده است (شمارنده تکراری است).")
    if dup_station is not None:
        if dup_station != station or dup_codes != stored_codes(item.codes):
            raise BallotIdConflict("برگه‌ای دیگر با همین شناسه ثبت شده است.")
        return CastOutcome(item.ballot_id, dup_receipt, is_duplicate=True)
    polls.ensure_open(station_pk=station, round_pk=device.election_round_id, status=status, now=device.at,
                      is_ballot=True)  # fmt: skip
    if constituency is None:
        raise _refusal_for(device, hashed)
    ballot = make_ballot(ballot_id=item.ballot_id, station_code=device.station_code,
                         constituency_id=str(constituency), codes=item.codes)  # fmt: skip
    judge(constituency, ballot)
    statements.execute(STORE_SQL, {
        "ballot": ballot.ballot_id, "station": station, "constituency": constituency, "codes": " ".join(ballot.codes),
        "receipt": ballot.receipt_code, "at": device.at, "station_text": str(station),
        "station_code": device.station_code, "unit_path": station_info(station).unit_path,
    })  # fmt: skip
    counted()  # the statement's own audit row
    return CastOutcome(ballot.ballot_id, ballot.receipt_code, is_duplicate=False)
