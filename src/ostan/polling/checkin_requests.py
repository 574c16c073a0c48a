"""A check-in on its way to the database: what the API, the batch committer and the device gateway pass
between them (here, with the check-in, rather than in any one of them)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ostan.core.errors import DomainError
from ostan.core.polling.checkin import CheckInDecision, CheckInRequest
from ostan.polling.device_requests import DeviceContext

Outcome = CheckInDecision | DomainError


@dataclass(frozen=True)
class PendingCheckIn:
    """One validated check-in request waiting for the database."""

    device: DeviceContext
    request: CheckInRequest  # national code parsed, token hash checked
    now: dt.datetime
    decided: CheckInDecision | None = None  # refused before the database (identity, link): spend the counter only
