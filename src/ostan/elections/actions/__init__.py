"""Every change to elections data goes through these actions: scope check, one transaction, one audit entry."""

from ostan.elections.actions.ballots import import_ballots
from ostan.elections.actions.candidates import add_candidate, add_party_list, edit_candidate, set_candidate_photo
from ostan.elections.actions.constituencies import create_constituency, set_lot_seed, set_voting
from ostan.elections.actions.results import count_constituency, publish_results, record_external_count
from ostan.elections.actions.rosters import import_candidates, import_lists
from ostan.elections.actions.rounds import create_round, set_polls_schedule, set_round_status

__all__ = [
    "add_candidate",
    "add_party_list",
    "count_constituency",
    "create_constituency",
    "create_round",
    "edit_candidate",
    "import_ballots",
    "import_candidates",
    "import_lists",
    "publish_results",
    "record_external_count",
    "set_candidate_photo",
    "set_lot_seed",
    "set_polls_schedule",
    "set_round_status",
    "set_voting",
]
