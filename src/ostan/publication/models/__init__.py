"""The public bulletin board and what was published on it: station minutes and ballots, constituency
results and the supervisory board's re-checks.

The board (:class:`BulletinEntry`) is append-only at the database itself (migration 0002); the other
tables only remember which entry holds what, so pages and the receipt lookup need no chain scan.
"""

from ostan.publication.models.bulletin import Board, BulletinEntry
from ostan.publication.models.results import ConstituencyResult, Recheck, RecheckOutcome, StationPublication
from ostan.publication.models.transparency import Cosignature, ElectionManifest, MerkleNode, TreeHead

__all__ = [
    "Board",
    "BulletinEntry",
    "ConstituencyResult",
    "Cosignature",
    "ElectionManifest",
    "MerkleNode",
    "Recheck",
    "RecheckOutcome",
    "StationPublication",
    "TreeHead",
]
