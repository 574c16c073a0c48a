"""Overlaps: the county network asks the core to find likely overlaps in its territory and decides each one
(merge, coordinate, keep) with a written reason; a merge folds the second action into the first."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from ostan.auditlog.actions import action, record
from ostan.core.access import Actor, ensure
from ostan.core.network import find_overlaps
from ostan.network import records
from ostan.network.committees import RELATED_CATEGORIES
from ostan.network.errors import InvalidNetworkInput, OverlapNotFound, OverlapSettled
from ostan.network.events import NetworkEvent
from ostan.network.inputs import cleaned
from ostan.network.models import Action, Overlap, OverlapDecision
from ostan.network.permissions import RESOLVE_OVERLAPS
from ostan.territory.models import Unit
from ostan.territory.scope import target_of


@action()
def detect_overlaps(*, actor: Actor, unit: Unit) -> int:
    """Run the core's overlap finder over every live action in ``unit``'s subtree; new pairs are stored
    for a decision, decided ones are left as they are. Returns how many new pairs were found."""
    ensure(actor, RESOLVE_OVERLAPS, target_of(unit))
    with transaction.atomic(durable=True):
        loaded = records.actions_under(unit.path)
        found = find_overlaps(loaded.records, relations=RELATED_CATEGORIES)
        known = set(Overlap.objects.filter(unit__path__startswith=unit.path).values_list("first_id", "second_id"))
        new = [
            Overlap(
                first_id=int(o.first),
                second_id=int(o.second),
                unit_id=loaded.unit_ids[o.unit_path],
                score=o.score,
                similarity=o.similarity,
                shared_days=o.shared_days,
                reasons=[r.value for r in o.reasons],
            )
            for o in found
            if (int(o.first), int(o.second)) not in known
        ]
        Overlap.objects.bulk_create(new)
        record(actor=actor, event=NetworkEvent.OVERLAPS_DETECTED, obj=unit, unit=unit,
               after={"actions": len(loaded.records), "found": len(found), "new": len(new)})  # fmt: skip
    return len(new)


@action()
def resolve_overlap(*, actor: Actor, overlap_id: int, decision: str, note: str) -> Overlap:
    found = Overlap.objects.select_related("unit").filter(pk=overlap_id).first()
    if found is None:
        raise OverlapNotFound("چنین هم‌پوشانی‌ای یافت نشد.")
    ensure(actor, RESOLVE_OVERLAPS, target_of(found.unit))
    if decision not in OverlapDecision.values:
        raise InvalidNetworkInput("تصمیم را برگزینید: ادغام، هماهنگی یا ماندن.", details={"field": "decision"})
    note = cleaned(note, "note", limit=2000)
    with transaction.atomic(durable=True):
        locked = Overlap.objects.select_for_update().get(pk=found.pk)
        if locked.decision:
            raise OverlapSettled("دربارهٔ این هم‌پوشانی پیش‌تر تصمیم گرفته شده است.")
        locked.decision, locked.decision_note = decision, note
        locked.decided_at, locked.decided_by = timezone.now(), actor.label
        locked.save(update_fields=["decision", "decision_note", "decided_at", "decided_by"])
        if decision == OverlapDecision.MERGE:
            Action.objects.filter(pk=locked.second_id, merged_into__isnull=True).update(merged_into=locked.first_id)
        record(
            actor=actor,
            event=NetworkEvent.OVERLAP_RESOLVED,
            obj=locked,
            unit=found.unit,
            after={"first": locked.first_id, "second": locked.second_id, "decision": decision, "note": note},
        )
    return locked
