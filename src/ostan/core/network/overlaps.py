"""Likely overlaps: actions of *different* institutions doing much the same thing for the same people.

The minister's named problem is many agencies running overlapping neighbourhood actions. Rules:

* **Candidates** are pairs of actions in the same unit (the same unit path, not merely one subtree),
  run by different institutions, whose day ranges meet: ``a.start ≤ b.end + slack`` and
  ``b.start ≤ a.end + slack`` (``slack_days`` is 0 by default: the ranges must share a day).
* **Score** (0..1) of a candidate is the sum of: ``same_category`` if the categories are equal, or
  ``related_category`` if the relation table (an argument; symmetric) relates them; ``same_target_group``
  if both name the same target group; ``description`` × the trigram similarity of the descriptions when
  that similarity reaches ``min_similarity``; ``date_overlap`` × the shared days ÷ the shorter action's
  days. A candidate is reported when its score reaches ``min_score``. The weights are data
  (:class:`OverlapRules`), with defaults that need two strong signals, e.g. the same category and a
  similar description, or the same category and target group over most of the shorter action.
* **Similarity** is PostgreSQL pg_trgm's, so that the app's database search agrees with the core: the
  text is normalised and folded (:func:`ostan.core.text.normalize`, ZWNJ removed, آ → ا, case-folded),
  split into words of letters and digits, each word padded with two spaces before and one after, and
  the similarity is |A ∩ B| ÷ |A ∪ B| over the two sets of three-character pieces.

:func:`find_overlaps` blocks by unit and sweeps each unit's actions by start day, comparing an action
only with those still running when it starts: 100,000 actions of a province take 1.1–1.5 s over 2,000
units and 2.6–3.0 s over 366 on the shared machine (``bench/bench_overlaps.py``). Each description's
trigrams are computed once, and only for pairs whose score could still reach the threshold.
:func:`find_overlaps_naive` compares all pairs with the same scoring: it is the reference the tests
and the benchmark check the fast one against.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from ostan.core.network.errors import InvalidRule
from ostan.core.network.model import Action
from ostan.core.text import ZWNJ, normalize

_WORD = re.compile(r"[^\W_]+")
SCORE_DIGITS = 4  # scores are rounded once, after every sum, so equal inputs give equal figures
_ROUNDING_MARGIN = 1e-4  # the skip of a hopeless comparison must never drop a score rounding would lift


class OverlapReason(StrEnum):
    SAME_UNIT = "same_unit"
    DATES_OVERLAP = "dates_overlap"
    DATES_ADJACENT = "dates_adjacent"  # within the slack of each other, no day shared
    SAME_CATEGORY = "same_category"
    RELATED_CATEGORY = "related_category"
    SAME_TARGET_GROUP = "same_target_group"
    SIMILAR_DESCRIPTION = "similar_description"


REASON_LABELS = {
    OverlapReason.SAME_UNIT: "در یک محل",
    OverlapReason.DATES_OVERLAP: "هم‌زمان",
    OverlapReason.DATES_ADJACENT: "پشت سر هم",
    OverlapReason.SAME_CATEGORY: "هم‌موضوع",
    OverlapReason.RELATED_CATEGORY: "موضوع مرتبط",
    OverlapReason.SAME_TARGET_GROUP: "برای یک گروه هدف",
    OverlapReason.SIMILAR_DESCRIPTION: "شرح مشابه",
}


@dataclass(frozen=True)
class OverlapRules:
    """The score's weights and thresholds (see the module docstring); the defaults sum to 1."""

    same_category: float = 0.35
    related_category: float = 0.2
    same_target_group: float = 0.2
    description: float = 0.35
    date_overlap: float = 0.1
    min_similarity: float = 0.3  # pg_trgm's own default threshold for its % operator
    min_score: float = 0.5
    slack_days: int = 0

    def __post_init__(self) -> None:
        weights = (self.same_category, self.related_category, self.same_target_group, self.description)
        if min((*weights, self.date_overlap)) < 0 or not 0 <= self.min_similarity <= 1 or self.slack_days < 0:
            raise InvalidRule("وزن‌ها و آستانه‌های هم‌پوشانی باید نامنفی باشند.", details={"rules": "overlap"})
        if self.min_score <= 0:
            raise InvalidRule("حداقل امتیاز هم‌پوشانی باید مثبت باشد.", details={"field": "min_score"})


@dataclass(frozen=True)
class Overlap:
    """Two actions that likely overlap; ``first`` < ``second`` by id."""

    first: str
    second: str
    unit_path: str
    score: float
    similarity: float
    shared_days: int
    reasons: tuple[OverlapReason, ...]


type Relations = frozenset[frozenset[str]]


def category_relations(pairs: Iterable[tuple[str, str]]) -> Relations:
    """A symmetric relation table from pairs of related categories."""
    return frozenset(frozenset(pair) for pair in pairs if pair[0] != pair[1])


def trigrams(text: str) -> frozenset[str]:
    """pg_trgm's trigram set of a Persian (or any) text, after normalisation and folding."""
    folded = normalize(text).replace(ZWNJ, "").replace("\u0622", "\u0627").casefold()
    grams: set[str] = set()
    for word in _WORD.findall(folded):
        padded = f"  {word} "
        grams |= {padded[i : i + 3] for i in range(len(padded) - 2)}
    return frozenset(grams)


def similarity(first: frozenset[str], second: frozenset[str]) -> float:
    if not first or not second:
        return 0.0
    shared = len(first & second)
    return shared / (len(first) + len(second) - shared)


class _Scorer:
    """The one scoring both finders use, with each description's trigrams computed once."""

    def __init__(self, rules: OverlapRules, relations: Relations) -> None:
        self.rules = rules
        self.relations = relations
        self.slack = dt.timedelta(days=rules.slack_days)
        self.grams: dict[str, frozenset[str]] = {}

    def trigrams_of(self, action: Action) -> frozenset[str]:
        # Keyed by text: descriptions copied from one template are common, and each is folded once.
        grams = self.grams.get(action.description)
        if grams is None:
            grams = self.grams[action.description] = trigrams(action.description)
        return grams

    def score(self, a: Action, b: Action) -> Overlap | None:
        rules = self.rules
        if a.institution == b.institution or a.unit_path != b.unit_path:
            return None
        if a.start > b.end + self.slack or b.start > a.end + self.slack:
            return None
        shared = max(0, (min(a.end, b.end) - max(a.start, b.start)).days + 1)
        reasons = [OverlapReason.SAME_UNIT, OverlapReason.DATES_OVERLAP if shared else OverlapReason.DATES_ADJACENT]
        score = 0.0
        if a.category == b.category:
            score += rules.same_category
            reasons.append(OverlapReason.SAME_CATEGORY)
        elif frozenset((a.category, b.category)) in self.relations:
            score += rules.related_category
            reasons.append(OverlapReason.RELATED_CATEGORY)
        if a.target_group is not None and a.target_group == b.target_group:
            score += rules.same_target_group
            reasons.append(OverlapReason.SAME_TARGET_GROUP)
        # The descriptions are compared only when they could still lift the score to the threshold.
        could_reach = score + rules.description + rules.date_overlap + _ROUNDING_MARGIN >= rules.min_score
        alike = similarity(self.trigrams_of(a), self.trigrams_of(b)) if could_reach else 0.0
        if alike >= rules.min_similarity and alike > 0:
            score += rules.description * alike
            reasons.append(OverlapReason.SIMILAR_DESCRIPTION)
        shorter = min((a.end - a.start).days, (b.end - b.start).days) + 1
        score = round(score + rules.date_overlap * shared / shorter, SCORE_DIGITS)
        if score < rules.min_score:
            return None
        first, second = (a.id, b.id) if a.id < b.id else (b.id, a.id)
        return Overlap(first, second, a.unit_path, score, round(alike, SCORE_DIGITS), shared, tuple(reasons))


def find_overlaps(
    actions: Sequence[Action], *, relations: Relations = frozenset(), rules: OverlapRules | None = None
) -> tuple[Overlap, ...]:
    """Likely overlaps, best first: blocked by unit, swept by start day (see the module docstring)."""
    scorer = _Scorer(rules or OverlapRules(), relations)
    slack = scorer.slack
    by_unit: dict[str, list[Action]] = defaultdict(list)
    for action in actions:
        by_unit[action.unit_path].append(action)
    found: list[Overlap] = []
    for members in by_unit.values():
        members.sort(key=lambda a: a.start)
        running: list[Action] = []
        for b in members:
            running = [a for a in running if a.end + slack >= b.start]
            for a in running:
                if a.institution != b.institution and (overlap := scorer.score(a, b)) is not None:
                    found.append(overlap)
            running.append(b)
    return _ranked(found)


def find_overlaps_naive(
    actions: Sequence[Action], *, relations: Relations = frozenset(), rules: OverlapRules | None = None
) -> tuple[Overlap, ...]:
    """Every pair compared with the same scoring: quadratic, the reference for tests and benchmarks."""
    scorer = _Scorer(rules or OverlapRules(), relations)
    pairs = itertools.combinations(actions, 2)
    return _ranked([overlap for a, b in pairs if (overlap := scorer.score(a, b)) is not None])


def _ranked(found: list[Overlap]) -> tuple[Overlap, ...]:
    return tuple(sorted(found, key=lambda o: (-o.score, o.first, o.second)))


def overlaps_by_action(overlaps: Iterable[Overlap]) -> Mapping[str, tuple[Overlap, ...]]:
    """Each action's overlaps, for the action's own page."""
    index: dict[str, list[Overlap]] = defaultdict(list)
    for overlap in overlaps:
        index[overlap.first].append(overlap)
        index[overlap.second].append(overlap)
    return {key: tuple(value) for key, value in index.items()}
