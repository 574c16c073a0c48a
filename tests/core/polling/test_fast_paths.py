"""The fast paths give exactly the bytes and answers of the general ones they stand in for."""

from __future__ import annotations

import string
from collections import OrderedDict

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ostan.core.polling import verify as core_verify
from ostan.core.polling.ballots import BallotRecord, ballot_from_json, ballot_to_json, receipt_code
from ostan.core.polling.canonical import canonical_json
from ostan.core.polling.errors import InvalidDocument
from ostan.core.polling.publication import (
    ballots_document,
    ballots_payload,
    station_ballots_from_json,
)

HEX = st.text("0123456789abcdef", min_size=32, max_size=32)
TEXT = st.text(string.ascii_letters + string.digits + '-یکۀ"\\\n\u2028', max_size=12)
BALLOTS = st.lists(st.builds(lambda i, s, c, codes, r: BallotRecord(i, s, c, tuple(codes), r),
                             HEX, TEXT, TEXT, st.lists(TEXT, max_size=4), TEXT), max_size=12)  # fmt: skip


@given(BALLOTS, TEXT, TEXT)
def test_ballots_payload_is_the_canonical_json_of_the_document(ballots: list[BallotRecord], s: str, c: str) -> None:
    assert ballots_payload(s, c, ballots) == canonical_json(ballots_document(s, c, ballots))


def test_ballots_payload_takes_the_general_path_for_anything_unusual() -> None:
    class Code(str):
        pass

    odd = BallotRecord("0" * 32, "S-1", "C-1", (Code("101"),), "AAAA")
    assert ballots_payload("S-1", "C-1", [odd]) == canonical_json(ballots_document("S-1", "C-1", [odd]))


@given(st.lists(st.recursive(st.none() | st.booleans() | st.integers() | TEXT,
                             lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
                             max_leaves=12)))  # fmt: skip
def test_canonical_json_of_plain_values_is_sorted_and_compact(value: object) -> None:
    import json

    expected = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    assert canonical_json(value) == expected


@pytest.mark.parametrize("value", [{"a": [1, {"b": 0.5}]}, [[1.0]], {1: "x"}, {"a": b"x"}, OrderedDict(a=0.5)])
def test_canonical_json_still_refuses_floats_and_foreign_keys_however_deep(value: object) -> None:
    with pytest.raises(InvalidDocument):
        canonical_json(value)


@given(HEX)
def test_the_verifiers_receipt_code_is_the_documented_one(ballot_id: str) -> None:
    assert core_verify._receipt_code(ballot_id) == receipt_code(ballot_id)


def test_the_documented_receipt_and_odd_ids_fall_back() -> None:
    assert core_verify._receipt_code("000102030405060708090a0b0c0d0e0f") == "OVDWOVWIESY2"
    assert core_verify._receipt_code("x") == receipt_code("x")


@given(BALLOTS)
def test_reading_published_ballots_back_gives_the_general_reader_s_records(ballots: list[BallotRecord]) -> None:
    doc = {"format": "ostan.ballots/1", "station_code": "S", "constituency_id": "C",
           "ballots": [ballot_to_json(b) for b in ballots]}  # fmt: skip
    assert station_ballots_from_json(doc).ballots == tuple(ballot_from_json(ballot_to_json(b)) for b in ballots)


@pytest.mark.parametrize(
    "ballot",
    [
        {"ballot_id": "a", "station_code": "S", "constituency_id": "C", "codes": [1], "receipt_code": "R"},
        {"ballot_id": "a", "station_code": "S", "constituency_id": "C", "codes": "101", "receipt_code": "R"},
        {"ballot_id": "a", "station_code": "S", "constituency_id": "C", "codes": []},
        ["a"],
    ],
)
def test_a_malformed_published_ballot_is_still_refused(ballot: object) -> None:
    doc = {"format": "ostan.ballots/1", "station_code": "S", "constituency_id": "C", "ballots": [ballot]}
    with pytest.raises(InvalidDocument):
        station_ballots_from_json(doc)
