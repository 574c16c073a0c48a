"""Every state change of election day, one module per entity (see each module's docstring)."""

from ostan.polling.actions.ballot_batches import cast_batch
from ostan.polling.actions.ballots import cast_ballot
from ostan.polling.actions.checkins import check_in
from ostan.polling.actions.devices import deactivate_device, register_device
from ostan.polling.actions.minutes import close_station, confirm_minutes, sign_minutes
from ostan.polling.actions.roll import generate_roll, import_roll
from ostan.polling.actions.stations import add_official, create_station
from ostan.polling.actions.tokens import issue_short_code, replace_token, void_lost_token

__all__ = [
    "add_official",
    "cast_ballot",
    "cast_batch",
    "check_in",
    "close_station",
    "confirm_minutes",
    "create_station",
    "deactivate_device",
    "generate_roll",
    "import_roll",
    "issue_short_code",
    "register_device",
    "replace_token",
    "sign_minutes",
    "void_lost_token",
]
