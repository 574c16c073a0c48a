"""Invariants of the count, checked by hypothesis over generated constituencies and ballots."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from ostan.core.counting import Constituency, count, largest_remainder

from .conftest import plurality, proportional


@st.composite
def proportional_case(draw: st.DrawFn, *, roomy: bool = False) -> tuple[Constituency, list[list[str]]]:
    seats = draw(st.integers(1, 7))
    list_count = draw(st.integers(1, 4))
    members: dict[str, list[str]] = {}
    for i in range(list_count):
        size = seats if roomy else draw(st.integers(1, 5))
        members[str(71 + i)] = [f"{i + 1}{j:02d}" for j in range(size)]
    independents = [f"9{j:02d}" for j in range(seats if roomy and draw(st.booleans()) else draw(st.integers(0, 3)))]
    codes = [c for group in members.values() for c in group] + independents + list(members)
    ballot = st.lists(st.sampled_from(codes), max_size=seats + 1)
    ballots = draw(st.lists(ballot, min_size=1, max_size=40))
    return proportional(members, independents, seats=seats), ballots


@st.composite
def plurality_case(draw: st.DrawFn) -> tuple[Constituency, list[list[str]]]:
    seats = draw(st.integers(1, 5))
    codes = [str(10 + i) for i in range(draw(st.integers(seats, 9)))]
    ballot = st.lists(st.sampled_from(codes), max_size=seats, unique=True)
    ballots = draw(st.lists(ballot, min_size=1, max_size=40))
    return plurality(codes, seats=seats, alternates=draw(st.integers(0, 3))), ballots


@given(proportional_case())
def test_seats_add_up(case: tuple[Constituency, list[list[str]]]) -> None:
    c, ballots = case
    result = count(c, ballots)
    assert sum(pl.seats for pl in result.lists) + result.vacant_seats == c.seats
    assert len(result.members) == sum(pl.seats for pl in result.lists)
    if len(c.candidates) >= c.seats:
        assert result.vacant_seats == 0


@given(proportional_case(roomy=True))
def test_each_list_gets_the_floor_or_ceiling_of_its_quota(case: tuple[Constituency, list[list[str]]]) -> None:
    c, ballots = case
    result = count(c, ballots)
    has_votes = any(pl.total for pl in result.lists)  # with no votes at all every quota is 0 and lots decide
    is_roomy = all(pl.candidate_count >= c.seats for pl in result.lists)  # the independents may be few
    for pl in result.lists:
        if has_votes and is_roomy:
            assert math.floor(pl.quota) <= pl.seats <= math.ceil(pl.quota)


@given(
    st.dictionaries(st.from_regex(r"[a-z]{1,3}", fullmatch=True), st.integers(0, 10_000), min_size=1, max_size=8),
    st.integers(0, 30),
)
def test_largest_remainder_stays_within_quota_bounds(totals: dict[str, int], seats: int) -> None:
    result = largest_remainder(totals, seats)
    assert sum(result.seats.values()) == seats
    if sum(totals.values()):
        for k, q in result.quotas.items():
            assert math.floor(q) <= result.seats[k] <= math.ceil(q)


@settings(max_examples=60)
@given(st.one_of(plurality_case(), proportional_case()), st.randoms(use_true_random=False))
def test_the_order_of_ballots_never_matters(case: tuple[Constituency, list[list[str]]], rng: object) -> None:
    c, ballots = case
    shuffled = list(ballots)
    rng.shuffle(shuffled)  # type: ignore[attr-defined]
    assert count(c, shuffled).to_json() == count(c, ballots).to_json()


@given(plurality_case(), st.data())
def test_another_vote_for_a_member_never_unseats_them(
    case: tuple[Constituency, list[list[str]]], data: st.DataObject
) -> None:
    c, ballots = case
    before = count(c, ballots)
    winner = data.draw(st.sampled_from(before.members))
    after = count(c, [*ballots, [winner]])
    assert winner in after.members


@given(st.one_of(plurality_case(), proportional_case()))
def test_the_same_seed_gives_the_same_result(case: tuple[Constituency, list[list[str]]]) -> None:
    c, ballots = case
    first = count(c, ballots)
    assert count(c, ballots) == first
