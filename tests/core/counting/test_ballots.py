"""Ballot validation: every status and every reason code, for device and paper ballots."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ostan.core.counting import BallotForm, CountingRules, count, tally_ballots
from ostan.core.counting.ballots import REASONS

from .conftest import plurality, proportional

CANDIDATES = frozenset({"11", "12", "13", "14"})
LISTS = frozenset({"71", "72"})


def form(source: str = "machine", policy: str = "partial", lists: frozenset[str] = LISTS) -> BallotForm:
    return BallotForm(3, CANDIDATES, lists, source=source, imported_invalid_policy=policy)


@pytest.mark.parametrize(
    ("codes", "status", "reasons", "kept"),
    [
        ([], "blank", (), ()),
        (["11", "12", "13"], "valid", (), ("11", "12", "13")),
        (["۱۱", " 12 ", "١٣"], "valid", (), ("11", "12", "13")),
        (["11", "99"], "partly_valid", ("unknown_code",), ("11",)),
        (["11", "11"], "partly_valid", ("repeated_code",), ("11",)),
        (["11", "12", "13", "14"], "partly_valid", ("too_many_codes",), ("11", "12", "13")),
        (["99", "98"], "invalid", ("unknown_code",), ()),
        (["", "11"], "partly_valid", ("unknown_code",), ("11",)),
        (
            ["11", "۱۱", "99", "12", "13", "14"],
            "partly_valid",
            ("unknown_code", "repeated_code", "too_many_codes"),
            ("11", "12", "13"),
        ),
    ],
)
def test_imported_partial(codes: list[str], status: str, reasons: tuple[str, ...], kept: tuple[str, ...]) -> None:
    verdict = form("imported").judge(codes)
    assert (verdict.status, verdict.reasons, verdict.candidate_codes) == (status, reasons, kept)


@pytest.mark.parametrize("codes", [["11", "99"], ["11", "11"], ["11", "12", "13", "14"]])
def test_device_ballots_with_faults_are_invalid(codes: list[str]) -> None:
    verdict = form("machine").judge(codes)
    assert verdict.status == "invalid"
    assert verdict.candidate_codes == ()
    assert verdict.reasons


def test_paper_ballots_are_voided_under_the_reject_policy() -> None:
    verdict = form("imported", "reject").judge(["11", "99"])
    assert (verdict.status, verdict.reasons) == ("invalid", ("unknown_code",))


@pytest.mark.parametrize("source", ["machine", "imported"])
@pytest.mark.parametrize(
    ("codes", "status", "reasons", "list_code"),
    [
        (["71"], "valid", (), "71"),
        (["۷۱"], "valid", (), "71"),
        (["71", "11"], "partly_valid", ("list_and_candidates",), "71"),
        (["11", "72", "71"], "partly_valid", ("list_and_candidates", "several_lists"), "72"),
        (["72", "71"], "partly_valid", ("several_lists",), "72"),
        (["71", "99"], "partly_valid", ("list_and_candidates",), "71"),
    ],
)
def test_list_ballots_follow_the_law_for_every_source(
    source: str, codes: list[str], status: str, reasons: tuple[str, ...], list_code: str
) -> None:
    verdict = form(source).judge(codes)
    assert (verdict.status, verdict.reasons, verdict.list_code, verdict.candidate_codes) == (
        status,
        reasons,
        list_code,
        (),
    )


def test_a_list_code_in_a_plurality_constituency_is_unknown() -> None:
    verdict = form("imported", lists=frozenset()).judge(["71", "11"])
    assert (verdict.status, verdict.reasons) == ("partly_valid", ("unknown_code",))


def test_every_reason_code_is_counted_in_the_summary() -> None:
    c = proportional({"71": ["101", "102"]}, ["301"], seats=2)
    ballots = [["101", "999"], ["101", "101"], ["101", "102", "301"], ["71", "101"], ["71", "71"], [], ["101"]]
    summary = count(c, ballots, source="imported").ballots
    assert set(summary.reasons) == set(REASONS)
    assert summary.reasons == {
        "unknown_code": 1,
        "repeated_code": 1,
        "too_many_codes": 1,
        "list_and_candidates": 1,
        "several_lists": 1,
    }
    assert (summary.total, summary.valid, summary.partly_valid, summary.invalid, summary.blank) == (7, 1, 5, 0, 1)


def test_imported_policy_comes_from_the_constituency_rules() -> None:
    ballots = [["11", "99"], ["11"]]
    partial = count(plurality(["11", "12"]), ballots, source="imported")
    reject = count(
        plurality(["11", "12"], rules=CountingRules(imported_invalid_policy="reject")), ballots, source="imported"
    )
    assert (partial.ballots.partly_valid, partial.candidates[0].votes) == (1, 2)
    assert (reject.ballots.invalid, reject.candidates[0].votes) == (1, 1)


def test_an_unknown_source_is_refused() -> None:
    with pytest.raises(ValueError, match="source"):
        BallotForm.for_constituency(plurality(["11"]), source="paper")


codes = st.sampled_from(["11", "12", "13", "14", "۱۲", " 13", "99", "", "71", "72", "۷۲"])


@given(st.lists(st.lists(codes, max_size=6), max_size=30), st.sampled_from(["machine", "imported"]))
def test_the_fast_path_agrees_with_judging_each_ballot(ballots: list[list[str]], source: str) -> None:
    f = form(source)
    tally = tally_ballots(f, ballots)
    verdicts = [f.judge(b) for b in ballots]
    assert tally.summary.total == len(ballots)
    for status in ("valid", "partly_valid", "invalid", "blank"):
        assert getattr(tally.summary, status) == sum(v.status == status for v in verdicts)
    for code in CANDIDATES:
        assert tally.candidate_votes.get(code, 0) == sum(code in v.candidate_codes for v in verdicts)
    for code in LISTS:
        assert tally.list_votes.get(code, 0) == sum(v.list_code == code for v in verdicts)
