"""Council election counting: block plurality (Art. 17) and the proportional method (Art. 20 مکرر).

A pure core: the elections app and the ``ostan count`` command both call :func:`count`. See
docs/counting.md for the rules, the file formats and how an observer recounts published ballots.
"""

from ostan.core.counting.apportionment import Apportionment, largest_remainder
from ostan.core.counting.ballot_files import ballots_from_csv, ballots_from_jsonl
from ostan.core.counting.ballots import BallotForm, BallotTally, BallotVerdict, merge_tallies, tally_ballots
from ostan.core.counting.errors import (
    ApportionmentImpossible,
    BallotFileError,
    ConstituencyFileError,
    InvalidConstituency,
    InvalidRules,
    LotSeedRequired,
    PopulationUnknown,
)
from ostan.core.counting.files import constituency_from_json, constituency_to_json
from ostan.core.counting.lots import draw_lots, lot_digest, lot_string
from ostan.core.counting.model import Candidate, Constituency, CountingRules, Education, Method, PartyList
from ostan.core.counting.results import BallotSummary, CandidateResult, CountResult, ListResult, TieBreak
from ostan.core.counting.seats import CouncilSize, council_size, override_council_size
from ostan.core.counting.tabulation import count, count_tally

__all__ = [
    "Apportionment",
    "ApportionmentImpossible",
    "BallotFileError",
    "BallotForm",
    "BallotSummary",
    "BallotTally",
    "BallotVerdict",
    "Candidate",
    "CandidateResult",
    "Constituency",
    "ConstituencyFileError",
    "CouncilSize",
    "CountResult",
    "CountingRules",
    "Education",
    "InvalidConstituency",
    "InvalidRules",
    "ListResult",
    "LotSeedRequired",
    "Method",
    "PartyList",
    "PopulationUnknown",
    "TieBreak",
    "ballots_from_csv",
    "ballots_from_jsonl",
    "constituency_from_json",
    "constituency_to_json",
    "council_size",
    "count",
    "count_tally",
    "draw_lots",
    "largest_remainder",
    "lot_digest",
    "lot_string",
    "merge_tallies",
    "override_council_size",
    "tally_ballots",
]
