"""The proportional rules that the golden files do not show: every parameter and its default."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from ostan.core.counting import ApportionmentImpossible, CountingRules, InvalidRules, count, draw_lots
from ostan.core.counting.proportional import alternates_for

from .conftest import proportional


@pytest.mark.parametrize(
    ("rounding", "expected"),
    [
        ("half_up", [0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6]),
        ("down", [0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]),
        ("up", [0, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6]),
    ],
)
def test_alternates_are_52_percent_of_seats(rounding: str, expected: list[int]) -> None:
    rules = CountingRules(alternate_rounding=rounding)
    assert [alternates_for(s, rules) for s in range(12)] == expected


def test_tehran_default_21_seats_gives_11_alternates() -> None:
    # 52% of 21 = 10.92 → 11, the Tehran alternate count in the law's table.
    assert alternates_for(21, CountingRules()) == 11


def test_list_votes_count_for_every_member() -> None:
    c = proportional({"71": ["101", "102"], "72": ["201"]}, seats=2)
    result = count(c, [["71"], ["71"], ["201", "102"]])
    votes = {r.code: (r.own_votes, r.list_votes, r.votes) for r in result.candidates}
    assert votes == {"101": (0, 2, 2), "102": (1, 2, 3), "201": (1, 0, 1)}
    assert {pl.code: pl.total for pl in result.lists} == {"71": 5, "72": 1}


def test_the_threshold_is_off_by_default_and_excludes_small_blocks_when_set() -> None:
    # Totals 12, 6, 3 of 21: quotas ×5 = 2.86, 1.43, 0.71 → 2+1+0, remainders to 71 and the independents.
    ballots = [["71"]] * 4 + [["72"]] * 3 + [["301"]] * 3
    members = {"71": ["101", "102", "103"], "72": ["201", "202"]}
    plain = count(proportional(members, ["301"], seats=5), ballots)
    assert {pl.code: pl.seats for pl in plain.lists} == {"71": 3, "72": 1, "": 1}
    # With a 15% threshold the independents (3/21 ≈ 14.3%) are out; quotas over 18: 3.33 and 1.67 → 3 and 2.
    rules = CountingRules(threshold_percent=Decimal(15))
    strict = count(proportional(members, ["301"], seats=5, rules=rules), ballots)
    lists = {pl.code: pl for pl in strict.lists}
    assert lists[""].is_below_threshold
    assert {k: pl.seats for k, pl in lists.items()} == {"71": 3, "72": 2, "": 0}
    # Shares keep the full denominator; quotas are recomputed over the blocks that pass.
    assert lists["72"].share == Fraction(6, 21)
    assert lists["72"].quota == Fraction(6 * 5, 18)


def test_the_valid_ballots_denominator_is_refused_when_list_votes_make_shares_exceed_one() -> None:
    c = proportional(
        {"71": ["101", "102", "103"]}, ["301"], seats=3, rules=CountingRules(share_denominator="valid_ballots")
    )
    with pytest.raises(ApportionmentImpossible):
        count(c, [["71"], ["71"], ["301"]])


def test_the_valid_ballots_denominator_with_single_votes() -> None:
    c = proportional(
        {"71": ["101", "102"]}, ["301", "302"], seats=2, rules=CountingRules(share_denominator="valid_ballots")
    )
    result = count(c, [["101"], ["101"], ["301"], []])
    lists = {pl.code: pl for pl in result.lists}
    assert lists["71"].share == Fraction(2, 3)
    assert {k: pl.seats for k, pl in lists.items()} == {"71": 1, "": 1}


def test_the_vacant_rule_leaves_a_short_lists_surplus_empty() -> None:
    c = proportional(
        {"81": ["501"], "82": ["601", "602", "603"]}, seats=4, rules=CountingRules(short_list_policy="vacant")
    )
    result = count(c, [["81"]] * 9 + [["82"]])
    assert {pl.code: pl.seats for pl in result.lists} == {"81": 1, "82": 1}
    assert result.vacant_seats == 2
    assert len(result.members) == 2


def test_equal_remainders_between_lists_go_to_the_larger_total() -> None:
    # Totals 9 (a list of 3 with 3 list votes) and 3: quotas 9/12×2 = 3/2 and 1/2, equal remainders.
    c = proportional({"71": ["101", "102", "103"], "72": ["201"]}, seats=2)
    result = count(c, [["71"]] * 3 + [["201"]] * 3)
    assert {pl.code: pl.seats for pl in result.lists} == {"71": 2, "72": 0}
    (tie,) = [t for t in result.tie_breaks if t.kind == "lists"]
    assert (tie.decided_by, tie.order) == ("larger_total", ("71", "72"))


def test_equal_remainders_and_totals_between_lists_go_by_lot() -> None:
    c = proportional({"71": ["101"], "72": ["201"], "73": ["301"]}, seats=2, seed="s")
    result = count(c, [["71"], ["72"], ["73"]])
    winners = {pl.code for pl in result.lists if pl.seats}
    assert winners == set(draw_lots("s", "test|lists", ["71", "72", "73"])[:2])
    (tie,) = [t for t in result.tie_breaks if t.kind == "lists"]
    assert tie.decided_by == "lot"
    assert tie.lot_input is not None
    assert tie.lot_input.splitlines()[0].startswith("s|test|lists|")


def test_alternates_are_ordered_by_votes_across_lists() -> None:
    c = proportional({"71": ["101", "102", "103"], "72": ["201", "202", "203"]}, seats=2)
    ballots = [["101", "201"]] * 5 + [["103"]] * 4 + [["202"]] * 3
    result = count(c, ballots)
    assert set(result.members) == {"101", "201"}
    assert result.alternates == ("103", "202")
    statuses = [r.status for r in result.candidates]
    assert statuses == ["member", "member", "alternate", "alternate", "not_elected", "not_elected"]
    assert [r.rank for r in result.candidates] == [1, 2, 3, 4, 5, 6]


def test_unknown_rule_options_are_refused_in_persian() -> None:
    with pytest.raises(InvalidRules) as raised:
        CountingRules(alternate_rounding="banker")
    assert "alternate_rounding" in raised.value.message
