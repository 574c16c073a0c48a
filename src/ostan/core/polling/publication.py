"""The documents published on the bulletin board, and reading them back for the public verifier.

Each document is a JSON object with a ``format`` key; its canonical bytes are an entry's payload:

- ``ostan.signed-minutes/1`` (kind ``minutes``): ``{"minutes": <ostan.minutes/1>, "signature": base64}``;
- ``ostan.ballots/1`` (kind ``ballots``): one station's ballots, in publication order (by random id);
- ``ostan.count/1`` (kind ``result``): the counting core's ``CountResult.to_json()``;
- ``ostan.seed/1`` (kind ``seed``): a published seed and what it is for.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain
from operator import attrgetter

from ostan.core.counting.results import CountResult
from ostan.core.polling.ballots import BallotRecord, ballot_from_json, ballot_to_json, publication_order
from ostan.core.polling.bulletin import BulletinEntry
from ostan.core.polling.canonical import canonical_json, load_json
from ostan.core.polling.devices import parse_timestamp
from ostan.core.polling.errors import DeviceRequestRefused, InvalidDocument
from ostan.core.polling.minutes import COUNT_FIELDS, MINUTES_FORMAT, Minutes, minutes_to_json

SIGNED_MINUTES_FORMAT = "ostan.signed-minutes/1"
BALLOTS_FORMAT = "ostan.ballots/1"
RESULT_FORMAT = "ostan.count/1"
SEED_FORMAT = "ostan.seed/1"
BY_ID = attrgetter("ballot_id")
BALLOT_FIELDS = ("ballot_id", "station_code", "constituency_id", "codes", "receipt_code")


@dataclass(frozen=True)
class SignedMinutes:
    minutes: Minutes
    signature: bytes  # Ed25519 by the station's key, see minutes.sign_minutes


@dataclass(frozen=True)
class StationBallots:
    station_code: str
    constituency_id: str
    ballots: tuple[BallotRecord, ...]


def minutes_document(m: Minutes, signature: bytes) -> dict[str, object]:
    return {
        "format": SIGNED_MINUTES_FORMAT,
        "minutes": minutes_to_json(m),
        "signature": base64.b64encode(signature).decode("ascii"),
    }


def ballots_document(station_code: str, constituency_id: str, ballots: Iterable[BallotRecord]) -> dict[str, object]:
    return {
        "format": BALLOTS_FORMAT,
        "station_code": station_code,
        "constituency_id": constituency_id,
        "ballots": [ballot_to_json(b) for b in publication_order(ballots)],
    }


def _are_plain(ballots: Sequence[BallotRecord]) -> bool:
    """Every field an exact text and every codes a tuple of exact texts (type sets built in C loops)."""
    texts = {str}
    fields = ("ballot_id", "station_code", "constituency_id", "receipt_code")
    return (
        all(set(map(type, map(attrgetter(name), ballots))) <= texts for name in fields)
        and set(map(type, map(attrgetter("codes"), ballots))) <= {tuple}
        and set(map(type, chain.from_iterable(map(attrgetter("codes"), ballots)))) <= texts
    )


def ballots_payload(station_code: str, constituency_id: str, ballots: Iterable[BallotRecord]) -> bytes:
    """``canonical_json(ballots_document(...))`` in one pass: every object is built with its keys already
    in sorted order and holds only texts, so the C encoder needs neither sorting nor a type walk (tested
    byte for byte against the general path, which anything unusual still takes)."""
    ordered = sorted(ballots, key=BY_ID)  # publication_order's order, with the key read in C
    if type(station_code) is not str or type(constituency_id) is not str or not _are_plain(ordered):
        return canonical_json(ballots_document(station_code, constituency_id, ordered))
    document = {
        "ballots": [
            {
                "ballot_id": b.ballot_id,
                "codes": list(b.codes),
                "constituency_id": b.constituency_id,
                "receipt_code": b.receipt_code,
                "station_code": b.station_code,
            }
            for b in ordered
        ],
        "constituency_id": constituency_id,
        "format": BALLOTS_FORMAT,
        "station_code": station_code,
    }
    return json.dumps(document, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def result_document(result: CountResult) -> dict[str, object]:
    return result.to_json()


def seed_document(purpose: str, seed: str) -> dict[str, object]:
    """A seed fixed after the count (for the re-check sample or a lot), published before it is used."""
    return {"format": SEED_FORMAT, "purpose": purpose, "seed": seed}


def _object(data: object, what: str) -> Mapping[str, object]:
    if not isinstance(data, Mapping):
        raise InvalidDocument(f"{what} باید یک شیء JSON باشد.")
    return data


def _text(data: Mapping[str, object], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str):
        raise InvalidDocument(f"مقدار «{key}» باید متن باشد.", details={"key": key})
    return value


def _count(data: Mapping[str, object], key: str) -> int:
    value = data.get(key)
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidDocument(f"مقدار «{key}» باید عدد صحیح باشد.", details={"key": key})
    return value


def _votes(data: Mapping[str, object], key: str) -> dict[str, int]:
    votes = _object(data.get(key), key)
    return {str(code): _count(votes, code) for code in votes}


def minutes_from_json(data: object) -> Minutes:
    d = _object(data, "صورتجلسه")
    if d.get("format") != MINUTES_FORMAT:
        raise InvalidDocument("قالب صورتجلسه شناخته نیست.")
    try:
        opened_at, closed_at = parse_timestamp(_text(d, "opened_at")), parse_timestamp(_text(d, "closed_at"))
    except DeviceRequestRefused as exc:
        raise InvalidDocument("زمان گشایش یا بستن صورتجلسه خوانا نیست.") from exc
    counts = {name: _count(d, name) for name in COUNT_FIELDS}
    return Minutes(
        station_code=_text(d, "station_code"),
        constituency_id=_text(d, "constituency_id"),
        form=_count(d, "form"),
        **counts,
        votes_per_candidate=_votes(d, "votes_per_candidate"),
        votes_per_list=_votes(d, "votes_per_list"),
        opened_at=opened_at,
        closed_at=closed_at,
        reasons=_votes(d, "reasons"),
    )


def signed_minutes_from_json(data: object) -> SignedMinutes:
    d = _object(data, "صورتجلسهٔ امضاشده")
    if d.get("format") != SIGNED_MINUTES_FORMAT:
        raise InvalidDocument("قالب صورتجلسهٔ امضاشده شناخته نیست.")
    try:
        signature = base64.b64decode(_text(d, "signature"), validate=True)
    except binascii.Error as exc:
        raise InvalidDocument("امضای صورتجلسه خوانا نیست.") from exc
    return SignedMinutes(minutes_from_json(d.get("minutes")), signature)


def station_ballots_from_json(data: object) -> StationBallots:
    d = _object(data, "برگه‌های رأی شعبه")
    if d.get("format") != BALLOTS_FORMAT:
        raise InvalidDocument("قالب برگه‌های رأی شعبه شناخته نیست.")
    ballots = d.get("ballots")
    if not isinstance(ballots, list):
        raise InvalidDocument("فهرست برگه‌های رأی شعبه نیست.")
    return StationBallots(_text(d, "station_code"), _text(d, "constituency_id"), tuple(map(_ballot, ballots)))


def _ballot(data: object) -> BallotRecord:
    """:func:`ballot_from_json` for the usual published ballot (exact texts, a list of texts), without its
    general checks; anything else goes through it, so a malformed ballot fails exactly as before."""
    if type(data) is dict and len(data) == len(BALLOT_FIELDS):
        ballot_id, station, constituency, codes, receipt = map(data.get, BALLOT_FIELDS)
        if (
            type(ballot_id) is str
            and type(station) is str
            and type(constituency) is str
            and type(receipt) is str
            and type(codes) is list
            and all(type(code) is str for code in codes)
        ):
            return BallotRecord(ballot_id, station, constituency, tuple(codes), receipt)
    return ballot_from_json(data)


@dataclass(frozen=True)
class ChainDocuments:
    """The documents found in a bulletin chain, by kind, in chain order."""

    minutes: tuple[SignedMinutes, ...]
    ballots: tuple[StationBallots, ...]
    results: tuple[Mapping[str, object], ...]
    seeds: tuple[Mapping[str, object], ...]


def documents_from_chain(entries: Sequence[BulletinEntry]) -> ChainDocuments:
    """Read every minutes, ballots, result and seed entry's payload back into documents."""
    minutes: list[SignedMinutes] = []
    ballots: list[StationBallots] = []
    results: list[Mapping[str, object]] = []
    seeds: list[Mapping[str, object]] = []
    for entry in entries:
        if entry.kind == "minutes":
            minutes.append(signed_minutes_from_json(load_json(entry.payload)))
        elif entry.kind == "ballots":
            ballots.append(station_ballots_from_json(load_json(entry.payload)))
        elif entry.kind == "result":
            results.append(_object(load_json(entry.payload), "نتیجه"))
        elif entry.kind == "seed":
            seeds.append(_object(load_json(entry.payload), "بذر"))
    return ChainDocuments(tuple(minutes), tuple(ballots), tuple(results), tuple(seeds))
