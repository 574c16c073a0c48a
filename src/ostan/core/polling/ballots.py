"""The anonymous ballot a voting device records, and the voter-verifiable paper record it prints.

A :class:`BallotRecord` holds the station, the constituency, the codes typed and two derived labels,
and nothing else: no voter, no token, no device counter and no time. A time, even an hour, would let
anyone who saw a small station's check-in times match ballots to voters, and the station's voting day
is already implied by the round. ``ballot_id`` is 128 random bits from the caller, so ordering ballots
by id (how they are published, :func:`publication_order`) is a shuffle that reveals nothing about the
order in which they were cast.

``receipt_code`` is the first 12 characters of base32(SHA-256("ostan-receipt-v1|" + ballot_id)):
printed on the paper record, it finds the ballot on the public bulletin. Whoever holds it can read
that ballot's choices there, so the paper record stays in the box by default: handing voters a copy
would let a vote buyer check how they voted (docs/election-day.md discusses this).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from ostan.core.counting.ballots import normalize_code
from ostan.core.counting.model import is_code
from ostan.core.polling.errors import InvalidBallot, InvalidDocument
from ostan.core.text import to_persian_digits

BALLOT_ID_BYTES = 16
RECEIPT_CONTEXT = "ostan-receipt-v1|"
RECEIPT_LENGTH = 12
QR_PREFIX = "OSTAN1"
_BALLOT_ID = re.compile(r"[0-9a-f]{32}")
IDENTIFIER = re.compile(r"[A-Za-z0-9._:-]{1,64}")


@dataclass(frozen=True)
class BallotRecord:
    ballot_id: str  # 32 lower-case hex digits: 128 random bits
    station_code: str
    constituency_id: str
    codes: tuple[str, ...]  # candidate or list codes as typed and confirmed; () is a blank ballot
    receipt_code: str  # derived from ballot_id, see the module docstring


@dataclass(frozen=True)
class PaperRecord:
    lines: tuple[str, ...]  # printed top to bottom
    qr_payload: str  # ASCII; the app renders it as a QR code under the lines


def is_ballot_id(text: str) -> bool:
    """Whether ``text`` has a ballot id's form (32 lower-case hex digits): only such an id can be stored."""
    return _BALLOT_ID.fullmatch(text) is not None


def new_ballot_id(entropy: bytes) -> str:
    """A ballot id from at least 16 bytes of fresh entropy."""
    if len(entropy) < BALLOT_ID_BYTES:
        raise InvalidBallot("برای شناسهٔ برگهٔ رأی دست‌کم ۱۶ بایت تصادفی لازم است.")
    return entropy[:BALLOT_ID_BYTES].hex()


_BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"  # RFC 4648
_BASE32_PAIRS = [a + b for a in _BASE32 for b in _BASE32]


def receipt_code(ballot_id: str) -> str:
    """``base64.b32encode(digest)[:12]`` without the general encoder (a fifth of casting a ballot): base32
    writes the digest's bits in order, five to a character, so the 12 characters are its first 60 bits."""
    digest = hashlib.sha256((RECEIPT_CONTEXT + ballot_id).encode("ascii")).digest()
    bits = int.from_bytes(digest[:8]) >> 4
    pairs = _BASE32_PAIRS
    return (
        pairs[bits >> 50]
        + pairs[(bits >> 40) & 1023]
        + pairs[(bits >> 30) & 1023]
        + pairs[(bits >> 20) & 1023]
        + pairs[(bits >> 10) & 1023]
        + pairs[bits & 1023]
    )


def format_receipt(code: str) -> str:
    """«ABCD-EFGH-IJKL»: groups of four are easier to read aloud and to type."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def stored_codes(codes: Sequence[str]) -> str:
    """The codes as stored and compared, whatever digits a device typed: a retry in Persian digits is the
    same ballot as its original in ASCII ones."""
    return " ".join(normalize_code(code) for code in codes)


def make_ballot(*, ballot_id: str, station_code: str, constituency_id: str, codes: Sequence[str]) -> BallotRecord:
    """A ballot record with its codes normalised (Persian/Arabic digits → ASCII) and its receipt code."""
    if not _BALLOT_ID.fullmatch(ballot_id):
        raise InvalidBallot("شناسهٔ برگهٔ رأی باید ۳۲ رقم شانزده‌شانزدهی باشد.")
    if not IDENTIFIER.fullmatch(station_code) or not IDENTIFIER.fullmatch(constituency_id):
        raise InvalidBallot("کد شعبه یا حوزه نادرست است.")
    return BallotRecord(ballot_id, station_code, constituency_id, normalized_codes(codes), receipt_code(ballot_id))


def make_ballots(
    *, station_code: str, ballots: Iterable[tuple[str, str, Sequence[str]]]
) -> Iterator[BallotRecord | InvalidBallot]:
    """:func:`make_ballot` for each ``(ballot_id, constituency_id, codes)`` cast at one station, in order:
    each ballot's record, or the refusal make_ballot raises for it (a journal's bad items are refused alone).

    The same checks in the same order, with the station's and each constituency's code checked once.
    Records are made one at a time as they are asked for, so a journal's thousand need not all be alive
    at once (fewer objects for the garbage collector to walk)."""
    is_station_ok = IDENTIFIER.fullmatch(station_code) is not None
    places: dict[str, bool] = {}
    is_ballot_id = _BALLOT_ID.fullmatch
    for ballot_id, constituency_id, codes in ballots:
        if not is_ballot_id(ballot_id):
            yield InvalidBallot("شناسهٔ برگهٔ رأی باید ۳۲ رقم شانزده‌شانزدهی باشد.")
            continue
        is_place_ok = places.get(constituency_id)
        if is_place_ok is None:
            is_place_ok = places[constituency_id] = is_station_ok and IDENTIFIER.fullmatch(constituency_id) is not None
        if not is_place_ok:
            yield InvalidBallot("کد شعبه یا حوزه نادرست است.")
            continue
        try:
            normalised = normalized_codes(codes)
        except InvalidBallot as exc:
            yield exc
            continue
        yield BallotRecord(ballot_id, station_code, constituency_id, normalised, receipt_code(ballot_id))


def normalized_codes(codes: Sequence[str]) -> tuple[str, ...]:
    """The codes with Persian/Arabic digits made ASCII, or :class:`InvalidBallot` if one is not all digits."""
    # Codes typed on a kiosk are already ASCII digits, which normalising leaves as they are: one test in C.
    joined = "".join(codes)
    if joined.isdigit() and joined.isascii() and all(codes):
        return tuple(codes)
    normalised = tuple(normalize_code(code) for code in codes)
    if not all(is_code(code) for code in normalised):
        raise InvalidBallot("هر کد روی برگهٔ رأی باید فقط از رقم تشکیل شده باشد.")
    return normalised


def publication_order(ballots: Iterable[BallotRecord]) -> tuple[BallotRecord, ...]:
    """Ballots sorted by their random id: the published order, unrelated to the casting order."""
    return tuple(sorted(ballots, key=lambda b: b.ballot_id))


def ballot_to_json(ballot: BallotRecord) -> dict[str, object]:
    return {
        "ballot_id": ballot.ballot_id,
        "station_code": ballot.station_code,
        "constituency_id": ballot.constituency_id,
        "codes": list(ballot.codes),
        "receipt_code": ballot.receipt_code,
    }


def ballot_from_json(data: object) -> BallotRecord:
    """A published ballot as given (the receipt is kept as published, so a verifier can check it)."""
    if not isinstance(data, Mapping):
        raise InvalidDocument("برگهٔ رأی منتشرشده باید یک شیء JSON باشد.")
    fields = ("ballot_id", "station_code", "constituency_id", "receipt_code")
    values = [data.get(name) for name in fields]
    codes = data.get("codes")
    if not all(isinstance(v, str) for v in values) or not isinstance(codes, list):
        raise InvalidDocument("برگهٔ رأی منتشرشده ناقص است.", details={"ballot": data.get("ballot_id")})
    if not all(isinstance(code, str) for code in codes):
        raise InvalidDocument("کدهای برگهٔ رأی باید متن باشند.", details={"ballot": data.get("ballot_id")})
    ballot_id, station, constituency, receipt = (str(v) for v in values)
    return BallotRecord(ballot_id, station, constituency, tuple(codes), receipt)


def qr_payload(ballot: BallotRecord) -> str:
    """``OSTAN1|constituency|station|receipt|code,code,...`` (ASCII; empty last field for a blank ballot)."""
    return "|".join(
        (QR_PREFIX, ballot.constituency_id, ballot.station_code, ballot.receipt_code, ",".join(ballot.codes))
    )


def paper_record_text(
    ballot: BallotRecord, candidates: Mapping[str, str], *, constituency_name: str | None = None
) -> PaperRecord:
    """The lines printed for the voter to check before the record drops into the box.

    ``candidates`` maps each candidate or list code to its name (lists: the list's name). The voter reads
    the constituency by its name (its machine id only when no name is given); the station's code is an
    identifier and is printed as it is written on the station's door, digits unchanged.
    """
    lines = [
        "انتخابات شوراهای اسلامی شهر و روستا",
        f"حوزهٔ {constituency_name or ballot.constituency_id} — شعبهٔ {ballot.station_code}",
        f"شمارهٔ برگه: {format_receipt(ballot.receipt_code)}",
    ]
    if not ballot.codes:
        lines.append("رأی سفید")
    for position, code in enumerate(ballot.codes, start=1):
        name = candidates.get(code, "کد ناشناخته")
        lines.append(f"{to_persian_digits(position)}. کد {to_persian_digits(code)}: {name}")
    return PaperRecord(tuple(lines), qr_payload(ballot))
