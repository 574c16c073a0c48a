"""Station minutes: built by the counting core, checked before closing, signed in canonical JSON."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from ostan.core.counting import count, count_tally
from ostan.core.polling.canonical import canonical_json
from ostan.core.polling.devices import device_keys
from ostan.core.polling.errors import InvalidDocument
from ostan.core.polling.minutes import (
    Minutes,
    build_minutes,
    check_minutes,
    form_for,
    is_minutes_signature_valid,
    minutes_digest,
    minutes_tally,
    minutes_to_json,
    sign_minutes,
)
from ostan.core.polling.publication import minutes_from_json

from .conftest import CITY, CLOSED, OPENED, STATION_BALLOTS, TOWN, station_minutes

KEYS = device_keys(bytes(range(1, 33)))


def codes(m: Minutes) -> list[str]:
    return [p.code for p in check_minutes(m, TOWN)]


def test_minutes_from_ballots() -> None:
    m = station_minutes("S-2")
    assert (m.form, m.checked_in, m.ballots_cast, m.valid, m.invalid, m.blank) == (29, 4, 4, 3, 1, 0)
    assert m.votes_per_candidate == {"101": 3, "102": 1, "103": 1, "104": 1, "105": 1}


def test_village_minutes_are_form_31() -> None:
    assert form_for("village") == 31


def test_clean_minutes_have_no_problem() -> None:
    assert check_minutes(station_minutes(), TOWN) == []


def test_station_tallies_add_up_to_the_constituency_count() -> None:
    from ostan.core.counting import merge_tallies

    merged = merge_tallies(minutes_tally(station_minutes(s)) for s in STATION_BALLOTS)
    every_ballot = [b for ballots in STATION_BALLOTS.values() for b in ballots]
    assert count_tally(TOWN, merged).to_json() == count(TOWN, every_ballot).to_json()


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"checked_in": 4}, "more_ballots_than_check_ins"),
        ({"invalid": 2}, "statuses_do_not_add_up"),
        ({"blank": -1, "valid": 4}, "negative_number"),
        ({"votes_per_candidate": {"101": -3, "102": 2, "103": 1, "104": 1, "105": 1}}, "negative_number"),
        ({"votes_per_candidate": {"101": 5}}, "candidate_over_ballots"),
        ({"votes_per_candidate": {"101": 4, "102": 4, "103": 4, "104": 1}}, "votes_exceed_ballots"),
        ({"votes_per_candidate": {"101": 1, "102": 1}}, "votes_below_ballots"),
        ({"votes_per_candidate": {"101": 3, "777": 1, "102": 2, "103": 1, "105": 1}}, "unknown_code"),
        ({"votes_per_candidate": {"۱۰۱": 3, "102": 2, "103": 1, "104": 1, "105": 1}}, "bad_code"),
        ({"votes_per_list": {"9": 5}}, "list_votes_exceed_ballots"),
        ({"closed_at": OPENED - dt.timedelta(hours=1)}, "closed_before_opened"),
        ({"form": 30}, "unknown_form"),
        ({"constituency_id": "C-9"}, "wrong_constituency"),
    ],
)
def test_each_consistency_check(change: dict[str, object], problem: str) -> None:
    assert problem in codes(dataclasses.replace(station_minutes(), **change))  # type: ignore[arg-type]


def test_problem_messages_are_persian() -> None:
    [problem] = check_minutes(dataclasses.replace(station_minutes(), checked_in=4), TOWN)
    assert problem.message == "تعداد آرا (۵) از تعداد رأی‌دهندگان احراز هویت‌شده (۴) بیشتر است."


def test_proportional_minutes_count_list_ballots() -> None:
    m = build_minutes(
        constituency=CITY,
        station_code="T-1",
        form=29,
        checked_in=4,
        ballots=[["9"], ["201", "203"], ["9", "202"], []],
        opened_at=OPENED,
        closed_at=CLOSED,
    )
    assert (m.votes_per_list, m.votes_per_candidate, m.partly_valid) == ({"9": 2}, {"201": 1, "203": 1}, 1)
    assert check_minutes(m, CITY) == []


def test_canonical_json_is_sorted_and_compact() -> None:
    assert canonical_json({"b": 1, "a": ["ی", None, True]}) == '{"a":["ی",null,true],"b":1}'.encode()


def test_canonical_json_refuses_floats() -> None:
    with pytest.raises(InvalidDocument):
        canonical_json({"turnout": 0.5})


def test_digest_is_sha256_of_the_canonical_json() -> None:
    import hashlib

    m = station_minutes()
    assert minutes_digest(m) == hashlib.sha256(canonical_json(minutes_to_json(m))).hexdigest()


def test_minutes_json_round_trips() -> None:
    m = station_minutes()
    assert minutes_from_json(minutes_to_json(m)) == m


def test_signature_covers_every_figure() -> None:
    m = station_minutes()
    signature = sign_minutes(KEYS.private_key, m)
    assert is_minutes_signature_valid(KEYS.public_key, m, signature)
    assert not is_minutes_signature_valid(KEYS.public_key, dataclasses.replace(m, blank=0), signature)
