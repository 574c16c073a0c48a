"""Order candidates by votes, breaking ties by the Art. 17 note: veterans' priority, higher degree, a lot.

Every tied group is ordered by the same key, so the order is total and reproducible. A tie is *recorded*
(a :class:`TieBreak`) only where its order changes something: two tied candidates on either side of a
status boundary (member / alternate / not elected), or two tied alternates (alternates are called in
order). A lot that decides something needs the published seed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ostan.core.counting.lots import Lot
from ostan.core.counting.results import TieBreak

DECIDERS = ("veteran_priority", "education", "lot")


@dataclass(frozen=True)
class Contender:
    code: str
    votes: int
    is_veteran: bool
    education: int


@dataclass(frozen=True)
class Stakes:
    """Where order matters: positions where a status changes, and a span whose inner order counts."""

    boundaries: tuple[int, ...] = ()  # a boundary b separates positions b-1 and b
    ordered_from: int = 0
    ordered_to: int = 0

    def separates(self, position: int) -> bool:
        """Whether the order of the contenders at ``position`` and ``position + 1`` matters."""
        after = position + 1
        return after in self.boundaries or (self.ordered_from <= position and after < self.ordered_to)


def art17_key(contender: Contender, lot: Lot) -> tuple[int, int, int, str, str]:
    return (-contender.votes, -int(contender.is_veteran), -contender.education, lot.key(contender.code), contender.code)


def art17_order(
    contenders: Sequence[Contender], lot: Lot, stakes: Stakes = Stakes()
) -> tuple[tuple[str, ...], tuple[TieBreak, ...]]:
    """Codes in final order, and the ties that decided something."""
    ordered = sorted(contenders, key=lambda c: art17_key(c, lot))
    ties: list[TieBreak] = []
    start = 0
    while start < len(ordered):
        end = start + 1
        while end < len(ordered) and ordered[end].votes == ordered[start].votes:
            end += 1
        if end - start > 1:
            tie = _record(ordered[start:end], start, lot, stakes)
            if tie is not None:
                ties.append(tie)
        start = end
    return tuple(c.code for c in ordered), tuple(ties)


def _decider(first: Contender, second: Contender) -> int:
    if first.is_veteran != second.is_veteran:
        return 0
    if first.education != second.education:
        return 1
    return 2


def _record(group: Sequence[Contender], start: int, lot: Lot, stakes: Stakes) -> TieBreak | None:
    deciders = [_decider(group[i], group[i + 1]) for i in range(len(group) - 1) if stakes.separates(start + i)]
    if not deciders:
        return None
    decided_by = max(deciders)
    lot_input = None
    if decided_by == 2:
        drawn = _lot_codes(group, start, stakes)
        lot.require_seed(drawn)
        lot_input = lot.lot_input(drawn)
    return TieBreak(
        candidates=tuple(sorted(c.code for c in group)),
        decided_by=DECIDERS[decided_by],
        order=tuple(c.code for c in group),
        lot_input=lot_input,
    )


def _lot_codes(group: Sequence[Contender], start: int, stakes: Stakes) -> list[str]:
    """The codes of every fully tied run (same veteran status and degree) whose lot order matters."""
    drawn: list[str] = []
    i = 0
    while i < len(group):
        j = i + 1
        while j < len(group) and _decider(group[i], group[j]) == 2:
            j += 1
        if any(stakes.separates(start + k) for k in range(i, j - 1)):
            drawn.extend(c.code for c in group[i:j])
        i = j
    return drawn
