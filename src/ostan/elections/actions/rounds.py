"""Creating election rounds and moving them through their configured statuses."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from ostan.auditlog.actions import action, record, snapshot
from ostan.core.access import Actor, ensure
from ostan.core.errors import DomainError
from ostan.core.polling.schedule import Schedule
from ostan.core.text import normalize
from ostan.elections.events import ElectionsEvent
from ostan.elections.models import ElectionRound, RoundStatus
from ostan.elections.permissions import CONFIGURE_ROUNDS

ROUND_FIELDS = ("number", "name", "election_date", "status")


@action()
def create_round(*, actor: Actor, number: int, name: str, election_date: dt.date | None = None) -> ElectionRound:
    ensure(actor, CONFIGURE_ROUNDS)
    name = normalize(name)
    if number < 1 or not name:
        raise DomainError("شماره و نام دوره لازم است.", code="invalid_round")
    with transaction.atomic(durable=True):
        if ElectionRound.objects.filter(number=number).exists():
            raise DomainError(f"دوره {number} پیش‌تر تعریف شده است.", code="round_exists")
        election_round = ElectionRound.objects.create(number=number, name=name, election_date=election_date)
        record(
            actor=actor,
            event=ElectionsEvent.ROUND_CREATED,
            obj=election_round,
            after=snapshot(election_round, ROUND_FIELDS),
        )
    return election_round


@action()
def set_round_status(*, actor: Actor, election_round: ElectionRound, status: str) -> ElectionRound:
    ensure(actor, CONFIGURE_ROUNDS)
    if status not in RoundStatus.values:
        raise DomainError("وضعیت دوره نامعتبر است.", code="invalid_status")
    with transaction.atomic(durable=True):
        election_round = ElectionRound.objects.select_for_update().get(pk=election_round.pk)
        before = snapshot(election_round, ("status",))
        election_round.status = status
        election_round.save(update_fields=["status"])
        record(
            actor=actor,
            event=ElectionsEvent.ROUND_STATUS_SET,
            obj=election_round,
            before=before,
            after=snapshot(election_round, ("status",)),
        )
    return election_round


SCHEDULE_FIELDS = ("polls_open_at", "polls_close_at")


@action()
def set_polls_schedule(
    *, actor: Actor, election_round: ElectionRound, opens_at: dt.datetime | None, closes_at: dt.datetime | None
) -> ElectionRound:
    """Set (or extend) the round's polling hours; check-ins and ballots are taken only between them."""
    ensure(actor, CONFIGURE_ROUNDS)
    try:
        Schedule(opens_at, closes_at)
    except ValueError:
        raise DomainError(
            "پایان رأی‌گیری باید پس از آغاز آن باشد و هر دو زمان با منطقهٔ زمانی.", code="invalid_schedule"
        ) from None
    with transaction.atomic(durable=True):
        election_round = ElectionRound.objects.select_for_update().get(pk=election_round.pk)
        before = snapshot(election_round, SCHEDULE_FIELDS)
        election_round.polls_open_at, election_round.polls_close_at = opens_at, closes_at
        election_round.save(update_fields=list(SCHEDULE_FIELDS))
        record(
            actor=actor, event=ElectionsEvent.ROUND_SCHEDULE_SET, obj=election_round,
            before=before, after=snapshot(election_round, SCHEDULE_FIELDS),
        )  # fmt: skip
    return election_round
