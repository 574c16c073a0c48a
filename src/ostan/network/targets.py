"""Where the network objects the URLs name lie: councils and crises at their unit, actions and their
evidence and crisis tasks at their unit for the institution that runs them."""

from __future__ import annotations

from typing import Any

from ostan.access.locators import locator, row_named
from ostan.core.access import Target
from ostan.network.errors import ActionNotFound, CouncilNotFound, CrisisNotFound, EvidenceNotFound, OverlapNotFound
from ostan.network.models import Action, Council, Crisis, CrisisTask, Evidence, Overlap


def target_of_action(found: Action) -> Target:
    return Target(unit_path=found.unit.path, unit_name=found.unit.name, organisation_path=found.organisation.path)


@locator("council", conceal=True)
def council(pk: object = None, **_: Any) -> Target | None:
    found = row_named(Council.objects.select_related("unit"), pk, CouncilNotFound("چنین شورایی یافت نشد."))
    if found is None:
        return None
    return Target(unit_path=found.unit.path, unit_name=found.unit.name)


@locator("network_action", conceal=True)
def network_action(pk: object = None, **_: Any) -> Target | None:
    found = row_named(
        Action.objects.select_related("unit", "organisation"), pk, ActionNotFound("چنین اقدامی یافت نشد.")
    )
    if found is None:
        return None
    return target_of_action(found)


@locator("evidence", conceal=True)
def evidence(pk: object = None, **_: Any) -> Target | None:
    found = row_named(
        Evidence.objects.select_related("update__action__unit"), pk, EvidenceNotFound("چنین مستندی یافت نشد.")
    )
    if found is None:
        return None
    unit = found.update.action.unit
    return Target(unit_path=unit.path, unit_name=unit.name)


@locator("overlap", conceal=True)
def overlap(pk: object = None, **_: Any) -> Target | None:
    found = row_named(Overlap.objects.select_related("unit"), pk, OverlapNotFound("چنین هم‌پوشانی‌ای یافت نشد."))
    if found is None:
        return None
    return Target(unit_path=found.unit.path, unit_name=found.unit.name)


@locator("crisis", conceal=True)
def crisis(pk: object = None, **_: Any) -> Target | None:
    found = row_named(Crisis.objects.select_related("county"), pk, CrisisNotFound("چنین بحرانی یافت نشد."))
    if found is None:
        return None
    return Target(unit_path=found.county.path, unit_name=found.county.name)


@locator("crisis_task", conceal=True)
def crisis_task(pk: object = None, task_pk: object = None, **_: Any) -> Target | None:
    found = row_named(
        CrisisTask.objects.select_related("unit", "organisation"), task_pk, CrisisNotFound("چنین کاری یافت نشد.")
    )
    if found is None:
        return None
    return Target(unit_path=found.unit.path, unit_name=found.unit.name, organisation_path=found.organisation.path)
