"""Anonymous ballot records, receipts and the voter-verifiable paper record."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ostan.core.counting.ballots import normalize_code
from ostan.core.counting.model import is_code
from ostan.core.polling.ballots import (
    BallotRecord,
    format_receipt,
    make_ballot,
    make_ballots,
    new_ballot_id,
    normalized_codes,
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


# Receipts are printed and published, and `ostan verify` derives them again: these were computed before
# receipt_code stopped using base64.b32encode, and must never change.
GOLDEN_RECEIPTS = [
    ("5feceb66ffc86f38d952786c6d696c79", "FTWYZOGOEQME"),
    ("6b86b273ff34fce19d6b804eff5a3f57", "UH7CXSRQCWWR"),
    ("d4735e3a265e16eee03f59718b9b5d03", "WS5UR7WHZLLV"),
    ("4e07408562bedb8b60ce05c1decfe3ad", "A2OFWEI63WRS"),
    ("4b227777d4dd1fc61c6f884f48641d02", "TIJOQF3RGEGO"),
    ("ef2d127de37b942baad06145e54b0c61", "WSY5NB7QZOQY"),
    ("ffffffffffffffffffffffffffffffff", "INV6BIKGDNG6"),
    ("00000000000000000000000000000000", "ZXMKE7VUZ67C"),
]


@pytest.mark.parametrize(("ballot_id", "receipt"), GOLDEN_RECEIPTS)
def test_receipts_are_unchanged(ballot_id: str, receipt: str) -> None:
    assert receipt_code(ballot_id) == receipt


@given(st.text(string.printable, max_size=40) | st.text("0123456789abcdef", min_size=32, max_size=32))
def test_receipt_is_the_documented_base32_prefix_for_any_id(ballot_id: str) -> None:
    digest = hashlib.sha256(("ostan-receipt-v1|" + ballot_id).encode("ascii")).digest()
    assert receipt_code(ballot_id) == base64.b32encode(digest).decode("ascii")[:12]


CODE_TEXT = st.text("0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩ a-\t²", max_size=4)


@given(st.lists(CODE_TEXT, max_size=10))
def test_normalized_codes_are_the_per_code_normalisation_or_a_refusal(codes: list[str]) -> None:
    expected = tuple(normalize_code(code) for code in codes)
    if all(is_code(code) for code in expected):
        assert normalized_codes(codes) == expected
    else:
        with pytest.raises(InvalidBallot):
            normalized_codes(codes)


@pytest.mark.parametrize("codes", [["101", ""], ["", "101"], [" 101"], ["101 "], ["1\n"], ["²"], ["١٠١", "102"]])
def test_normalized_codes_edge_cases(codes: list[str]) -> None:
    expected = tuple(normalize_code(code) for code in codes)
    if all(is_code(code) for code in expected):
        assert normalized_codes(codes) == expected
    else:
        with pytest.raises(InvalidBallot):
            normalized_codes(codes)


def _made(station: str, constituency: str, ballot_id: str, codes: list[str]) -> object:
    try:
        return make_ballot(ballot_id=ballot_id, station_code=station, constituency_id=constituency, codes=codes)
    except InvalidBallot as exc:
        return (exc.code, exc.message)


PLACE = st.sampled_from(["S-1", "12", "C 1", "", "x" * 65])
HEX_IDS = st.text("0123456789abcdef", min_size=32, max_size=32)
BALLOT_IDS = st.sampled_from([BALLOT_ID, "f" * 32, BALLOT_ID.upper(), "x", ""]) | HEX_IDS


@given(PLACE, st.lists(st.tuples(BALLOT_IDS, PLACE, st.lists(CODE_TEXT, max_size=4)), max_size=8))
def test_make_ballots_is_make_ballot_for_each(station: str, entries: list[tuple[str, str, list[str]]]) -> None:
    made = list(make_ballots(station_code=station, ballots=entries))
    expected = [_made(station, constituency, ballot_id, codes) for ballot_id, constituency, codes in entries]
    assert [r if isinstance(r, BallotRecord) else (r.code, r.message) for r in made] == expected


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
        "حوزهٔ C-1 — شعبهٔ S-1",
        "شمارهٔ برگه: OVDW-OVWI-ESY2",
        "۱. کد ۱۰۲: مریم کریمی",
        "۲. کد ۱۰۱: علی رضایی",
    )
    assert record.qr_payload == "OSTAN1|C-1|S-1|OVDWOVWIESY2|102,101"


def test_paper_record_names_the_constituency_and_keeps_the_station_code_as_written() -> None:
    ballot = make_ballot(ballot_id=BALLOT_ID, station_code="A001", constituency_id="1", codes=["101"])
    record = paper_record_text(ballot, NAMES, constituency_name="شورای شهر کرمانشاه")
    assert record.lines[1] == "حوزهٔ شورای شهر کرمانشاه — شعبهٔ A001"


def test_blank_ballot_paper_record() -> None:
    record = paper_record_text(
        make_ballot(ballot_id=BALLOT_ID, station_code="S-1", constituency_id="C-1", codes=[]), NAMES
    )
    assert record.lines[-1] == "رأی سفید"
    assert record.qr_payload.endswith("|")
