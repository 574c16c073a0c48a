from ostan.elections.views.changes import count, import_file, publish, set_seed
from ostan.elections.views.downloads import ballots_jsonl, constituency_json, results_csv, results_json
from ostan.elections.views.pages import constituency, home, results

__all__ = [
    "ballots_jsonl",
    "constituency",
    "constituency_json",
    "count",
    "home",
    "import_file",
    "publish",
    "results",
    "results_csv",
    "results_json",
    "set_seed",
]
