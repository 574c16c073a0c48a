"""Every change the board makes: scope check, one durable transaction, one audit entry, chain appends."""

from ostan.publication.actions.anchors import open_round
from ostan.publication.actions.rechecks import draw_recheck, record_recheck
from ostan.publication.actions.results import aggregate_constituency, publish_result
from ostan.publication.actions.rollups import publish_rollup
from ostan.publication.actions.stations import publish_station, publish_stations

__all__ = [
    "aggregate_constituency",
    "draw_recheck",
    "open_round",
    "publish_result",
    "publish_rollup",
    "publish_station",
    "publish_stations",
    "record_recheck",
]
