"""Where the network objects the URLs name lie: councils and crises at their unit, actions and their
evidence and crisis tasks at their unit for the institution that runs them."""

from __future__ import annotations

from typing import Any

from ostan.access.locators import locator, whole_number
from ostan.core.access import Target
from ostan.network.errors import ActionNotFound, CouncilNotFound, CrisisNotFound, EvidenceNotFound, OverlapNotFound
from ostan.network.models import Action, Council, Crisis, CrisisTask, Evidence, Overlap


def target_of_action(found: Action) -> Target:
    return Target(unit_path=found.unit.path, unit_name=found.unit.name, organisation_path=found.organisation.path)


@locator("council", conceal=True)
def council(pk: object = None, **_: Any) -> Target | None:
    number = whole_number(pk)
    if number is None:
        return None
    found = Council.objects.select_related("unit").filter(pk=number).first()
    if found is None:
        raise CouncilNotFound("چنین شورایی یافت نشد.")
    return Target(unit_path=found.unit.path, unit_name=found.unit.name)


@locator("network_action", conceal=True)
def network_action(pk: object = None, **_: Any) -> Target | None:
    number = whole_number(pk)
    if number is None:
        return None
    found = Action.objects.select_related("unit", "organisation").filter(pk=number).first()
    if found is None:
        raise ActionNotFound("چنین اقدامی یافت نشد.")
    return target_of_action(found)


@locator("evidence", conceal=True)
def evidence(pk: object = None, **_: Any) -> Target | None:
    number = whole_number(pk)
    if number is None:
        return None
    found = Evidence.objects.select_related("update__action__unit").filter(pk=number).first()
    if found is None:
        raise EvidenceNotFound("چنین مستندی یافت نشد.")
    unit = found.update.action.unit
    return Target(unit_path=unit.path, unit_name=unit.name)


@locator("overlap", conceal=True)
def overlap(pk: object = None, **_: Any) -> Target | None:
    number = whole_number(pk)
    if number is None:
        return None
    found = Overlap.objects.select_related("unit").filter(pk=number).first()
    if found is None:
        raise OverlapNotFound("چنین هم‌پوشانی‌ای یافت نشد.")
    return Target(unit_path=found.unit.path, unit_name=found.unit.name)


@locator("crisis", conceal=True)
def crisis(pk: object = None, **_: Any) -> Target | None:
    number = whole_number(pk)
    if number is None:
        return None
    found = Crisis.objects.select_related("county").filter(pk=number).first()
    if found is None:
        raise CrisisNotFound("چنین بحرانی یافت نشد.")
    return Target(unit_path=found.county.path, unit_name=found.county.name)


@locator("crisis_task", conceal=True)
def crisis_task(pk: object = None, task_pk: object = None, **_: Any) -> Target | None:
    number = whole_number(task_pk)
    if number is None:
        return None
    found = CrisisTask.objects.select_related("unit", "organisation").filter(pk=number).first()
    if found is None:
        raise CrisisNotFound("چنین کاری یافت نشد.")
    return Target(unit_path=found.unit.path, unit_name=found.unit.name, organisation_path=found.organisation.path)
