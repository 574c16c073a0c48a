"""The constituency file and the ballots files: round trips, and errors that name the exact place."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from ostan.core.counting import (
    BallotFileError,
    ConstituencyFileError,
    CountingRules,
    Education,
    Method,
    ballots_from_csv,
    ballots_from_jsonl,
    constituency_from_json,
    constituency_to_json,
)

GOLDEN = Path(__file__).parent / "golden"


def base() -> dict[str, object]:
    return {
        "id": "c1",
        "name": "شهر نمونه",
        "method": "proportional",
        "seats": 21,
        "alternates": 11,
        "lists": [{"code": "۷۱", "name": "فهرست الف"}],
        "candidates": [
            {"code": "101", "name": "نامزد يك", "list": "71", "veteran": True, "education": "master"},
            {"code": 102, "name": "نامزد دو"},
        ],
        "lot_seed": "seed",
        "rules": {"threshold_percent": "5", "alternate_rounding": "down"},
    }


def test_reading_normalises_codes_and_names() -> None:
    c = constituency_from_json(base())
    assert c.method is Method.PROPORTIONAL
    assert c.lists[0].code == "71"
    first, second = c.candidates
    assert (first.name, first.list_code, first.is_veteran, first.education) == (
        "نامزد یک",
        "71",
        True,
        Education.MASTER,
    )
    assert (second.code, second.list_code, second.education) == ("102", None, Education.NONE)
    assert c.rules == CountingRules(threshold_percent=Decimal(5), alternate_rounding="down")


def test_round_trip() -> None:
    c = constituency_from_json(base())
    assert constituency_from_json(constituency_to_json(c)) == c


@pytest.mark.parametrize("case", sorted(p.name for p in GOLDEN.iterdir() if p.is_dir()))
def test_golden_constituencies_round_trip(case: str) -> None:
    c = constituency_from_json(json.loads((GOLDEN / case / "constituency.json").read_text(encoding="utf-8")))
    assert constituency_from_json(constituency_to_json(c)) == c


def test_seats_from_the_law_table_when_left_out() -> None:
    data = base() | {"method": "plurality", "settlement": "city", "population": 120_000, "lists": []}
    del data["seats"], data["alternates"]
    data["candidates"] = [{"code": "101", "name": "الف"}]
    c = constituency_from_json(data)
    assert (c.seats, c.alternates) == (7, 5)


def broken(change: dict[str, object]) -> dict[str, object]:
    data = base()
    for path, value in change.items():
        target: Any = data
        *parents, last = path.split(".")
        for part in parents:
            target = target[int(part)] if isinstance(target, list) else target[part]
        key = int(last) if isinstance(target, list) else last
        if value is None:
            del target[key]
        else:
            target[key] = value
    return data


@pytest.mark.parametrize(
    ("change", "path"),
    [
        ({"method": "stv"}, "$.method"),
        ({"id": None}, "$.id"),
        ({"seats": "21"}, "$.seats"),
        ({"candidates.1.code": "12a"}, "$.candidates[1].code"),
        ({"candidates.1.code": "101"}, "$.candidates[1].code"),
        ({"candidates.0.list": "99"}, "$.candidates[0].list"),
        ({"candidates.0.education": "phd"}, "$.candidates[0].education"),
        ({"candidates.0.veteran": "yes"}, "$.candidates[0].veteran"),
        ({"candidates.0.name": None}, "$.candidates[0].name"),
        ({"candidates": {"code": "1"}}, "$.candidates"),
        ({"lists.0": "71"}, "$.lists[0]"),
        ({"rules.alternate_rounding": "banker"}, "$.rules.alternate_rounding"),
        ({"rules.threshold_percent": "five"}, "$.rules.threshold_percent"),
        ({"rules.colour": "red"}, "$.rules.colour"),
        ({"seats": 0}, "$.seats"),
    ],
)
def test_errors_name_the_json_path(change: dict[str, object], path: str) -> None:
    with pytest.raises(ConstituencyFileError) as raised:
        constituency_from_json(broken(change))
    assert raised.value.details == {"path": path}
    assert path in raised.value.message
    assert "پروندهٔ حوزه" in raised.value.message


def test_unknown_population_in_a_file_is_an_error() -> None:
    data = base() | {"method": "plurality", "settlement": "village", "lists": []}
    del data["seats"], data["alternates"]
    data["candidates"] = [{"code": "101", "name": "الف"}]
    with pytest.raises(ConstituencyFileError, match="جمعیت"):
        constituency_from_json(data)


def test_jsonl_ballots() -> None:
    lines = ['["101", "102"]\n', "[]\n", "\n", "[101]\n"]
    assert ballots_from_jsonl(lines) == [("101", "102"), (), ("101",)]


@pytest.mark.parametrize(
    ("lines", "line"),
    [(['["1"]', "{bad"], 2), (['"101"'], 1), (["[1]", "", "[null]"], 3), (["[[1]]"], 1), (["[true]"], 1)],
)
def test_bad_jsonl_lines_name_file_and_line(lines: list[str], line: int) -> None:
    with pytest.raises(BallotFileError) as raised:
        ballots_from_jsonl(lines, filename="ballots.jsonl")
    assert raised.value.details == {"file": "ballots.jsonl", "line": line}


def test_csv_ballots_drop_empty_cells() -> None:
    lines = ["101,102,\n", ",,\n", "۱۰۳\n"]
    assert ballots_from_csv(lines) == [("101", "102"), (), ("۱۰۳",)]


def test_bad_csv_names_the_line() -> None:
    with pytest.raises(BallotFileError) as raised:
        ballots_from_csv(['101,"10\n', "2"], filename="b.csv")
    assert raised.value.details["file"] == "b.csv"  # type: ignore[index]
