"""The proportional count (Art. 20 مکرر 3–5; Tehran now, any city over 500,000 from the 8th round).

Candidate votes = own votes + the votes of their list (a list ballot counts once for every member).
A list's total is the sum of its members' votes; independents are pooled into one block (code "").
Seats go to blocks by :func:`largest_remainder` (Hare quota), then inside each block to the members
with most votes (Art. 17 order for ties). Alternates per block = the rules' ratio of its seats, rounded.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import pairwise

from ostan.core.counting import explain
from ostan.core.counting.apportionment import Apportionment, largest_remainder
from ostan.core.counting.ballots import BallotTally
from ostan.core.counting.lots import LIST_CONTEXT_SUFFIX, Lot
from ostan.core.counting.model import Candidate, Constituency, CountingRules
from ostan.core.counting.ranking import Contender, Stakes, art17_key, art17_order
from ostan.core.counting.results import CandidateResult, CountResult, ListResult, TieBreak

__all__ = ["alternates_for", "count_proportional", "largest_remainder"]

INDEPENDENTS = ""


@dataclass(frozen=True)
class Block:
    code: str
    name: str
    members: tuple[Candidate, ...]


def alternates_for(seats: int, rules: CountingRules) -> int:
    """Alternates a block gets for ``seats`` elected members (Art. 20 مکرر 5: 52%, rounding per rules)."""
    exact = Fraction(seats * rules.alternate_ratio_percent, 100)
    if rules.alternate_rounding == "down":
        return exact.numerator // exact.denominator
    if rules.alternate_rounding == "up":
        return -(-exact.numerator // exact.denominator)
    half_up = exact + Fraction(1, 2)
    return half_up.numerator // half_up.denominator


def blocks_of(c: Constituency) -> list[Block]:
    blocks = [Block(pl.code, pl.name, tuple(m for m in c.candidates if m.list_code == pl.code)) for pl in c.lists]
    independents = tuple(m for m in c.candidates if m.list_code is None)
    if independents:
        blocks.append(Block(INDEPENDENTS, explain.INDEPENDENTS_NAME, independents))
    return blocks


def count_proportional(c: Constituency, tally: BallotTally) -> CountResult:
    votes = {
        m.code: tally.candidate_votes.get(m.code, 0) + (tally.list_votes.get(m.list_code, 0) if m.list_code else 0)
        for m in c.candidates
    }
    blocks = blocks_of(c)
    totals = {b.code: sum(votes[m.code] for m in b.members) for b in blocks}
    base = sum(totals.values()) if c.rules.share_denominator == "candidate_votes" else tally.summary.counted
    shares = {k: Fraction(t, base) if base else Fraction(0) for k, t in totals.items()}
    threshold = c.rules.threshold_percent
    qualified = [k for k in totals if threshold is None or shares[k] * 100 >= Fraction(threshold)]
    app = _apportion(c, {k: totals[k] for k in qualified}, blocks, tally)
    list_results, block_ties = _fill_blocks(c, blocks, votes, shares, app)
    tie_breaks = _remainder_ties(app, Lot(c.lot_seed, c.id + LIST_CONTEXT_SUFFIX), c.rules) + block_ties
    return _assemble(c, tally, votes, list_results, app, base, tie_breaks)


def _apportion(
    c: Constituency, totals: Mapping[str, int], blocks: Sequence[Block], tally: BallotTally
) -> Apportionment:
    denominator = None if c.rules.share_denominator == "candidate_votes" else tally.summary.counted
    capacities = {b.code: len(b.members) for b in blocks} if c.rules.short_list_policy == "reallocate" else None
    return largest_remainder(
        totals,
        c.seats,
        denominator=denominator,
        capacities=capacities,
        tie_order=Lot(c.lot_seed, c.id + LIST_CONTEXT_SUFFIX).order,
        prefer_larger_total=c.rules.remainder_tie_break == "larger_total_then_lot",
    )


def _contenders(block: Block, votes: Mapping[str, int]) -> list[Contender]:
    return [Contender(m.code, votes[m.code], m.is_veteran, int(m.education)) for m in block.members]


def _fill_blocks(
    c: Constituency,
    blocks: Sequence[Block],
    votes: Mapping[str, int],
    shares: Mapping[str, Fraction],
    app: Apportionment,
) -> tuple[list[ListResult], list[TieBreak]]:
    lot = Lot(c.lot_seed, c.id)
    results: list[ListResult] = []
    ties: list[TieBreak] = []
    for b in blocks:
        seats = min(app.seats.get(b.code, 0), len(b.members))
        alternates = min(alternates_for(seats, c.rules), len(b.members) - seats)
        stakes = Stakes((seats, seats + alternates), seats, seats + alternates)
        order, block_ties = art17_order(_contenders(b, votes), lot, stakes)
        ties.extend(block_ties)
        results.append(
            ListResult(
                code=b.code,
                name=b.name,
                total=sum(votes[m.code] for m in b.members),
                share=shares[b.code],
                quota=app.quotas.get(b.code, Fraction(0)),
                integer_seats=app.integer_seats.get(b.code, 0),
                remainder=app.remainders.get(b.code, Fraction(0)),
                remainder_seat=app.remainder_seats.get(b.code, 0) > 0,
                seats=seats,
                alternates=alternates,
                members=order[:seats],
                alternate_codes=order[seats : seats + alternates],
                candidate_count=len(b.members),
                is_below_threshold=b.code not in app.quotas,
                remainder_seats=app.remainder_seats.get(b.code, 0),
            )
        )
    return results, ties


def _remainder_ties(app: Apportionment, lot: Lot, rules: CountingRules) -> list[TieBreak]:
    """Equal remainders whose order gave one block a seat and not another."""
    ties: list[TieBreak] = []
    order = app.remainder_order
    start = 0
    while start < len(order):
        end = start + 1
        while end < len(order) and app.remainders[order[end]] == app.remainders[order[start]]:
            end += 1
        group = order[start:end]
        pairs = [(x, y) for x, y in pairwise(group) if app.remainder_seats[x] != app.remainder_seats[y]]
        if pairs:
            ties.append(_list_tie(group, pairs, app, lot, rules))
        start = end
    return ties


def _list_tie(
    group: Sequence[str], pairs: Sequence[tuple[str, str]], app: Apportionment, lot: Lot, rules: CountingRules
) -> TieBreak:
    by_total = rules.remainder_tie_break == "larger_total_then_lot"
    lot_pairs = [(x, y) for x, y in pairs if not by_total or app.quotas[x] == app.quotas[y]]
    lot_input = None
    if lot_pairs:
        drawn = sorted({k for pair in lot_pairs for k in pair})
        lot.require_seed(drawn)
        lot_input = lot.lot_input(drawn)
    return TieBreak(
        candidates=tuple(sorted(group)),
        decided_by="lot" if lot_pairs else "larger_total",
        order=tuple(group),
        lot_input=lot_input,
        kind="lists",
    )


def _assemble(
    c: Constituency,
    tally: BallotTally,
    votes: Mapping[str, int],
    lists: Sequence[ListResult],
    app: Apportionment,
    base: int,
    ties: list[TieBreak],
) -> CountResult:
    lot = Lot(c.lot_seed, c.id)
    contender = {m.code: Contender(m.code, votes[m.code], m.is_veteran, int(m.education)) for m in c.candidates}
    members = tuple(sorted((code for pl in lists for code in pl.members), key=lambda k: art17_key(contender[k], lot)))
    seated = [contender[code] for pl in lists for code in pl.alternate_codes]
    alternates, alternate_ties = art17_order(seated, lot, Stakes(ordered_from=0, ordered_to=len(seated)))
    ties.extend(t for t in alternate_ties if t not in ties)
    rest = sorted(set(contender) - set(members) - set(alternates), key=lambda k: art17_key(contender[k], lot))
    candidates = _candidate_results(c, tally, votes, (*members, *alternates, *rest), members, alternates)
    vacant = c.seats - len(members)
    explanation = _explanation(c, tally, votes, lists, app, base, ties, members, alternates, vacant)
    return CountResult(
        constituency_id=c.id,
        method=c.method,
        seats=c.seats,
        members=members,
        alternates=alternates,
        candidates=candidates,
        lists=tuple(lists),
        ballots=tally.summary,
        tie_breaks=tuple(ties),
        explanation=explanation,
        lot_seed=c.lot_seed,
        vacant_seats=vacant,
    )


def _candidate_results(
    c: Constituency,
    tally: BallotTally,
    votes: Mapping[str, int],
    order: Sequence[str],
    members: Sequence[str],
    alternates: Sequence[str],
) -> tuple[CandidateResult, ...]:
    by_code = {m.code: m for m in c.candidates}
    status = dict.fromkeys(members, "member") | dict.fromkeys(alternates, "alternate")
    return tuple(
        CandidateResult(
            code=code,
            name=by_code[code].name,
            list_code=by_code[code].list_code,
            own_votes=tally.candidate_votes.get(code, 0),
            list_votes=votes[code] - tally.candidate_votes.get(code, 0),
            votes=votes[code],
            rank=rank,
            status=status.get(code, "not_elected"),
        )
        for rank, code in enumerate(order, start=1)
    )


def _explanation(
    c: Constituency,
    tally: BallotTally,
    votes: Mapping[str, int],
    lists: Sequence[ListResult],
    app: Apportionment,
    base: int,
    ties: Sequence[TieBreak],
    members: Sequence[str],
    alternates: Sequence[str],
    vacant: int,
) -> tuple[str, ...]:
    names = {m.code: m.name for m in c.candidates} | {pl.code: pl.name for pl in c.lists}
    names[INDEPENDENTS] = explain.INDEPENDENTS_NAME
    lines = [
        explain.ballots_sentence(tally.summary),
        explain.proportional_opening(c.seats, base, c.rules.share_denominator),
    ]
    lines += [explain.list_sentence(pl) for pl in lists]
    lines.append(explain.remainder_sentence(app.remainder_order, app.remainder_seats, names))
    lines += [explain.block_sentence(pl, names, votes, pl.quota > pl.candidate_count) for pl in lists]
    lines += [explain.tie_sentence(t, names) for t in ties]
    if vacant:
        lines.append(f"{explain.number(vacant)} کرسی خالی ماند، زیرا هیچ فهرستی نامزد دیگری برای آن نداشت.")
    lines.append("اعضای اصلی به ترتیب رأی: " + explain.people(members, names) + ".")
    lines.append("علی‌البدل‌ها به ترتیب رأی: " + explain.people(alternates, names) + ".")
    return tuple(lines)
