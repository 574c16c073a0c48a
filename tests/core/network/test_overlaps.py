"""Overlaps between institutions' actions: scoring by hand, pg_trgm similarity, and fast = naive."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ostan.core.network.errors import InvalidRule
from ostan.core.network.model import Action
from ostan.core.network.overlaps import (
    OverlapReason,
    OverlapRules,
    category_relations,
    find_overlaps,
    find_overlaps_naive,
    overlaps_by_action,
    similarity,
    trigrams,
)

from .builders import DAY0, UNITS, action

N1, N2 = UNITS[0], UNITS[1]
D = dt.timedelta


def test_pg_trgm_trigrams() -> None:
    # pg_trgm: show_trgm('cat') = {"  c"," ca","at ","cat"}
    assert trigrams("cat") == frozenset({"  c", " ca", "cat", "at "})
    assert trigrams("Cat, CAT") == trigrams("cat")
    assert similarity(trigrams("cat"), trigrams("cat")) == 1.0
    assert similarity(trigrams(""), trigrams("cat")) == 0.0


def test_persian_spelling_variants_meet() -> None:
    assert trigrams("غربالگری سالمندان مسجد") == trigrams("غربالگري  سالمندان مسجد")  # Arabic yeh
    assert trigrams("می\u200cشود") == trigrams("میشود")
    assert trigrams("آب") == trigrams("اب")


def worked() -> list[Action]:
    return [
        action("a", N1, institution="mosque", category="screening", target_group="elderly",
               description="غربالگری فشار خون سالمندان", start=DAY0, end=DAY0 + D(29)),
        action("b", N1, institution="health_network", category="screening", target_group="elderly",
               description="غربالگری فشار خون برای سالمندان محله", start=DAY0 + D(10), end=DAY0 + D(59)),
        # Same institution as a: never an overlap with a, however alike.
        action("c", N1, institution="mosque", category="screening", target_group="elderly",
               description="غربالگری فشار خون سالمندان", start=DAY0, end=DAY0 + D(29)),
        # Another unit: never compared.
        action("d", N2, institution="red_crescent", category="screening", target_group="elderly",
               description="غربالگری فشار خون سالمندان", start=DAY0, end=DAY0 + D(29)),
        # Same unit, later: does not share a day with a.
        action("e", N1, institution="red_crescent", category="screening", target_group="elderly",
               description="غربالگری فشار خون سالمندان", start=DAY0 + D(30), end=DAY0 + D(40)),
        # A related category, another target group, an unlike description: below the threshold.
        action("f", N1, institution="school", category="nutrition", target_group="children",
               description="کلاس تغذیه کودکان", start=DAY0, end=DAY0 + D(29)),
    ]  # fmt: skip


def test_worked_example() -> None:
    relations = category_relations([("screening", "nutrition")])
    found = find_overlaps(worked(), relations=relations)
    pairs = {(o.first, o.second): o for o in found}
    assert set(pairs) == {("a", "b"), ("b", "c"), ("b", "e")}
    ab = pairs[("a", "b")]
    # same category .35 + target group .2 + .35 × similarity + .1 × 20 shared days ÷ 30 (a's length)
    alike = similarity(trigrams("غربالگری فشار خون سالمندان"), trigrams("غربالگری فشار خون برای سالمندان محله"))
    assert ab.similarity == round(alike, 4)
    assert ab.score == round(0.35 + 0.2 + 0.35 * alike + 0.1 * 20 / 30, 4)
    assert ab.shared_days == 20
    assert ab.reasons == (
        OverlapReason.SAME_UNIT,
        OverlapReason.DATES_OVERLAP,
        OverlapReason.SAME_CATEGORY,
        OverlapReason.SAME_TARGET_GROUP,
        OverlapReason.SIMILAR_DESCRIPTION,
    )
    assert [o.score for o in found] == sorted((o.score for o in found), reverse=True)
    assert find_overlaps_naive(worked(), relations=relations) == found
    assert set(overlaps_by_action(found)["b"]) == set(found)


def test_slack_joins_back_to_back_actions() -> None:
    found = find_overlaps(worked(), rules=OverlapRules(slack_days=1))
    assert ("a", "e") in {(o.first, o.second) for o in found}
    adjacent = next(o for o in found if (o.first, o.second) == ("a", "e"))
    assert adjacent.shared_days == 0
    assert OverlapReason.DATES_ADJACENT in adjacent.reasons


def test_a_related_category_counts_less_than_the_same() -> None:
    a = action("a", institution="x", category="screening", description="غربالگری دیابت")
    b = action("b", institution="y", category="nutrition", description="غربالگری دیابت")
    assert find_overlaps([a, b]) == ()  # unrelated: similarity .35 + dates .1 = .45 < .5
    (related,) = find_overlaps([a, b], relations=category_relations([("nutrition", "screening")]))
    assert OverlapReason.RELATED_CATEGORY in related.reasons
    assert related.score == 0.65


def test_rules_are_checked() -> None:
    with pytest.raises(InvalidRule):
        OverlapRules(min_score=0)
    with pytest.raises(InvalidRule):
        OverlapRules(same_category=-1)


WORDS = ("غربالگری", "سالمندان", "کودکان", "توزیع", "بسته", "مسجد", "آموزش", "ايمنی")


@st.composite
def crowded(draw: st.DrawFn) -> list[Action]:
    """Few units, institutions and categories, short windows: many candidate pairs."""
    made = []
    for i in range(draw(st.integers(0, 40))):
        start = DAY0 + D(draw(st.integers(0, 60)))
        made.append(
            action(
                f"x{i:02d}",
                draw(st.sampled_from(UNITS)),
                institution=draw(st.sampled_from(["m", "b", "r"])),
                category=draw(st.sampled_from(["c1", "c2", "c3"])),
                target_group=draw(st.sampled_from([None, "g1", "g2"])),
                start=start,
                end=start + D(draw(st.integers(0, 30))),
                description=" ".join(draw(st.lists(st.sampled_from(WORDS), max_size=4))),
            )
        )
    return made


@settings(max_examples=150)
@given(crowded(), st.integers(0, 5), st.sampled_from([0.3, 0.5, 0.7]), st.booleans())
def test_the_fast_finder_finds_exactly_what_all_pairs_find(
    made: list[Action], slack: int, min_score: float, related: bool
) -> None:
    rules = OverlapRules(slack_days=slack, min_score=min_score)
    relations = category_relations([("c1", "c2")] if related else [])
    fast = find_overlaps(made, relations=relations, rules=rules)
    assert fast == find_overlaps_naive(made, relations=relations, rules=rules)
    for o in fast:
        assert 0 < o.score <= 1
        assert o.first < o.second


@given(crowded())
def test_the_order_of_actions_never_matters(made: list[Action]) -> None:
    assert find_overlaps(list(reversed(made))) == find_overlaps(made)
