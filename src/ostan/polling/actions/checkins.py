"""Check-in at the authentication device: at most one accepted check-in per voter per round, everywhere.

The decision is the core's (:func:`ostan.core.polling.checkin.decide_check_in`); the guarantee is the
database's: UNIQUE(round, national code) on the check-ins. :func:`prepare_check_in` validates a
request and asks the identity verifier; what needs the database is settled on PostgreSQL by
:func:`ostan.polling.checkin_batches.settle` (one request here, many at once through the
device gateway, :mod:`ostan.polling.edge.gateway`): the counter, the check-in, the token hash and the
audit row commit together or not at all, and the loser of a race is told where and when the voter was
accepted. The SQLite demo runs the same decision through the ORM, with the same unique constraint.

Any ``OperationalError`` (the centre unreachable) refuses with ``link_down`` and writes nothing.
"""

from __future__ import annotations

import datetime as dt

from ostan.auditlog.actions import action
from ostan.core.errors import DomainError
from ostan.core.polling.checkin import CheckInDecision
from ostan.polling.checkin_settlement import prepare_check_in, settle_check_ins
from ostan.polling.device_requests import DeviceContext


@action(may_change_nothing=True)
def check_in(
    *,
    device: DeviceContext,
    request_id: str,
    national_code: str,
    evidence: str,
    token_hash: str,
    is_link_down: bool = False,
    now: dt.datetime | None = None,
) -> CheckInDecision:
    """Decide and, when accepted, record one check-in (see the module docstring)."""
    pending = prepare_check_in(
        device=device, request_id=request_id, national_code=national_code, evidence=evidence,
        token_hash=token_hash, is_link_down=is_link_down, now=now,
    )  # fmt: skip
    outcome = settle_check_ins([pending])[0]
    if isinstance(outcome, DomainError):
        raise outcome
    return outcome
