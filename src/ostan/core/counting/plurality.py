"""Block plurality (Art. 17): the N candidates with most votes are members, the next ones alternates."""

from __future__ import annotations

from ostan.core.counting import explain
from ostan.core.counting.ballots import BallotTally
from ostan.core.counting.lots import Lot
from ostan.core.counting.model import Constituency
from ostan.core.counting.ranking import Contender, Stakes, art17_order
from ostan.core.counting.results import CandidateResult, CountResult


def count_plurality(c: Constituency, tally: BallotTally) -> CountResult:
    votes = {cand.code: tally.candidate_votes.get(cand.code, 0) for cand in c.candidates}
    contenders = [Contender(cand.code, votes[cand.code], cand.is_veteran, int(cand.education)) for cand in c.candidates]
    last_alternate = c.seats + c.alternates
    stakes = Stakes(boundaries=(c.seats, last_alternate), ordered_from=c.seats, ordered_to=last_alternate)
    order, ties = art17_order(contenders, Lot(c.lot_seed, c.id), stakes)
    members, alternates = order[: c.seats], order[c.seats : last_alternate]
    by_code = {cand.code: cand for cand in c.candidates}
    results = tuple(
        CandidateResult(
            code=code,
            name=by_code[code].name,
            list_code=None,
            own_votes=votes[code],
            list_votes=0,
            votes=votes[code],
            rank=rank,
            status="member" if rank <= c.seats else "alternate" if rank <= last_alternate else "not_elected",
        )
        for rank, code in enumerate(order, start=1)
    )
    names = {cand.code: cand.name for cand in c.candidates}
    explanation = [explain.ballots_sentence(tally.summary)]
    explanation += explain.plurality_sentences(c.seats, c.alternates, members, alternates, votes, names)
    explanation += [explain.tie_sentence(t, names) for t in ties]
    return CountResult(
        constituency_id=c.id,
        method=c.method,
        seats=c.seats,
        members=members,
        alternates=alternates,
        candidates=results,
        lists=(),
        ballots=tally.summary,
        tie_breaks=ties,
        explanation=tuple(explanation),
        lot_seed=c.lot_seed,
        vacant_seats=max(0, c.seats - len(members)),
    )
