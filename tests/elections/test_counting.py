"""Counting through the action gives exactly what the core gives on the same inputs, and is recorded."""

from __future__ import annotations

import json

import pytest

from ostan.accounts.models import User
from ostan.auditlog.models import Entry
from ostan.core import counting
from ostan.core.counting import LotSeedRequired
from ostan.elections import actions, files
from ostan.elections.errors import ElectionClosed
from ostan.elections.models import Constituency, CountRecord
from tests.actors import as_actor
from tests.elections.conftest import CITY_BALLOTS, CITY_MEMBERS


def test_action_result_equals_the_core_on_the_file(counted_city: Constituency) -> None:
    record = CountRecord.objects.get(constituency=counted_city)
    core_constituency = counting.constituency_from_json(record.constituency_file)
    ballots = counting.ballots_from_csv(CITY_BALLOTS.decode().splitlines(keepends=True))
    direct = counting.count(core_constituency, ballots, source="machine")
    assert record.result == json.loads(json.dumps(direct.to_json()))
    assert list(record.result["members"]) == CITY_MEMBERS
    assert record.result["alternates"] == ["110", "109", "108"]
    assert record.result["ballots"]["blank"] == 1
    assert record.ballot_count == 26


def test_stored_hashes_match_the_export_files(counted_city: Constituency) -> None:
    record = CountRecord.objects.get(constituency=counted_city)
    file_bytes = files.constituency_file_bytes(record.constituency_file)
    assert files.sha256_hex(file_bytes) == record.constituency_sha256
    from ostan.elections.ballot_files import jsonl_lines

    ballots = "".join(jsonl_lines(files.stored_codes(counted_city))).encode()
    assert files.sha256_hex(ballots) == record.ballots_sha256
    assert record.inputs_sha256 == files.inputs_sha256(record.constituency_sha256, record.ballots_sha256)


def test_each_action_writes_exactly_one_entry(city_with_candidates: Constituency, official_a: User) -> None:
    start = Entry.objects.count()
    actions.import_ballots(
        actor=as_actor(official_a),
        constituency=city_with_candidates,
        file_name="b.csv",
        data=CITY_BALLOTS,
        source="machine",
    )
    assert Entry.objects.count() == start + 1
    actions.count_constituency(actor=as_actor(official_a), constituency=city_with_candidates)
    assert Entry.objects.count() == start + 2
    actions.publish_results(actor=as_actor(official_a), constituency=city_with_candidates)
    assert Entry.objects.count() == start + 3
    events = list(Entry.objects.order_by("-id").values_list("event", flat=True)[:3])
    assert events == ["elections.results_published", "elections.constituency_counted", "elections.ballots_imported"]


def test_a_deciding_tie_needs_the_lot_seed(city_with_candidates: Constituency, official_a: User) -> None:
    # 101..108 all get one vote; the 7th seat is a tie that veterans and education do not fully break.
    tie = b"101,102,103,104,105,106,107\n108\n"
    actions.import_ballots(
        actor=as_actor(official_a), constituency=city_with_candidates, file_name="t.csv", data=tie, source="machine"
    )
    with pytest.raises(LotSeedRequired):
        actions.count_constituency(actor=as_actor(official_a), constituency=city_with_candidates)
    assert not CountRecord.objects.exists()
    actions.set_lot_seed(actor=as_actor(official_a), constituency=city_with_candidates, seed="قرعه علنی ۱۴۰۵")
    record = actions.count_constituency(actor=as_actor(official_a), constituency=city_with_candidates)
    assert record.result["lot_seed"] == "قرعه علنی 1405"  # normalised: ASCII digits, like every input
    assert any(t["decided_by"] == "lot" for t in record.result["tie_breaks"])


def test_published_results_freeze_the_inputs(published_city: Constituency, official_a: User) -> None:
    with pytest.raises(ElectionClosed):
        actions.count_constituency(actor=as_actor(official_a), constituency=published_city)
    with pytest.raises(ElectionClosed):
        actions.import_ballots(
            actor=as_actor(official_a),
            constituency=published_city,
            file_name="late.csv",
            data=b"101\n",
            source="machine",
        )
