"""One entry point for a whole count: validate the ballots, then apply the constituency's method."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ostan.core.counting.ballots import BallotForm, BallotTally, tally_ballots
from ostan.core.counting.model import Constituency, Method
from ostan.core.counting.plurality import count_plurality
from ostan.core.counting.proportional import count_proportional
from ostan.core.counting.results import CountResult


def count(constituency: Constituency, ballots: Iterable[Sequence[str]], *, source: str = "machine") -> CountResult:
    """Count ``ballots`` (each the codes typed, ``[]`` blank) for ``constituency``.

    ``source`` is "machine" (device ballots) or "imported" (paper records, see the rules' policy).
    """
    tally = tally_ballots(BallotForm.for_constituency(constituency, source=source), ballots)
    return count_tally(constituency, tally)


def count_tally(constituency: Constituency, tally: BallotTally) -> CountResult:
    """Count from totals already validated and added up (for example, merged station tallies)."""
    if constituency.method is Method.PLURALITY:
        return count_plurality(constituency, tally)
    return count_proportional(constituency, tally)
