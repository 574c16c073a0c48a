"""Whether polls take a check-in or a ballot now: the station's state, its constituencies' results and
the round's schedule (:mod:`ostan.core.polling.schedule`), answered from what the hot path already
holds (the station's status from its own statement; the schedule and the constituencies from the
process caches), so the check adds no statement to a check-in or a ballot.

Ballots get a grace after the close: a voter checked in before the closing time still finishes at the
voting device, and its journal still reaches the centre. Closing the station ends even that."""

from __future__ import annotations

import datetime as dt

from ostan.core.errors import DomainError
from ostan.core.polling.schedule import MESSAGES, NO_GRACE, PollsRefusal, polls_refusal
from ostan.polling.constituencies import info as constituency_info
from ostan.polling.edge.stations import round_schedule, station_info
from ostan.polling.errors import PollsClosed, StationClosed
from ostan.polling.models import StationStatus

BALLOT_GRACE = dt.timedelta(minutes=30)


def refusal(
    *, station_pk: int, round_pk: int, status: str, now: dt.datetime, is_ballot: bool = False
) -> DomainError | None:
    """The refusal to answer, or None when polls are open for this station at ``now``."""
    station = station_info(station_pk)
    announced = any(constituency_info(pk).is_announced for pk in station.constituency_pks)
    found = polls_refusal(
        round_schedule(round_pk), now, is_station_open=status == StationStatus.OPEN, is_announced=announced,
        grace=BALLOT_GRACE if is_ballot else NO_GRACE,
    )  # fmt: skip
    if found is None:
        return None
    if found is PollsRefusal.STATION_CLOSED:
        return StationClosed(MESSAGES[found])
    return PollsClosed(MESSAGES[found], code=found.value)


def ensure_open(*, station_pk: int, round_pk: int, status: str, now: dt.datetime, is_ballot: bool = False) -> None:
    found = refusal(station_pk=station_pk, round_pk=round_pk, status=status, now=now, is_ballot=is_ballot)
    if found is not None:
        raise found
