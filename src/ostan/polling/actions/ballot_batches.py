"""A voting device's ballot journal uploaded in one request: for paper-record re-entry, for replaying
a journal after a lost connection, and for throughput. Tokens are still online and single-use.

Each item is decided on its own (accepted, duplicate, or refused with a code), all in one
transaction with one audit row giving counts only. On PostgreSQL the work is set-based, so a batch
costs a handful of prepared statements whatever its size (:func:`_cast_set`):

1. one statement advances the device's counter and reads the station's status;
2. one ``UPDATE ... WHERE token_hash = ANY(...) AND NOT is_redeemed RETURNING`` spends every token
   of the batch at once: a token raced by another request is returned to exactly one of them, and
   each token is claimed by the first item of the batch that presents it;
3. the items whose token was spent are checked (ballot id, codes, the counting core's verdict, each
   distinct ballot judged once) and inserted with one ``INSERT ... SELECT FROM unnest(...)``; if one
   of their ids is stored already (a conflict, or a retry racing its original) that insert fails and
   the transaction runs again with ``ON CONFLICT DO NOTHING RETURNING``, which skips such rows;
4. the tokens of items that were refused after all (an invalid ballot, a ballot id already stored)
   are given back with one update, so a refused item never uses up its token;
5. only when something was not accepted, two reads say why, in the order the single-ballot path
   decides: a known ballot id (duplicate, or a conflict), then the token's refusal, then the ballot's.

Two uploads locking the same tokens in different orders could deadlock; hashes and ids are sorted so
that they do not, and a deadlock or serialization failure reported anyway re-runs the transaction.
Other databases (the SQLite demo) take :func:`_cast_portable`, the same decisions with the ORM.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from django.db import IntegrityError, OperationalError, connection, transaction
from django.db.backends.utils import CursorWrapper
from psycopg import errors as pg_errors

from ostan.auditlog.actions import action, counted, record
from ostan.auditlog.rows import system_insert
from ostan.core.errors import DomainError
from ostan.core.polling.ballots import BallotRecord, is_ballot_id, make_ballot, make_ballots, stored_codes
from ostan.core.polling.errors import ReplayedRequest
from ostan.core.polling.short_codes import presented_token
from ostan.core.polling.tokens import TokenRecord, redeem, token_hash
from ostan.dialects import uses_postgresql
from ostan.polling import polls, statements
from ostan.polling.actions.ballots import MAX_BATCH, _ensure_open
from ostan.polling.casting import BallotItem, BatchOutcome, CastOutcome, ItemRefusal, judge, voting_device
from ostan.polling.constituencies import info as constituency_info
from ostan.polling.device_requests import DEVICES, DeviceContext, advance_counter
from ostan.polling.edge.stations import station_info
from ostan.polling.events import PollingEvent
from ostan.polling.models import CastBallot, TokenHolder, VotingToken

RETRIES = 3
ALREADY_USED = "با این رمز پیش‌تر رأی داده شده است."
ID_CONFLICT = "برگه‌ای دیگر با همین شناسه ثبت شده است."

OPEN_SQL = """
WITH dev AS (
  UPDATE polling_device SET last_counter = %s
  WHERE id = %s AND is_active AND (last_counter IS NULL OR last_counter < %s)
  RETURNING id
)
SELECT (SELECT count(*) FROM dev), (SELECT status FROM polling_station WHERE id = %s)
"""
# Arrays travel as one comma-separated text each: hashes, ballot ids, receipts and codes are checked to
# be hex, base32 or digits and spaces first, and quoting one string is far cheaper than quoting 1,000.
# Codes carry a leading "." so that a batch of one blank ballot is still one element, not an empty array.
# The spent tokens' holder rows (which check-in held each) go in the same statement.
SPEND_SQL = (
    "WITH tok AS (UPDATE polling_votingtoken SET is_redeemed = true WHERE token_hash = ANY(string_to_array(%s, ','))"
    " AND station_id = %s AND NOT is_redeemed RETURNING token_hash, constituency_id),"
    " held AS (DELETE FROM polling_tokenholder h USING tok WHERE h.token_hash = tok.token_hash)"
    " SELECT token_hash, constituency_id FROM tok"
)
GIVE_BACK_SQL = (
    "UPDATE polling_votingtoken SET is_redeemed = false"
    " WHERE token_hash = ANY(string_to_array(%s, ',')) AND station_id = %s"
)
INSERT_SQL = """
INSERT INTO polling_castballot (ballot_id, station_id, constituency_id, codes, receipt_code)
SELECT u.b, %s, u.c::bigint, substr(u.k, 2), u.r
FROM unnest(string_to_array(%s, ','), string_to_array(%s, ','), string_to_array(%s, ','), string_to_array(%s, ','))
     AS u(b, c, k, r)
"""
# A ballot id is almost never stored already when its token was still unspent (a conflicting id, or a
# retry racing its original), and the speculative insertion ON CONFLICT needs costs a quarter of storing
# a ballot. So the plain insert runs first; when it meets a stored id the transaction is run again
# with this one, which skips such rows and says which it stored.
INSERT_SKIPPING_SQL = INSERT_SQL + "ON CONFLICT DO NOTHING RETURNING ballot_id"
# The upload's audit row: the columns ostan.auditlog.actions.record writes for a system actor (as the
# single-ballot path's STORE_SQL does), as a prepared statement rather than an ORM insert.
AUDIT_SQL = system_insert(
    actor=DEVICES,
    event=PollingEvent.BALLOTS_UPLOADED,
    object_type="polling.station",
    values={"recorded_at": "%s", "object_id": "%s", "object_label": "%s", "unit_path": "%s", "after": "%s::jsonb"},
)
KNOWN_SQL = "SELECT ballot_id, station_id, codes, receipt_code FROM polling_castballot WHERE ballot_id = ANY(%s)"
TOKENS_SQL = "SELECT token_hash, station_id, is_redeemed FROM polling_votingtoken WHERE token_hash = ANY(%s)"


def _hashed(device: DeviceContext, item: BallotItem) -> str:
    """The hash of the token an item presents (a mistyped short code is a token never issued)."""
    return token_hash(presented_token(item.token, station_code=device.station_code, is_strict=False))


@action()
def cast_batch(*, device: DeviceContext, items: Sequence[BallotItem]) -> BatchOutcome:
    """Decide and store every item of a voting device's journal (see the module docstring)."""
    voting_device(device)
    if not 0 < len(items) <= MAX_BATCH or len({i.ballot_id for i in items}) != len(items):
        raise DomainError(f"یک دسته باید ۱ تا {MAX_BATCH} برگه با شناسه‌های یکتا داشته باشد.", code="invalid_batch")
    if not uses_postgresql():
        return _cast_portable(device, items)
    is_skipping = False
    for attempt in range(RETRIES):
        try:
            with transaction.atomic(durable=True):
                return _cast_set(device, items, is_skipping=is_skipping)
        except IntegrityError as exc:  # a ballot id stored meanwhile: run again, skipping it
            if is_skipping or not isinstance(exc.__cause__, pg_errors.UniqueViolation):
                raise
            is_skipping = True
        except OperationalError as exc:
            retryable = isinstance(exc.__cause__, pg_errors.DeadlockDetected | pg_errors.SerializationFailure)
            if not retryable or attempt == RETRIES - 1:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


class _Batch:
    """One upload's items and what has been decided about each, by index."""

    def __init__(self, device: DeviceContext, items: Sequence[BallotItem]) -> None:
        self.device = device
        self.items = items
        self.hashes = [_hashed(device, item) for item in items]
        self.owner: dict[str, int] = {}  # token hash → the first item presenting it
        self.accepted: dict[int, CastOutcome] = {}
        self.refused: dict[int, ItemRefusal] = {}
        self.unexplained: list[int] = []  # not accepted, reason still to find
        for i, hashed in enumerate(self.hashes):
            if hashed in self.owner:
                self.refused[i] = ItemRefusal(items[i].ballot_id, "token_already_used", ALREADY_USED)
            else:
                self.owner[hashed] = i

    def refuse(self, i: int, exc: DomainError) -> None:
        self.refused[i] = ItemRefusal(self.items[i].ballot_id, exc.code, exc.message)


# A ballot ready to store: (ballot id, item index, constituency, "." + codes, receipt code).
_Ready = tuple[str, int, int, str, str]


def _cast_set(device: DeviceContext, items: Sequence[BallotItem], *, is_skipping: bool) -> BatchOutcome:
    batch, station = _Batch(device, items), device.station_id
    row = statements.fetch_one(OPEN_SQL, [device.counter, device.pk, device.counter, station])
    assert row is not None
    advanced, status = row
    if not advanced:
        raise ReplayedRequest("این درخواست پیش‌تر رسیده است (شمارنده تکراری است).")
    polls.ensure_open(station_pk=station, round_pk=device.election_round_id, status=status, now=device.at,
                      is_ballot=True)  # fmt: skip
    spent = dict(statements.fetch_all(SPEND_SQL, [",".join(sorted(batch.owner)), station]))
    ready, give_back = _checked(batch, spent)
    if ready:
        ready.sort()  # by ballot id: two uploads insert in one order
        ids, _, constituencies, codes, receipts = zip(*ready, strict=True)
        params = [station, ",".join(ids), ",".join(map(str, constituencies)), ",".join(codes), ",".join(receipts)]
        stored: set[str] = set()
        if is_skipping:
            stored = {b for (b,) in statements.fetch_all(INSERT_SKIPPING_SQL, params)}
        else:
            statements.execute(INSERT_SQL, params)  # stores every row, or raises IntegrityError
        accepted = batch.accepted
        for ballot_id, i, _, _, receipt in ready:
            if not is_skipping or ballot_id in stored:
                accepted[i] = CastOutcome(ballot_id, receipt, False)
            else:  # stored meanwhile under this id: its token goes back, the reason is found below
                give_back.append(batch.hashes[i])
                batch.unexplained.append(i)
    if give_back:
        statements.execute(GIVE_BACK_SQL, [",".join(sorted(give_back)), station])
    if batch.unexplained:
        with connection.cursor() as cursor:
            _explain(batch, cursor)
    return _finish(batch)


def _checked(batch: _Batch, spent: dict[str, int]) -> tuple[list[_Ready], list[str]]:
    """Items whose token was spent, checked: ballots ready to insert; token hashes to give back."""
    # The spent tokens' hashes and items, in two flat lists: a journal's per-ballot objects are what the
    # garbage collector walks while the upload runs, so the loops below make as few as they can.
    taken, taken_items = [], []
    for hashed, i in batch.owner.items():
        if hashed in spent:
            taken.append(hashed)
            taken_items.append(i)
        else:
            batch.unexplained.append(i)
    items, names = batch.items, {c: str(c) for c in set(spent.values())}
    ballots = make_ballots(station_code=batch.device.station_code,
                           ballots=((items[i].ballot_id, names[spent[h]], items[i].codes)
                                    for h, i in zip(taken, taken_items, strict=True)))  # fmt: skip
    ready: list[_Ready] = []
    give_back: list[str] = []
    forms = {c: constituency_info(c).form for c in names}
    refusals: dict[tuple[int, tuple[str, ...]], DomainError | None] = {}
    for hashed, i, ballot in zip(taken, taken_items, ballots, strict=True):
        constituency = spent[hashed]
        if isinstance(ballot, DomainError):
            batch.refuse(i, ballot)
        else:
            codes, form = ballot.codes, forms[constituency]
            # The counting core's own fast-path test (tally_ballots): no codes is a blank ballot, and
            # distinct known candidate codes within the seats a valid one; anything else is judged in full.
            if not codes or (
                len(codes) <= form.seats and form.candidate_codes.issuperset(codes) and len(set(codes)) == len(codes)
            ):
                ready.append((ballot.ballot_id, i, constituency, "." + " ".join(codes), ballot.receipt_code))
                continue
            key = (constituency, codes)
            if key not in refusals:  # each distinct ballot judged once
                refusals[key] = _refusal(constituency, ballot)
            refusal = refusals[key]
            if refusal is None:
                ready.append((ballot.ballot_id, i, constituency, "." + " ".join(codes), ballot.receipt_code))
                continue
            batch.refuse(i, refusal)
        give_back.append(hashed)
        batch.unexplained.append(i)  # a known ballot id still takes precedence over the refusal
    return ready, give_back


def _refusal(constituency: int, ballot: BallotRecord) -> DomainError | None:
    """None for a ballot the kiosk could have sent, else the refusal."""
    try:
        judge(constituency, ballot)
    except DomainError as exc:
        return exc
    return None


def _explain(batch: _Batch, cursor: CursorWrapper) -> None:
    """Why each unexplained item was not accepted, in the single-ballot path's order of checks."""
    # Only a well-formed id can have been stored; any other text (a NUL, a comma) is not looked up.
    ids = [b for b in (batch.items[i].ballot_id for i in batch.unexplained) if is_ballot_id(b)]
    cursor.execute(KNOWN_SQL, [ids])
    known = {b: (s, c, r) for b, s, c, r in cursor.fetchall()}
    hashes = [batch.hashes[i] for i in batch.unexplained if batch.items[i].ballot_id not in known]
    tokens: dict[str, tuple[int, bool]] = {}
    if hashes:
        cursor.execute(TOKENS_SQL, [hashes])
        tokens = {h: (s, r) for h, s, r in cursor.fetchall()}
    for i in batch.unexplained:
        item = batch.items[i]
        hit = known.get(item.ballot_id)
        if hit is not None:
            batch.refused.pop(i, None)
            if hit[0] == batch.device.station_id and hit[1] == stored_codes(item.codes):
                batch.accepted[i] = CastOutcome(item.ballot_id, hit[2], is_duplicate=True)
            else:
                batch.refused[i] = ItemRefusal(item.ballot_id, "ballot_id_conflict", ID_CONFLICT)
        elif i not in batch.refused:
            batch.refuse(i, _token_refusal(batch.device, batch.hashes[i], tokens.get(batch.hashes[i])))


def _token_refusal(device: DeviceContext, hashed: str, found: tuple[int, bool] | None) -> DomainError:
    record_ = None if found is None else TokenRecord(hashed, station_info(found[0]).code, found[1])
    try:
        redeem(record_, station_code=device.station_code)
    except DomainError as exc:
        return exc
    return DomainError(ALREADY_USED, code="token_already_used")  # spent by a request that raced this one


def _finish(batch: _Batch) -> BatchOutcome:
    duplicates = sum(a.is_duplicate for a in batch.accepted.values())
    counts = {"accepted": len(batch.accepted) - duplicates, "duplicates": duplicates, "refused": len(batch.refused)}
    device = batch.device
    statements.execute(AUDIT_SQL, [device.at, str(device.station_id), device.station_code,
                                   station_info(device.station_id).unit_path, json.dumps(counts)])  # fmt: skip
    counted()
    order = range(len(batch.items))
    return BatchOutcome(
        tuple(batch.accepted[i] for i in order if i in batch.accepted),
        tuple(batch.refused[i] for i in order if i in batch.refused),
    )


# The same decisions with the ORM, item by item, for databases without arrays (the SQLite demo).


def _refuse(item: BallotItem, exc: DomainError) -> ItemRefusal:
    return ItemRefusal(item.ballot_id, exc.code, exc.message)


def _known_portable(
    device: DeviceContext, items: Sequence[BallotItem]
) -> tuple[list[BallotItem], list[CastOutcome], list[ItemRefusal]]:
    stored = {
        b: (s, c, r)
        for b, s, c, r in CastBallot.objects.filter(ballot_id__in=[i.ballot_id for i in items]).values_list(
            "ballot_id", "station_id", "codes", "receipt_code"
        )
    }
    fresh, duplicates, refused = [], [], []
    for item in items:
        hit = stored.get(item.ballot_id)
        if hit is None:
            fresh.append(item)
        elif hit[0] == device.station_id and hit[1] == stored_codes(item.codes):
            duplicates.append(CastOutcome(item.ballot_id, hit[2], is_duplicate=True))
        else:
            refused.append(ItemRefusal(item.ballot_id, "ballot_id_conflict", "برگه‌ای دیگر با همین شناسه ثبت شده است."))
    return fresh, duplicates, refused


def _judged_portable(
    device: DeviceContext, items: list[BallotItem]
) -> tuple[list[tuple[BallotItem, str, BallotRecord, int]], list[ItemRefusal]]:
    hashes = {item.ballot_id: _hashed(device, item) for item in items}
    tokens = {
        h: (s, c, r)
        for h, s, c, r in VotingToken.objects.filter(token_hash__in=list(hashes.values())).values_list(
            "token_hash", "station_id", "constituency_id", "is_redeemed"
        )
    }
    ready, refused = [], []
    for item in items:
        hashed = hashes[item.ballot_id]
        found = tokens.get(hashed)
        try:
            rec = None if found is None else TokenRecord(hashed, station_info(found[0]).code, found[2])
            redeem(rec, station_code=device.station_code)
            assert found is not None
            ballot = make_ballot(ballot_id=item.ballot_id, station_code=device.station_code,
                                 constituency_id=str(found[1]), codes=item.codes)  # fmt: skip
            judge(found[1], ballot)
        except DomainError as exc:
            refused.append(_refuse(item, exc))
            continue
        ready.append((item, hashed, ballot, found[1]))
    return ready, refused


def _spend_portable(device: DeviceContext, hashes: list[str]) -> set[str]:
    if not hashes:
        return set()
    marks = ", ".join(["%s"] * len(hashes))
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE polling_votingtoken SET is_redeemed = %s WHERE station_id = %s AND NOT is_redeemed"  # noqa: S608
            f" AND token_hash IN ({marks}) RETURNING token_hash", [True, device.station_id, *hashes]
        )  # fmt: skip
        spent = {row[0] for row in cursor.fetchall()}
    TokenHolder.objects.filter(pk__in=spent).delete()  # the spent tokens' voters are forgotten
    return spent


def _cast_portable(device: DeviceContext, items: Sequence[BallotItem]) -> BatchOutcome:
    with transaction.atomic(durable=True):
        advance_counter(device)
        _ensure_open(device)
        fresh, duplicates, refused = _known_portable(device, items)
        ready, more_refused = _judged_portable(device, fresh)
        spent = _spend_portable(device, [hashed for _, hashed, _, _ in ready])
        rows, accepted = [], []
        for item, hashed, ballot, constituency in ready:
            if hashed not in spent:  # spent by another request, or by an earlier item of this one
                refused.append(ItemRefusal(item.ballot_id, "token_already_used", "با این رمز پیش‌تر رأی داده شده است."))
                continue
            spent.discard(hashed)
            rows.append(CastBallot(
                ballot_id=ballot.ballot_id, station_id=device.station_id, constituency_id=constituency,
                codes=" ".join(ballot.codes), receipt_code=ballot.receipt_code,
            ))  # fmt: skip
            accepted.append(CastOutcome(ballot.ballot_id, ballot.receipt_code, is_duplicate=False))
        CastBallot.objects.bulk_create(rows)
        counts = {"accepted": len(accepted), "duplicates": len(duplicates), "refused": len(refused) + len(more_refused)}
        record(
            actor=DEVICES,
            event=PollingEvent.BALLOTS_UPLOADED,
            object_type="polling.station",
            object_id=str(device.station_id),
            object_label=device.station_code,
            unit_path=station_info(device.station_id).unit_path,
            after=counts,
        )
    return BatchOutcome(tuple(accepted + duplicates), tuple(refused + more_refused))
