"""Check-ins settled together on PostgreSQL: two statements for any number of voters.

Election day brings thousands of check-ins a second from tens of thousands of stations. Each one is
decided exactly as alone (:mod:`ostan.polling.checkin_lookup` and the core), but the reads
and writes of everything waiting are one lookup (:data:`LOOKUP_MANY_SQL`) and one store
(:data:`STORE_MANY_SQL`): a group commit. The guarantee is still the database's: the store inserts
with ``ON CONFLICT DO NOTHING`` on UNIQUE(round, national code), so a voter racing in from another
batch, process or server is accepted once and every other attempt is told where and when.

Every table is reached by its key, an index probe per item (``= ANY`` for the devices, LATERAL for
the stations; see checkin_lookup): a plan prepared on small tables must not scan them once they
are large. A batch never holds two items of one device or of one voter: the later ones wait for the next round
of the same call (:func:`_split`), so every answer is what the same requests one after another
would get. In the store, for every item, the device's counter advances (``last_counter < counter``)
or the item is a replay; a fresh acceptance inserts its check-in, registers its token hash and
writes its audit row, all in the one statement, so all of it commits or none of it. A token hash
already registered (only a faulty device repeats one) fails the statement; the items are then
settled one by one so only that device is refused. A deadlock between two batches is retried;
any other ``OperationalError`` (the centre unreachable) refuses with ``link_down``, having written
nothing.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import psycopg.errors
from django.db import IntegrityError, OperationalError

from ostan.auditlog.actions import counted
from ostan.auditlog.rows import system_insert
from ostan.core.errors import DomainError
from ostan.core.polling.checkin import (
    CheckInDecision,
    IdentityOutcome,
    LinkStatus,
    decide_check_in,
)
from ostan.core.polling.errors import ReplayedRequest
from ostan.polling import link, polls, statements
from ostan.polling.checkin_lookup import LOOKUP_MANY_SQL, VoterFacts, decide, facts_from_row
from ostan.polling.checkin_requests import Outcome, PendingCheckIn
from ostan.polling.device_requests import DEVICES
from ostan.polling.edge.stations import StationInfo, station_info
from ostan.polling.errors import StationClosed, TokenReused
from ostan.polling.events import PollingEvent

DEADLOCK_RETRIES = 3

STORE_MANY_HEAD = """
WITH dev AS (
  UPDATE polling_device d SET last_counter = c.counter
  FROM json_to_recordset(%(counters)s::json) AS c(id bigint, counter bigint)
  WHERE d.id = c.id AND d.id = ANY(ARRAY(SELECT id FROM json_to_recordset(%(counters)s::json) AS k(id bigint)))
    AND d.is_active AND (d.last_counter IS NULL OR d.last_counter < c.counter)
  RETURNING d.id
), v AS (
  SELECT * FROM json_to_recordset(%(fresh)s::json)
    AS v(device bigint, station bigint, round bigint, code text, constituency bigint, request text, at timestamptz,
         token text, label text, unit_path text)
), st AS (
  SELECT DISTINCT s.id FROM v CROSS JOIN LATERAL (
    SELECT p.id FROM polling_station p WHERE p.id = v.station AND p.status = 'open' LIMIT 1
  ) s
), ins AS (
  INSERT INTO polling_checkin (election_round_id, national_code, station_id, constituency_id, request_id, checked_in_at)
  SELECT v.round, v.code, v.station, v.constituency, v.request, v.at
  FROM v JOIN dev ON dev.id = v.device JOIN st ON st.id = v.station
  ORDER BY v.round, v.code  -- one order for every batch: two batches never wait on each other in a cycle
  ON CONFLICT (election_round_id, national_code) DO NOTHING
  RETURNING id, election_round_id, national_code
), tok AS (
  INSERT INTO polling_votingtoken (token_hash, station_id, constituency_id, is_redeemed)
  SELECT v.token, v.station, v.constituency, false
  FROM ins JOIN v ON v.round = ins.election_round_id AND v.code = ins.national_code
  RETURNING 1
), aud AS (
"""
STORE_MANY_TAIL = """

  RETURNING 1
)
SELECT ARRAY(SELECT id FROM dev), ARRAY(SELECT id FROM st), ARRAY(SELECT national_code FROM ins),
       (SELECT count(*) FROM tok), (SELECT count(*) FROM aud)
"""
# The audit columns are auditlog.rows' constants and the rows' own columns: no request text is in the SQL.
STORE_MANY_SQL = "\n".join(
    (
        STORE_MANY_HEAD,
        system_insert(
            actor=DEVICES,
            event=PollingEvent.CHECKED_IN,
            object_type="polling.checkin",
            values={
                "recorded_at": "v.at",
                "object_id": "ins.id::text",
                "object_label": "v.label",
                "unit_path": "v.unit_path",
            },
            source="FROM ins JOIN v ON v.round = ins.election_round_id AND v.code = ins.national_code",
        ),
        STORE_MANY_TAIL,
    )
)

REPLAYED = "این درخواست پیش‌تر رسیده است (شمارنده تکراری است) یا دستگاه غیرفعال است."
CLOSED = "این شعبه بسته شده است."


def settle(pending: Sequence[PendingCheckIn]) -> list[Outcome]:
    """Decide and store every item; the outcome of each, in order (a decision or the refusal to raise)."""
    results: list[Outcome | None] = [None] * len(pending)
    waiting = list(range(len(pending)))
    while waiting:
        now, waiting = _split(pending, waiting)
        _settle_round(pending, now, results)
    return [r for r in results if r is not None]


def _split(pending: Sequence[PendingCheckIn], indexes: list[int]) -> tuple[list[int], list[int]]:
    """The items that go now (at most one per device and one per voter) and those that wait their turn."""
    devices: set[int] = set()
    voters: set[tuple[int, str]] = set()
    now, later = [], []
    for i in indexes:
        p = pending[i]
        voter = (p.device.election_round_id, p.request.national_code)
        if p.device.pk in devices or (p.decided is None and voter in voters):
            later.append(i)
            continue
        devices.add(p.device.pk)
        if p.decided is None:
            voters.add(voter)
        now.append(i)
    return now, later


def _settle_round(pending: Sequence[PendingCheckIn], indexes: list[int], results: list[Outcome | None]) -> None:
    for attempt in range(DEADLOCK_RETRIES + 1):
        try:
            _lookup_and_store(pending, indexes, results)
            return
        except IntegrityError:  # a token hash already registered; nothing was written
            if len(indexes) == 1:
                results[indexes[0]] = TokenReused("این رمز رأی پیش‌تر ثبت شده است؛ دستگاه باید رمز تازه بسازد.")
                return
            for i in indexes:
                _settle_round(pending, [i], results)
            return
        except OperationalError as exc:
            if isinstance(exc.__cause__, psycopg.errors.DeadlockDetected) and attempt < DEADLOCK_RETRIES:
                continue
            for i in indexes:
                results[i] = pending[i].decided or _link_down(pending[i])
            return


def _link_down(p: PendingCheckIn) -> CheckInDecision:
    return decide_check_in(
        p.request, eligibility=None, existing=None, link=LinkStatus.OFFLINE,
        identity=IdentityOutcome.CONFIRMED, now=p.now,
    )  # fmt: skip


def _lookup(pending: Sequence[PendingCheckIn], indexes: list[int]) -> dict[int, VoterFacts]:
    link.ensure_reachable()
    if not indexes:
        return {}
    items = [
        {"i": n, "station": pending[i].device.station_id, "code": pending[i].request.national_code}
        for n, i in enumerate(indexes)
    ]
    rows = statements.fetch_all(LOOKUP_MANY_SQL, [json.dumps(items)])
    return {indexes[row[0]]: facts_from_row(items[row[0]]["code"], row[1:]) for row in rows}


def _lookup_and_store(pending: Sequence[PendingCheckIn], indexes: list[int], results: list[Outcome | None]) -> None:
    facts = _lookup(pending, [i for i in indexes if pending[i].decided is None])
    outcomes: dict[int, Outcome] = {}
    fresh: dict[int, tuple[StationInfo, int]] = {}
    for i in indexes:
        p = pending[i]
        if p.decided is not None:
            outcomes[i] = p.decided
        elif (refused := _polls_refusal(p, facts[i])) is not None:
            outcomes[i] = refused
        else:
            station = station_info(p.device.station_id)
            outcomes[i], constituency = decide(p.request, station, facts[i], p.now)
            if outcomes[i].is_new:  # type: ignore[union-attr]
                fresh[i] = (station, constituency)
    advanced, open_stations, inserted = _store(pending, indexes, fresh, outcomes)
    lost = []
    for i in indexes:
        p = pending[i]
        if p.device.pk not in advanced:
            results[i] = ReplayedRequest(REPLAYED)
        elif i not in fresh or p.request.national_code in inserted:
            results[i] = outcomes[i]
        elif p.device.station_id not in open_stations:
            results[i] = StationClosed(CLOSED)
        else:
            lost.append(i)  # another batch accepted this voter first: say where and when
    for i, f in _lookup(pending, lost).items():
        results[i] = decide(pending[i].request, station_info(pending[i].device.station_id), f, pending[i].now)[0]


def _polls_refusal(p: PendingCheckIn, facts: VoterFacts) -> DomainError | None:
    return polls.refusal(
        station_pk=p.device.station_id, round_pk=p.device.election_round_id, status=facts.station_status, now=p.now
    )


FRESH_COLUMNS = ("device", "station", "round", "code", "constituency", "request", "at", "token", "label", "unit_path")


def _store(
    pending: Sequence[PendingCheckIn],
    indexes: list[int],
    fresh: dict[int, tuple[StationInfo, int]],
    outcomes: dict[int, Outcome],
) -> tuple[set[int], set[int], set[str]]:
    """Run STORE_MANY_SQL: the devices whose counter advanced, the open stations, the voters inserted.

    The rows travel as JSON (see checkin_lookup): adapting ten arrays element by element cost more
    than the statement."""
    rows = []
    for i, (station, constituency) in fresh.items():
        p = pending[i]
        record = outcomes[i].record  # type: ignore[union-attr]
        assert record is not None
        rows.append({
            "device": p.device.pk, "station": station.pk, "round": p.device.election_round_id,
            "code": p.request.national_code, "constituency": constituency, "request": p.request.request_id,
            "at": record.checked_in_at.isoformat(), "token": p.request.token_hash,
            "label": f"{station.code}/{p.device.device_id}", "unit_path": station.unit_path,
        })  # fmt: skip
    counters = [{"id": pending[i].device.pk, "counter": pending[i].device.counter} for i in indexes]
    row = statements.fetch_one(STORE_MANY_SQL, {"counters": json.dumps(counters), "fresh": json.dumps(rows)})
    assert row is not None
    advanced, open_stations, inserted, tokens, audits = row
    assert tokens == audits == len(inserted)
    counted(audits)  # one audit row per check-in stored, for the action (if any) these are settled for
    return set(advanced), set(open_stations), set(inserted)
