"""The published documents built from stored rows: minutes, a station's ballots, a constituency file.

Constituencies are published as ``ostan.constituency/1`` (the counting core's constituency file inside),
so the chain alone holds everything the verifier needs; a later entry for the same id (the lot seed
fixed after the count) supersedes an earlier one.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator

from ostan.core.counting import Constituency
from ostan.core.counting.files import constituency_to_json
from ostan.core.polling.ballots import BallotRecord
from ostan.core.polling.publication import ballots_document, minutes_document, minutes_from_json
from ostan.elections.files import core_constituency as elections_core
from ostan.elections.models import Constituency as ConstituencyRow
from ostan.polling.models import CastBallot, Station, StationMinutes

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


def station_ballots(station: Station, constituency_pk: int, core_id: str) -> Iterator[BallotRecord]:
    """The station's ballots as anonymous records labelled with the constituency's published id."""
    rows = CastBallot.objects.filter(station=station, constituency_id=constituency_pk).values_list(
        "ballot_id", "codes", "receipt_code"
    )
    for ballot_id, codes, receipt in rows.iterator(chunk_size=BALLOT_CHUNK):
        yield BallotRecord(ballot_id, station.code, core_id, tuple(codes.split()), receipt)


def station_ballots_document(station: Station, constituency_pk: int, core_id: str) -> dict[str, object]:
    return ballots_document(station.code, core_id, station_ballots(station, constituency_pk, core_id))
