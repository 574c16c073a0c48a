"""Anonymous ballot records, receipts and the voter-verifiable paper record."""

from __future__ import annotations

import dataclasses

import pytest

from ostan.core.polling.ballots import (
    BallotRecord,
    format_receipt,
    make_ballot,
    new_ballot_id,
    paper_record_text,
    publication_order,
    receipt_code,
)
from ostan.core.polling.errors import InvalidBallot

from .conftest import TOWN, ballot_records

BALLOT_ID = "000102030405060708090a0b0c0d0e0f"
NAMES = {c.code: c.name for c in TOWN.candidates}


def test_ballot_fields_carry_nothing_linked_to_a_voter() -> None:
    names = [f.name for f in dataclasses.fields(BallotRecord)]
    assert names == ["ballot_id", "station_code", "constituency_id", "codes", "receipt_code"]


@pytest.mark.parametrize("forbidden", ["national_code", "token", "token_hash", "device_id", "counter", "cast_at"])
def test_no_identifying_or_timing_field(forbidden: str) -> None:
    assert forbidden not in {f.name for f in dataclasses.fields(BallotRecord)}


def test_ballot_id_is_the_hex_of_sixteen_entropy_bytes() -> None:
    assert new_ballot_id(bytes(range(16))) == BALLOT_ID


def test_receipt_is_twelve_base32_characters_of_the_documented_hash() -> None:
    # printf '%s' 'ostan-receipt-v1|<id>' | sha256sum | cut -c1-64 | xxd -r -p | base32 | cut -c1-12
    assert receipt_code(BALLOT_ID) == "OVDWOVWIESY2"
    assert format_receipt("OVDWOVWIESY2") == "OVDW-OVWI-ESY2"


def test_make_ballot_normalises_persian_digits() -> None:
    ballot = make_ballot(ballot_id=BALLOT_ID, station_code="S-1", constituency_id="C-1", codes=["۱۰۱", "١٠٢"])
    assert ballot.codes == ("101", "102")


@pytest.mark.parametrize(
    "change",
    [{"ballot_id": "XYZ"}, {"ballot_id": BALLOT_ID.upper()}, {"codes": ["10a"]}, {"station_code": "S 1"}],
)
def test_malformed_ballots_are_refused(change: dict[str, object]) -> None:
    args: dict[str, object] = {"ballot_id": BALLOT_ID, "station_code": "S-1", "constituency_id": "C-1", "codes": ()}
    with pytest.raises(InvalidBallot):
        make_ballot(**{**args, **change})  # type: ignore[arg-type]


def test_publication_order_is_by_random_id_not_casting_order() -> None:
    ballots = ballot_records("S-1", [["101"], ["102"], ["103"], ["104"]], seed=3)
    published = publication_order(ballots)
    assert [b.ballot_id for b in published] == sorted(b.ballot_id for b in ballots)
    assert published != tuple(ballots)


def test_paper_record_lines_and_qr_payload() -> None:
    ballot = make_ballot(ballot_id=BALLOT_ID, station_code="S-1", constituency_id="C-1", codes=["102", "101"])
    record = paper_record_text(ballot, NAMES)
    assert record.lines == (
        "انتخابات شوراهای اسلامی شهر و روستا",
        "حوزه C-1 — شعبه S-۱",
        "شمارهٔ برگه: OVDW-OVWI-ESY2",
        "۱. کد ۱۰۲: مریم کریمی",
        "۲. کد ۱۰۱: علی رضایی",
    )
    assert record.qr_payload == "OSTAN1|C-1|S-1|OVDWOVWIESY2|102,101"


def test_blank_ballot_paper_record() -> None:
    record = paper_record_text(
        make_ballot(ballot_id=BALLOT_ID, station_code="S-1", constituency_id="C-1", codes=[]), NAMES
    )
    assert record.lines[-1] == "رأی سفید"
    assert record.qr_payload.endswith("|")
