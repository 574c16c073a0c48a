"""What a check-in decision reads: the station's state, the voter's roll entry and any earlier check-in.

One row per voter, from one statement: :data:`LOOKUP_SQL` for a single check-in (any database) and
:data:`LOOKUP_MANY_SQL` for a batch on PostgreSQL (one row per item, numbered as the items were; the
items travel as one JSON parameter, which psycopg passes as it is where it would adapt an array
element by element). The
decision itself is the core's (:func:`ostan.core.polling.checkin.decide_check_in`); this module turns
rows into the core's values and runs the residence rule against the station's constituencies.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from ostan.core.polling.checkin import (
    CheckInDecision,
    CheckInRecord,
    CheckInRequest,
    IdentityOutcome,
    LinkStatus,
    decide_check_in,
)
from ostan.core.polling.roll import Eligibility, Gender, Voter, eligibility
from ostan.polling.constituencies import info as constituency_info
from ostan.polling.edge.stations import StationInfo

# Both lookups answer the same columns (facts_from_row reads them), LOOKUP_MANY_SQL after its item number.
# In the batch, each table is reached through a LATERAL ... LIMIT 1 on its unique key: an index probe per
# item, whatever the prepared plan believed about table sizes when it was made (a hash join planned on
# a young check-in table scanned the whole table for every batch once it had grown).
LOOKUP_SQL = """
SELECT st.status, r.birth_date, r.residence_unit_path, r.residence_since, r.constituency_id,
       r.first_name, r.last_name, r.gender, c.request_id, c.checked_in_at, s2.code
FROM polling_station st
LEFT JOIN polling_rollvoter r ON r.election_round_id = st.election_round_id AND r.national_code = %s
LEFT JOIN polling_checkin c ON c.election_round_id = st.election_round_id AND c.national_code = %s
LEFT JOIN polling_station s2 ON s2.id = c.station_id
WHERE st.id = %s
"""

LOOKUP_MANY_SQL = """
SELECT q.i, st.status, r.birth_date, r.residence_unit_path, r.residence_since, r.constituency_id,
       r.first_name, r.last_name, r.gender, c.request_id, c.checked_in_at, c.station_code
FROM json_to_recordset(%s::json) AS q(i int, station bigint, code text)
CROSS JOIN LATERAL (
  SELECT s.status, s.election_round_id FROM polling_station s WHERE s.id = q.station LIMIT 1
) st
LEFT JOIN LATERAL (
  SELECT * FROM polling_rollvoter r
  WHERE r.national_code = q.code AND r.election_round_id = st.election_round_id LIMIT 1
) r ON true
LEFT JOIN LATERAL (
  SELECT c.request_id, c.checked_in_at, s2.code AS station_code
  FROM polling_checkin c JOIN polling_station s2 ON s2.id = c.station_id
  WHERE c.national_code = q.code AND c.election_round_id = st.election_round_id LIMIT 1
) c ON true
"""


@dataclass(frozen=True)
class VoterFacts:
    station_status: str
    voter: Voter | None  # None: not on this round's roll
    home: int | None  # the constituency the roll places the voter in
    existing: CheckInRecord | None  # the voter's check-in this round, at any station


def _aware(value: Any) -> dt.datetime:
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    moment: dt.datetime = value
    return moment if timezone.is_aware(moment) else moment.replace(tzinfo=dt.UTC)


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def facts_from_row(code: str, row: tuple[Any, ...]) -> VoterFacts:
    """The row of either lookup (without LOOKUP_MANY_SQL's leading number) as the core's values."""
    status, birth, path, since, home, first, last, gender, request_id, at, where = row
    voter = None
    if birth is not None:
        voter = Voter(code, first, last, _date(birth), Gender(gender), path, _date(since))  # type: ignore[arg-type]
    existing = None if request_id is None else CheckInRecord(code, where, request_id, _aware(at))
    return VoterFacts(status, voter, home, existing)


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


def decide(
    request: CheckInRequest, station: StationInfo, facts: VoterFacts, now: dt.datetime
) -> tuple[CheckInDecision, int]:
    """The core's decision for a confirmed voter with the link up, and the constituency to record."""
    verdict, constituency = _eligibility(station, facts.voter, facts.home, now)
    decision = decide_check_in(
        request, eligibility=verdict, existing=facts.existing, link=LinkStatus.ONLINE,
        identity=IdentityOutcome.CONFIRMED, now=now,
    )  # fmt: skip
    return decision, constituency
