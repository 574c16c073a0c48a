"""Publishing a county's, province's or country's totals on the board (``ostan.rollup/1``), computed
from the constituency results and the minutes already on it, so ``ostan verify`` adds them up again."""

from __future__ import annotations

import json

from django.db import transaction
from django.db.models import Q

from ostan.auditlog.actions import action, record
from ostan.core.access import Actor, ensure
from ostan.core.polling import rollups
from ostan.core.polling.publication import signed_minutes_from_json
from ostan.elections import files
from ostan.elections.models import ElectionRound
from ostan.publication import board
from ostan.publication.errors import NotReady
from ostan.publication.events import PublicationEvent
from ostan.publication.models import BulletinEntry, ConstituencyResult, StationPublication
from ostan.publication.permissions import PUBLISH
from ostan.territory.models import Unit
from ostan.territory.scope import target_of


@action()
def publish_rollup(*, actor: Actor, election_round: ElectionRound, unit: Unit) -> BulletinEntry:
    """Append the totals of every published constituency of the round within ``unit``."""
    ensure(actor, PUBLISH, target_of(unit))
    with transaction.atomic(durable=True):
        within = Q(constituency__unit__path=unit.path) | Q(constituency__unit__path__startswith=f"{unit.path}/")
        published = list(
            ConstituencyResult.objects.filter(within, constituency__election_round=election_round,
                                              result_entry__isnull=False)
            .select_related("constituency__election_round", "result_entry").order_by("constituency_id")
        )  # fmt: skip
        if not published:
            raise NotReady("در این واحد هنوز نتیجهٔ هیچ حوزه‌ای اعلام نشده است.", code="nothing_to_roll_up")
        results = {
            files.constituency_id(r.constituency): json.loads(r.result_entry.payload)
            for r in published
            if r.result_entry
        }
        entries = StationPublication.objects.filter(constituency_id__in=[r.constituency_id for r in published])
        minutes = [
            signed_minutes_from_json(json.loads(payload)).minutes
            for payload in entries.values_list("minutes_entry__payload", flat=True)
        ]
        document = rollups.rollup_document(
            unit_code=unit.code, level=str(unit.kind), round_number=election_round.number,
            constituency_ids=results, results=results, minutes=minutes,
        )  # fmt: skip
        entry = board.append(rollups.ROLLUP_KIND, document, subject=unit.code)
        record(actor=actor, event=PublicationEvent.ROLLUP_PUBLISHED, unit=unit, object_type="territory.unit",
               object_id=str(unit.pk), object_label=unit.name,
               after={"entry": entry.seq, "constituencies": len(results)})  # fmt: skip
    return entry
