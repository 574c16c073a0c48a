"""Counting a constituency with the pure core and publishing the stored result."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from ostan.auditlog.actions import record
from ostan.core import counting
from ostan.elections import files
from ostan.elections.errors import ElectionClosed, NotCounted, NotVoting
from ostan.elections.models import Constituency, CountRecord
from ostan.elections.officials import ensure_election_official

if TYPE_CHECKING:
    from ostan.accounts.models import User


def count_constituency(*, actor: User | None, constituency: Constituency) -> CountRecord:
    """Count every stored ballot and store the result with the hashes of its two input files.

    A tie that decides a seat needs the published lot seed: without one the core refuses
    (``lot_seed_required``), the office fixes the seed with :func:`set_lot_seed` and counts again.
    """
    ensure_election_official(actor, constituency.unit)
    with transaction.atomic(durable=True):
        constituency = (
            Constituency.objects.select_for_update().select_related("unit", "election_round").get(pk=constituency.pk)
        )
        if constituency.is_published:
            raise ElectionClosed("نتایج این حوزه اعلام شده است؛ شمارش دوباره ممکن نیست.")
        if not constituency.is_voting:
            raise NotVoting("در این حوزه رأی‌گیری برگزار نمی‌شود.")
        if not constituency.ballot_batches.exists():
            raise NotCounted("هنوز برگه‌ای برای این حوزه وارد نشده است.")
        core = files.core_constituency(constituency)
        source = files.ballot_source(constituency)
        ballots = files.HashedBallots(files.stored_codes(constituency))
        result = counting.count(core, ballots, source=source)
        constituency_file = files.constituency_file(core)
        constituency_sha256 = files.sha256_hex(files.constituency_file_bytes(constituency_file))
        count_record = CountRecord.objects.create(
            constituency=constituency,
            counted_at=timezone.now(),
            counted_by=actor,
            source=source,
            result=result.to_json(),
            constituency_file=constituency_file,
            ballot_count=ballots.count,
            constituency_sha256=constituency_sha256,
            ballots_sha256=ballots.sha256,
            inputs_sha256=files.inputs_sha256(constituency_sha256, ballots.sha256),
        )
        record(
            actor=actor,
            event="elections.constituency_counted",
            obj=count_record,
            unit=constituency.unit,
            after={
                "ballots": ballots.count,
                "members": list(result.members),
                "lot_seed": constituency.lot_seed,
                "inputs_sha256": count_record.inputs_sha256,
            },
        )
    return count_record


def publish_results(*, actor: User | None, constituency: Constituency) -> Constituency:
    """Make the latest count of ``constituency`` public; inputs are frozen from then on."""
    ensure_election_official(actor, constituency.unit)
    with transaction.atomic(durable=True):
        constituency = Constituency.objects.select_for_update().select_related("unit").get(pk=constituency.pk)
        if constituency.is_published:
            raise ElectionClosed("نتایج این حوزه پیش‌تر اعلام شده است.")
        latest = constituency.count_records.order_by("-counted_at", "-id").first()
        if latest is None:
            raise NotCounted("پیش از اعلام نتایج باید شمارش انجام شود.")
        constituency.results_published_at = timezone.now()
        constituency.save(update_fields=["results_published_at"])
        record(
            actor=actor,
            event="elections.results_published",
            obj=constituency,
            unit=constituency.unit,
            after={"count_record": latest.pk, "inputs_sha256": latest.inputs_sha256},
        )
    return constituency
