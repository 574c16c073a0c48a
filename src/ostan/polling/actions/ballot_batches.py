"""A voting device's ballot journal uploaded in one request: for paper-record re-entry, for replaying
a journal after a lost connection, and for throughput. Tokens are still online and single-use.

Each item is decided on its own (accepted, duplicate, or refused with a code), all in one
transaction with one audit row giving counts only. The queries are per batch, not per ballot: one
read of the known ids, one read of the tokens, one conditional update spending them (its RETURNING
says which won, so a token raced by another request is spent once) and one multi-row insert.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection, transaction

from ostan.auditlog.actions import record
from ostan.core.errors import DomainError
from ostan.core.polling.ballots import BallotRecord, make_ballot
from ostan.core.polling.tokens import TokenRecord, redeem, token_hash
from ostan.polling.actions.ballots import (
    MAX_BATCH,
    BallotItem,
    BatchOutcome,
    CastOutcome,
    ItemRefusal,
    _ensure_open,
    _voting_device,
    judge,
)
from ostan.polling.device_requests import DeviceContext, advance_counter
from ostan.polling.models import CastBallot, VotingToken
from ostan.polling.stations_cache import station_info


def _refuse(item: BallotItem, exc: DomainError) -> ItemRefusal:
    return ItemRefusal(item.ballot_id, exc.code, exc.message)


def _known(
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
        elif hit[0] == device.station_id and hit[1] == " ".join(item.codes):
            duplicates.append(CastOutcome(item.ballot_id, hit[2], is_duplicate=True))
        else:
            refused.append(ItemRefusal(item.ballot_id, "ballot_id_conflict", "برگه‌ای دیگر با همین شناسه ثبت شده است."))
    return fresh, duplicates, refused


def _judged(
    device: DeviceContext, items: list[BallotItem]
) -> tuple[list[tuple[BallotItem, str, BallotRecord, int]], list[ItemRefusal]]:
    hashes = {item.ballot_id: token_hash(item.token) for item in items}
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


def _spend(device: DeviceContext, hashes: list[str]) -> set[str]:
    if not hashes:
        return set()
    marks = ", ".join(["%s"] * len(hashes))
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE polling_votingtoken SET is_redeemed = %s WHERE station_id = %s AND NOT is_redeemed"  # noqa: S608
            f" AND token_hash IN ({marks}) RETURNING token_hash", [True, device.station_id, *hashes]
        )  # fmt: skip
        return {row[0] for row in cursor.fetchall()}


def cast_batch(*, device: DeviceContext, items: Sequence[BallotItem]) -> BatchOutcome:
    _voting_device(device)
    if not 0 < len(items) <= MAX_BATCH or len({i.ballot_id for i in items}) != len(items):
        raise DomainError(f"یک دسته باید ۱ تا {MAX_BATCH} برگه با شناسه‌های یکتا داشته باشد.", code="invalid_batch")
    with transaction.atomic(durable=True):
        advance_counter(device)
        _ensure_open(device)
        fresh, duplicates, refused = _known(device, items)
        ready, more_refused = _judged(device, fresh)
        spent = _spend(device, [hashed for _, hashed, _, _ in ready])
        rows, accepted = [], []
        for item, hashed, ballot, constituency in ready:
            if hashed not in spent:
                refused.append(ItemRefusal(item.ballot_id, "token_already_used", "با این رمز پیش‌تر رأی داده شده است."))
                continue
            rows.append(CastBallot(
                ballot_id=ballot.ballot_id, station_id=device.station_id, constituency_id=constituency,
                codes=" ".join(ballot.codes), receipt_code=ballot.receipt_code,
            ))  # fmt: skip
            accepted.append(CastOutcome(ballot.ballot_id, ballot.receipt_code, is_duplicate=False))
        CastBallot.objects.bulk_create(rows)
        counts = {"accepted": len(accepted), "duplicates": len(duplicates), "refused": len(refused) + len(more_refused)}
        record(
            actor=None,
            event="polling.ballots_uploaded",
            object_type="polling.station",
            object_id=str(device.station_id),
            object_label=device.station_code,
            unit=station_info(device.station_id).unit,
            after=counts,
        )
    return BatchOutcome(tuple(accepted + duplicates), tuple(refused + more_refused))
