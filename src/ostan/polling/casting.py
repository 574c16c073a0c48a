"""What a voting device sends and gets back, and the checks a cast makes before anything is spent: the
single cast (``actions.ballots``) and the journal upload (``actions.ballot_batches``) share them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from ostan.core.polling.ballots import BallotRecord
from ostan.core.polling.short_codes import presented_token
from ostan.core.polling.tokens import TokenRecord, redeem, token_hash
from ostan.polling.constituencies import info as constituency_info
from ostan.polling.device_requests import DeviceContext
from ostan.polling.edge.stations import station_info
from ostan.polling.errors import BallotRefused, WrongDeviceKind
from ostan.polling.models import DeviceKind, VotingToken

ACCEPTED_STATUSES = ("valid", "blank")


# A journal of 1,000 ballots makes 2,000 of these: named tuples, immutable like frozen dataclasses, are
# made in a third of the time.
class CastOutcome(NamedTuple):
    ballot_id: str
    receipt_code: str
    is_duplicate: bool  # stored earlier (a retry or a journal upload): nothing new was written


class BallotItem(NamedTuple):
    ballot_id: str
    token: str
    codes: tuple[str, ...]


class ItemRefusal(NamedTuple):
    ballot_id: str
    code: str
    message: str


@dataclass(frozen=True)
class BatchOutcome:
    accepted: tuple[CastOutcome, ...]
    refused: tuple[ItemRefusal, ...]


def voting_device(device: DeviceContext) -> None:
    if device.kind != DeviceKind.VOTING:
        raise WrongDeviceKind("رأی فقط از دستگاه رأی‌گیری پذیرفته می‌شود.")


def ballot_opened(device: DeviceContext, token: str) -> int:
    """The constituency whose ballot ``token`` opens (the token is not spent): a read, not an action."""
    voting_device(device)
    hashed = token_hash(presented_token(token, station_code=device.station_code))  # a mistyped short code raises
    found = VotingToken.objects.filter(token_hash=hashed).values_list("station_id", "is_redeemed").first()
    rec = None if found is None else TokenRecord(hashed, code_of(found[0]), found[1])
    redeem(rec, station_code=device.station_code)  # raises the refusal; the result is not stored
    return VotingToken.objects.values_list("constituency_id", flat=True).get(token_hash=hashed)


def code_of(station_pk: int) -> str:
    return station_info(station_pk).code


def judge(constituency_pk: int, ballot: BallotRecord) -> None:
    """Refuse a machine ballot that is not valid or blank (the kiosk never sends one)."""
    verdict = constituency_info(constituency_pk).form.judge(ballot.codes)
    if verdict.status not in ACCEPTED_STATUSES:
        raise BallotRefused(
            "برگهٔ رأی درست نیست: " + "، ".join(verdict.reasons), details={"reasons": list(verdict.reasons)}
        )
