"""Forms of the elections pages: they parse and check what people type; the actions decide and write."""

from ostan.elections.forms.candidates import CandidateForm, PartyListForm, PhotoForm
from ostan.elections.forms.constituencies import ConstituencyForm, PopulationForm, VotingForm
from ostan.elections.forms.entries import show_errors
from ostan.elections.forms.rounds import RoundForm, RoundStatusForm, ScheduleForm
from ostan.elections.forms.uploads import BallotUploadForm, LotSeedForm, RosterUploadForm

__all__ = [
    "BallotUploadForm",
    "CandidateForm",
    "ConstituencyForm",
    "LotSeedForm",
    "PartyListForm",
    "PhotoForm",
    "PopulationForm",
    "RosterUploadForm",
    "RoundForm",
    "RoundStatusForm",
    "ScheduleForm",
    "VotingForm",
    "show_errors",
]
