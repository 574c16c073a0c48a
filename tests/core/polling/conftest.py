"""A small council election for the election-day tests: one constituency, three stations."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

from ostan.core.counting import Candidate, Constituency, Method, PartyList, count
from ostan.core.polling.ballots import BallotRecord, make_ballot, new_ballot_id
from ostan.core.polling.bulletin import BulletinEntry, append
from ostan.core.polling.canonical import canonical_json
from ostan.core.polling.devices import device_keys
from ostan.core.polling.minutes import Minutes, build_minutes, form_for, sign_minutes
from ostan.core.polling.publication import ballots_document, minutes_document, result_document
from ostan.core.polling.verify import Publication, publication_from_chain

OPENED = dt.datetime(2026, 6, 19, 4, 30, tzinfo=dt.UTC)  # 08:00 Tehran
CLOSED = dt.datetime(2026, 6, 19, 16, 30, tzinfo=dt.UTC)  # 20:00 Tehran

TOWN = Constituency(
    id="C-1",
    name="شهر نمونه",
    method=Method.PLURALITY,
    seats=3,
    alternates=2,
    candidates=tuple(
        Candidate(str(code), name)
        for code, name in zip(
            (101, 102, 103, 104, 105),
            ("علی رضایی", "مریم کریمی", "حسن نوری", "زهرا احمدی", "رضا موسوی"),
            strict=True,
        )
    ),
    lot_seed="published-seed",
)

CITY = Constituency(
    id="C-2",
    name="کلان‌شهر نمونه",
    method=Method.PROPORTIONAL,
    seats=3,
    alternates=0,
    candidates=(Candidate("201", "الف", "9"), Candidate("202", "ب", "9"), Candidate("203", "پ")),
    lists=(PartyList("9", "فهرست نه"),),
)

# What each station's voters typed ([] is a blank ballot, "999" an unknown code).
STATION_BALLOTS: dict[str, list[list[str]]] = {
    "S-1": [["101", "102", "103"], ["101"], ["102", "104"], [], ["101", "105"]],
    "S-2": [["103", "101"], ["104", "105", "101"], ["101", "102"], ["999"]],
    "S-3": [["102"], ["102", "103"], ["105"]],
}
CHECKED_IN = {"S-1": 6, "S-2": 4, "S-3": 3}


def ballot_records(station: str, ballots: Sequence[Sequence[str]], seed: int, cid: str = "C-1") -> list[BallotRecord]:
    rnd = random.Random(seed)
    return [
        make_ballot(ballot_id=new_ballot_id(rnd.randbytes(16)), station_code=station, constituency_id=cid, codes=codes)
        for codes in ballots
    ]


def station_minutes(station: str = "S-1", *, checked_in: int | None = None) -> Minutes:
    return build_minutes(
        constituency=TOWN,
        station_code=station,
        form=form_for("city"),
        checked_in=CHECKED_IN[station] if checked_in is None else checked_in,
        ballots=STATION_BALLOTS[station],
        opened_at=OPENED,
        closed_at=CLOSED,
    )


STATION_KEYS = {station: device_keys(bytes([i]) * 32) for i, station in enumerate(STATION_BALLOTS, start=1)}
HQ_KEYS = device_keys(bytes(range(100, 132)))


def published_chain(*, checked_in: dict[str, int] | None = None) -> list[BulletinEntry]:
    """The bulletin of a whole election day: each station's minutes and ballots, then the result."""
    entries: list[BulletinEntry] = []

    def post(kind: str, document: dict[str, object]) -> None:
        head = entries[-1] if entries else None
        entries.append(append(head, kind, canonical_json(document), private_key=HQ_KEYS.private_key))

    every_ballot: list[tuple[str, ...]] = []
    for seed, (station, ballots) in enumerate(STATION_BALLOTS.items()):
        m = station_minutes(station, checked_in=(checked_in or {}).get(station))
        post("minutes", minutes_document(m, sign_minutes(STATION_KEYS[station].private_key, m)))
        records = ballot_records(station, ballots, seed)
        post("ballots", ballots_document(station, "C-1", records))
        every_ballot += [b.codes for b in records]
    post("result", result_document(count(TOWN, every_ballot)))
    return entries


def publication(entries: list[BulletinEntry]) -> Publication:
    return publication_from_chain(
        entries,
        constituencies={"C-1": TOWN},
        station_keys={station: keys.public_key for station, keys in STATION_KEYS.items()},
        chain_key=HQ_KEYS.public_key,
        chain_head=entries[-1].entry_hash,
    )
