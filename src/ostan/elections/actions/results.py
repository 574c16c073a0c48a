"""Counting a constituency with the pure core and publishing the stored result; recording, as published,
a count made outside this app (the electronic count of election day)."""

from __future__ import annotations

import json
import re

from django.db import transaction
from django.utils import timezone

from ostan.auditlog.actions import action, record
from ostan.core import counting
from ostan.core.access import Actor, ensure
from ostan.elections import files
from ostan.elections.errors import CountRefused, ElectionClosed, NotCounted, NotVoting
from ostan.elections.events import ElectionsEvent
from ostan.elections.models import BallotSource, Constituency, CountOrigin, CountRecord
from ostan.elections.permissions import MANAGE_CONSTITUENCY
from ostan.territory.scope import target_of


@action()
def count_constituency(*, actor: Actor, constituency: Constituency) -> CountRecord:
    """Count every stored ballot and store the result with the hashes of its two input files.

    A tie that decides a seat needs the published lot seed: without one the core refuses
    (``lot_seed_required``), the office fixes the seed with :func:`set_lot_seed` and counts again.
    """
    ensure(actor, MANAGE_CONSTITUENCY, target_of(constituency.unit))
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
            counted_by_id=actor.person_id,
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
            event=ElectionsEvent.CONSTITUENCY_COUNTED,
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


@action()
def publish_results(*, actor: Actor, constituency: Constituency) -> Constituency:
    """Make the latest count of ``constituency`` public; inputs are frozen from then on."""
    ensure(actor, MANAGE_CONSTITUENCY, target_of(constituency.unit))
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
            event=ElectionsEvent.RESULTS_PUBLISHED,
            obj=constituency,
            unit=constituency.unit,
            after={"count_record": latest.pk, "inputs_sha256": latest.inputs_sha256},
        )
    return constituency


SHA256_HEX = re.compile(r"[0-9a-f]{64}")
BALLOTS_URL_MAX = 200  # CountRecord.ballots_url


@action(may_change_nothing=True)  # the same count recorded again is the one record already there
def record_external_count(
    *,
    actor: Actor,
    constituency: Constituency,
    result: counting.CountResult,
    ballots_sha256: str,
    ballots_url: str,
    bulletin_entry_hash: str,
) -> CountRecord:
    """Store a count made outside this app as the constituency's published result.

    It is the electronic count of election day: the publication app counted the stations' ballots and
    published ``result`` on the bulletin board in the entry whose hash is ``bulletin_entry_hash``; the
    ballots, as a JSON Lines file in this app's form whose SHA-256 is ``ballots_sha256``, are served at
    ``ballots_url``. The result must be counted under the constituency as it stands here (candidates,
    seats, method and lot seed). Called again with the same count, it returns the stored record and
    changes nothing.

    One transaction and one audit entry; inside a caller's transaction it joins it, so the publication
    app's board entry and this record commit or roll back together.
    """
    ensure(actor, MANAGE_CONSTITUENCY, target_of(constituency.unit))
    if not (SHA256_HEX.fullmatch(ballots_sha256) and SHA256_HEX.fullmatch(bulletin_entry_hash)):
        raise CountRefused("چکیده‌های شمارش باید ۶۴ رقم شانزده‌شانزدهی باشند.", code="invalid_hash")
    if not ballots_url or len(ballots_url) > BALLOTS_URL_MAX:
        raise CountRefused("نشانی پرونده برگه‌های شمارش الکترونیکی لازم است.", code="invalid_ballots_url")
    with transaction.atomic():
        constituency = (
            Constituency.objects.select_for_update().select_related("unit", "election_round").get(pk=constituency.pk)
        )
        core = files.core_constituency(constituency)
        constituency_file = files.constituency_file(core)
        constituency_sha256 = files.sha256_hex(files.constituency_file_bytes(constituency_file))
        stored = CountRecord(
            constituency=constituency, counted_at=timezone.now(), counted_by_id=actor.person_id,
            source=BallotSource.MACHINE,
            result=result.to_json(), constituency_file=constituency_file, ballot_count=result.ballots.total,
            constituency_sha256=constituency_sha256, ballots_sha256=ballots_sha256,
            inputs_sha256=files.inputs_sha256(constituency_sha256, ballots_sha256), origin=CountOrigin.BULLETIN,
            ballots_url=ballots_url, bulletin_entry_hash=bulletin_entry_hash,
        )  # fmt: skip
        if constituency.is_published:
            latest = constituency.count_records.order_by("-counted_at", "-id").first()
            if latest is not None and _is_same_count(latest, stored):
                return latest
            raise ElectionClosed("نتایج این حوزه پیش‌تر با شمارش دیگری اعلام شده است؛ نتیجهٔ الکترونیکی ثبت نشد.")
        _ensure_may_record(constituency, core, result)
        stored.save()
        constituency.results_published_at = stored.counted_at
        constituency.save(update_fields=["results_published_at"])
        record(
            actor=actor, event=ElectionsEvent.EXTERNAL_COUNT_RECORDED, obj=stored, unit=constituency.unit,
            after={"ballots": stored.ballot_count, "members": list(result.members), "lot_seed": core.lot_seed,
                   "inputs_sha256": stored.inputs_sha256, "bulletin_entry_hash": bulletin_entry_hash},
        )  # fmt: skip
    return stored


def _ensure_may_record(constituency: Constituency, core: counting.Constituency, result: counting.CountResult) -> None:
    if not constituency.is_voting:
        raise NotVoting("در این حوزه رأی‌گیری برگزار نمی‌شود.")
    if constituency.ballot_batches.exists():
        raise CountRefused(
            "برای این حوزه برگه در همین سامانه وارد شده است؛ نتیجهٔ شمارش الکترونیکی کنار آن ثبت نمی‌شود.",
            code="ballots_imported",
        )
    if _counted_under(result) != _counted_under(core):
        raise CountRefused(
            "مشخصات حوزه (نامزدها، کرسی‌ها، روش یا بذر قرعه) با آنچه شمارش الکترونیکی با آن انجام شده برابر "
            "نیست؛ حوزه را دوباره تجمیع و شمارش کنید.",
            code="stale_count",
        )


def _counted_under(counted: counting.CountResult | counting.Constituency) -> tuple[object, ...]:
    """What a result says about the constituency it was counted under, and the same read off a constituency."""
    if isinstance(counted, counting.CountResult):
        return (counted.constituency_id, counted.method, counted.seats, counted.lot_seed,
                sorted((c.code, c.name) for c in counted.candidates))  # fmt: skip
    return (counted.id, counted.method, counted.seats, counted.lot_seed,
            sorted((c.code, c.name) for c in counted.candidates))  # fmt: skip


def _is_same_count(stored: CountRecord, new: CountRecord) -> bool:
    fields = ("origin", "inputs_sha256", "ballots_sha256", "ballots_url", "bulletin_entry_hash", "ballot_count")
    return all(getattr(stored, f) == getattr(new, f) for f in fields) and _json(stored.result) == _json(new.result)


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
