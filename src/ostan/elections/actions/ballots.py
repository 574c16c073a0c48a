"""Importing a ballots file (device export or paper records): every line valid, or nothing stored."""

from __future__ import annotations

import hashlib

from django.db import transaction

from ostan.auditlog.actions import action, record
from ostan.core.access import Actor, ensure
from ostan.core.errors import DomainError
from ostan.core.tables import FileRejected
from ostan.core.text import normalize
from ostan.elections.ballot_files import parse_ballots
from ostan.elections.errors import ElectionClosed, NotVoting
from ostan.elections.events import ElectionsEvent
from ostan.elections.models import Ballot, BallotBatch, BallotSource, Constituency
from ostan.elections.permissions import MANAGE_CONSTITUENCY
from ostan.territory.scope import target_of

INSERT_BATCH = 5_000


def _check_file(file_name: str, data: bytes, source: str) -> list[str]:
    if source not in BallotSource.values:
        raise DomainError("منبع برگه‌ها نامعتبر است.", code="invalid_source")
    if not file_name.lower().endswith((".csv", ".txt", ".jsonl", ".json", ".ndjson")):
        raise FileRejected("پرونده برگه‌ها باید CSV یا JSON Lines باشد.", [])
    ballots, errors, error_count = parse_ballots(file_name, data)
    if errors:
        raise FileRejected(f"{error_count} سطر نامعتبر است؛ هیچ برگه‌ای وارد نشد.", errors)
    if not ballots:
        raise FileRejected("پرونده هیچ برگه‌ای ندارد.", [])
    # Stored (and so published) in sorted order: the order ballots were cast never reaches the database,
    # so nobody can line the published ballots up with the order voters checked in.
    ballots.sort()
    return ballots


@action()
def import_ballots(
    *, actor: Actor, constituency: Constituency, file_name: str, data: bytes, source: str
) -> BallotBatch:
    ensure(actor, MANAGE_CONSTITUENCY, target_of(constituency.unit))
    file_name = normalize(file_name)[:255] or "ballots"
    ballots = _check_file(file_name, data, source)
    digest = hashlib.sha256(data).hexdigest()
    with transaction.atomic(durable=True):
        constituency = Constituency.objects.select_for_update().select_related("unit").get(pk=constituency.pk)
        if constituency.is_published:
            raise ElectionClosed("نتایج این حوزه اعلام شده است و برگه تازه‌ای پذیرفته نمی‌شود.")
        if not constituency.is_voting:
            raise NotVoting("در این حوزه رأی‌گیری برگزار نمی‌شود.")
        if constituency.ballot_batches.filter(sha256=digest).exists():
            raise DomainError("این پرونده پیش‌تر وارد شده است.", code="batch_exists", details={"sha256": digest})
        batch = BallotBatch.objects.create(
            constituency=constituency,
            source=source,
            file_name=file_name,
            sha256=digest,
            ballot_count=len(ballots),
            imported_by_id=actor.person_id,
        )
        Ballot.objects.bulk_create((Ballot(batch=batch, codes=c) for c in ballots), batch_size=INSERT_BATCH)
        record(
            actor=actor,
            event=ElectionsEvent.BALLOTS_IMPORTED,
            obj=batch,
            unit=constituency.unit,
            after={"file_name": file_name, "sha256": digest, "ballots": len(ballots), "source": source},
        )
    return batch
