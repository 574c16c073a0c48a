"""Council elections: rounds, constituencies, candidates and lists, imported ballots, stored counts."""

from ostan.elections.models.ballots import Ballot, BallotBatch, BallotSource
from ostan.elections.models.candidates import Candidate, EducationLevel, Gender, PartyList, VettingStatus
from ostan.elections.models.results import CountOrigin, CountRecord
from ostan.elections.models.rounds import (
    Constituency,
    ConstituencyKind,
    CountingMethod,
    ElectionRound,
    RoundStatus,
)

__all__ = [
    "Ballot",
    "BallotBatch",
    "BallotSource",
    "Candidate",
    "Constituency",
    "ConstituencyKind",
    "CountOrigin",
    "CountRecord",
    "CountingMethod",
    "EducationLevel",
    "ElectionRound",
    "Gender",
    "PartyList",
    "RoundStatus",
    "VettingStatus",
]
