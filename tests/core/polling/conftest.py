"""A small council election for the election-day tests: one constituency, three stations."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

from ostan.core.counting import Candidate, Constituency, Method, PartyList
from ostan.core.polling.ballots import BallotRecord, make_ballot, new_ballot_id

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
