"""Hand-worked counts kept as golden files: constituency + ballots in, the documented JSON out.

Each case's key numbers are also asserted here by hand, so a golden file cannot drift unnoticed.
To see a case: ``.venv/bin/ostan count golden/<case>/constituency.json golden/<case>/ballots.jsonl``.
"""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest

from ostan.core.counting import CountResult, ballots_from_jsonl, constituency_from_json, count

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p.name for p in GOLDEN.iterdir() if p.is_dir())


def run(case: str) -> CountResult:
    folder = GOLDEN / case
    constituency = constituency_from_json(json.loads((folder / "constituency.json").read_text(encoding="utf-8")))
    lines = (folder / "ballots.jsonl").read_text(encoding="utf-8").splitlines()
    source = json.loads((folder / "case.json").read_text(encoding="utf-8"))["source"]
    return count(constituency, ballots_from_jsonl(lines, filename=case), source=source)


@pytest.mark.parametrize("case", CASES)
def test_golden_json(case: str) -> None:
    expected = json.loads((GOLDEN / case / "expected.json").read_text(encoding="utf-8"))
    assert run(case).to_json() == expected


def test_there_are_golden_cases_for_both_methods() -> None:
    assert {c.split("_")[0] for c in CASES} == {"plurality", "proportional"}


def test_veteran_priority_decides_the_last_seat() -> None:
    # 11:5, 12:4, 13:3 (veteran, no degree), 14:3 (doctorate), 15:1 — veteran priority outranks a degree.
    result = run("plurality_veteran")
    assert result.members == ("11", "12", "13")
    assert result.alternates == ("14", "15")
    (tie,) = result.tie_breaks
    assert (tie.decided_by, tie.order, tie.lot_input) == ("veteran_priority", ("13", "14"), None)


def test_education_decides_the_last_alternate() -> None:
    # 11:6, 12:5, 13:4, 14:3, then 15 (master) and 16 (bachelor) at 2 for the second alternate.
    result = run("plurality_education")
    assert result.members == ("11", "12", "13")
    assert result.alternates == ("14", "15")
    (tie,) = result.tie_breaks
    assert (tie.decided_by, tie.order) == ("education", ("15", "16"))


def test_lot_decides_and_paper_ballots_are_partly_valid() -> None:
    # Imported with "partial": 11:4, 12:4, then 13, 14, 15 at 3 each for one seat and two alternates.
    result = run("plurality_lot_imported")
    summary = result.ballots
    assert (summary.total, summary.valid, summary.partly_valid, summary.invalid, summary.blank) == (9, 4, 3, 1, 1)
    assert summary.reasons == {"unknown_code": 2, "repeated_code": 1, "too_many_codes": 1}
    # printf '%s' '1405-round7-published-seed|golden-lot|14' | sha256sum → 4c3f…, 15 → b095…, 13 → bece…
    assert result.members[2:] == ("14",)
    assert result.alternates == ("15", "13")
    (tie,) = result.tie_breaks
    assert tie.decided_by == "lot"
    assert tie.lot_input == "\n".join(f"1405-round7-published-seed|golden-lot|{c}" for c in ("14", "15", "13"))


def test_proportional_by_hand() -> None:
    # Totals: list 71 = 17+11+11 = 39, list 72 = 12+9 = 21, independents 11+3 = 14; sum 74.
    # Quotas ×5: 195/74 ≈ 2.64, 105/74 ≈ 1.42, 70/74 ≈ 0.95 → integer 2+1+0, remainders to independents and 71.
    result = run("proportional_basic")
    lists = {pl.code: pl for pl in result.lists}
    assert {k: pl.total for k, pl in lists.items()} == {"71": 39, "72": 21, "": 14}
    assert lists["71"].quota == Fraction(195, 74)
    assert {k: pl.seats for k, pl in lists.items()} == {"71": 3, "72": 1, "": 1}
    assert {k: pl.alternates for k, pl in lists.items()} == {"71": 0, "72": 1, "": 1}
    assert set(result.members) == {"101", "102", "103", "201", "301"}
    assert result.alternates == ("202", "302")
    votes = {c.code: (c.own_votes, c.list_votes, c.votes) for c in result.candidates}
    assert votes["101"] == (6, 11, 17)
    assert votes["201"] == (6, 6, 12)
    assert result.ballots.reasons == {
        "list_and_candidates": 2,
        "several_lists": 1,
        "unknown_code": 1,
        "repeated_code": 1,
    }
    assert (result.ballots.valid, result.ballots.partly_valid) == (28, 3)


def test_a_list_with_more_seats_than_members() -> None:
    # 81 (one member) is worth 300/115 ≈ 2.61 seats; it takes 1 and the surplus goes down the remainder order.
    result = run("proportional_short_list")
    lists = {pl.code: pl for pl in result.lists}
    assert (lists["81"].integer_seats, lists["81"].seats) == (2, 1)
    assert (lists["82"].seats, lists["82"].remainder_seats, lists["82"].alternates) == (4, 2, 1)
    assert result.vacant_seats == 0
    (tie,) = result.tie_breaks
    assert tie.decided_by == "lot"
    assert set(tie.candidates) == {"601", "603", "604", "605"}
