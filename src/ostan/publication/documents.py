"""The published documents built from stored rows: minutes, a station's ballots, a constituency file.

Constituencies are published as ``ostan.constituency/1`` (the counting core's constituency file inside),
so the chain alone holds everything the verifier needs; a later entry for the same id (the lot seed
fixed after the count) supersedes an earlier one.
"""

from __future__ import annotations

import base64
from collections import defaultdict
from collections.abc import Iterable

from ostan.core.counting import Constituency
from ostan.core.counting.files import constituency_to_json
from ostan.core.polling.ballots import BallotRecord
from ostan.core.polling.publication import ballots_payload, minutes_document, minutes_from_json
from ostan.elections.files import core_constituency as elections_core
from ostan.elections.models import Constituency as ConstituencyRow
from ostan.polling.models import CastBallot, StationMinutes

CONSTITUENCY_FORMAT = "ostan.constituency/1"
RECHECK_SAMPLE_FORMAT = "ostan.recheck-sample/1"
RECHECK_OUTCOME_FORMAT = "ostan.recheck-outcome/1"
BALLOT_CHUNK = 5_000


def core_constituency(constituency_pk: int) -> Constituency:
    """Read fresh (not the polling app's cache): the lot seed may have been fixed a moment ago."""
    return elections_core(ConstituencyRow.objects.select_related("election_round").get(pk=constituency_pk))


def constituency_document(core: Constituency) -> dict[str, object]:
    return {"format": CONSTITUENCY_FORMAT, "constituency": constituency_to_json(core)}


def signed_minutes_document(minutes: StationMinutes) -> dict[str, object]:
    return minutes_document(minutes_from_json(minutes.document), base64.b64decode(minutes.signature))


def station_ballot_rows(station_pks: Iterable[int]) -> dict[tuple[int, int], list[tuple[str, str, str]]]:
    """(ballot id, codes, receipt) of every ballot of these stations, by (station, constituency): one query."""
    rows = CastBallot.objects.filter(station_id__in=list(station_pks)).values_list(
        "station_id", "constituency_id", "ballot_id", "codes", "receipt_code"
    )
    grouped: dict[tuple[int, int], list[tuple[str, str, str]]] = defaultdict(list)
    for station_pk, constituency_pk, ballot_id, codes, receipt in rows.iterator(chunk_size=BALLOT_CHUNK):
        grouped[(station_pk, constituency_pk)].append((ballot_id, codes, receipt))
    return grouped


def station_ballots_payload(station_code: str, core_id: str, rows: Iterable[tuple[str, str, str]]) -> bytes:
    """The canonical bytes of the station's ``ostan.ballots/1`` document, ballots labelled with the
    constituency's published id."""
    records = (BallotRecord(ballot_id, station_code, core_id, tuple(codes.split()), r) for ballot_id, codes, r in rows)
    return ballots_payload(station_code, core_id, records)
