"""Likely duplicates among requests: character trigrams of folded Persian text, compared by Jaccard.

Each word is folded as ``text.search_key`` folds (Arabic ي/ك to Persian, digits to ASCII, ZWNJ and
diacritics dropped, آ to ا, case folded), punctuation becomes a space, and the words are joined with
single spaces and padded, so «می‌شود» and «ميشود» meet and word edges count. The score is
``|A ∩ B| / |A ∪ B|`` over the two sets of trigrams: 1 for texts that fold alike, 0 for nothing in
common or an empty side. Trigrams suit Persian, where the same word is written with or without a
ZWNJ, with a different ending, or with a typing slip: most trigrams survive each of those.

For a few hundred candidates per call, :func:`likely_duplicates` computes the query's trigrams once and
each candidate's on the fly (about 0.1 ms per candidate); callers keeping fingerprints can pass sets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ostan.core.text import ZWNJ, normalize

# Set between the examples in tests/core/servicedesk/test_similarity.py: rewordings of one complaint
# score 0.6 or more, other complaints about the same street under 0.3.
DEFAULT_THRESHOLD = 0.4
DEFAULT_LIMIT = 5
_NOT_WORD = re.compile(r"\W+")


def fingerprint(text: str) -> frozenset[str]:
    """The set of character trigrams of ``text`` after folding."""
    # search_key's folding, done once for the whole text instead of once per word.
    folded = normalize(text).replace(ZWNJ, "").replace("\u0622", "\u0627").casefold()
    words = [word for word in _NOT_WORD.split(folded) if word]
    if not words:
        return frozenset()
    padded = f" {' '.join(words)} "
    return frozenset(padded[i : i + 3] for i in range(len(padded) - 2))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)


def similarity(first: str, second: str) -> float:
    return jaccard(fingerprint(first), fingerprint(second))


@dataclass(frozen=True)
class Match:
    request_id: str
    score: float


def likely_duplicates(
    text: str,
    candidates: Mapping[str, str | frozenset[str]] | Iterable[tuple[str, str | frozenset[str]]],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    limit: int = DEFAULT_LIMIT,
) -> tuple[Match, ...]:
    """Candidates (id → text or fingerprint) scoring at least ``threshold``, best first, at most ``limit``."""
    query = fingerprint(text)
    pairs = candidates.items() if isinstance(candidates, Mapping) else candidates
    matches: list[Match] = []
    for request_id, other in pairs:
        score = jaccard(query, other if isinstance(other, frozenset) else fingerprint(other))
        if score >= threshold and score > 0:
            matches.append(Match(request_id, score))
    matches.sort(key=lambda m: (-m.score, m.request_id))
    return tuple(matches[: max(limit, 0)])
