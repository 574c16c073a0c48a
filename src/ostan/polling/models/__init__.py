"""Election day: the roll, stations and their devices, check-ins, voting tokens, ballots and minutes.

The secrecy of the vote is a property of this schema (docs/election-day.md, "Secrecy"): the check-in
table (who came, where, when) and the token and ballot tables (that a ballot may be or was cast at a
station, and its codes) share no foreign key, no identifier and no time. Ballots carry no time at all.
"""

from ostan.polling.models.ballots import CastBallot, TokenHolder, VoidedToken, VoidReason, VotingToken
from ostan.polling.models.checkins import CheckIn
from ostan.polling.models.devices import Device, DeviceKind
from ostan.polling.models.minutes import MinutesConfirmation, StationMinutes
from ostan.polling.models.roll import RollVoter
from ostan.polling.models.stations import Station, StationStatus

__all__ = [
    "CastBallot",
    "CheckIn",
    "Device",
    "DeviceKind",
    "MinutesConfirmation",
    "RollVoter",
    "Station",
    "StationMinutes",
    "StationStatus",
    "TokenHolder",
    "VoidReason",
    "VoidedToken",
    "VotingToken",
]
