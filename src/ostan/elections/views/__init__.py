from ostan.elections.views.changes import count, import_file, publish, set_seed
from ostan.elections.views.downloads import ballots_jsonl, constituency_json, results_csv, results_json
from ostan.elections.views.pages import constituency, home, results
from ostan.elections.views.roster import candidate_edit, candidate_new, candidate_photo, list_new, photo
from ostan.elections.views.setup import (
    constituency_new,
    population,
    round_schedule,
    round_status,
    rounds,
    settlements,
    voting,
)

__all__ = [
    "ballots_jsonl",
    "candidate_edit",
    "candidate_new",
    "candidate_photo",
    "constituency",
    "constituency_json",
    "constituency_new",
    "count",
    "home",
    "import_file",
    "list_new",
    "photo",
    "population",
    "publish",
    "results",
    "results_csv",
    "results_json",
    "round_schedule",
    "round_status",
    "rounds",
    "set_seed",
    "settlements",
    "voting",
]
