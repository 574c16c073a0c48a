"""Crisis management: declared for units of a county, the crisis committees of the councils it covers are
activated; needs, resources and tasks are recorded; closing it puts the committees back to rest."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from ostan.access.models import Organisation
from ostan.auditlog.actions import action, record
from ostan.core.access import Actor, Target, ensure
from ostan.network.committees import CommitteeKind, CrisisKind, ReliefKind
from ostan.network.errors import CrisisClosed, CrisisNotFound, InvalidNetworkInput
from ostan.network.events import NetworkEvent
from ostan.network.inputs import cleaned
from ostan.network.models import Committee, Crisis, CrisisNeed, CrisisResource, CrisisTask
from ostan.network.permissions import MANAGE_CRISES, WORK_IN_CRISIS
from ostan.network.records import under_q
from ostan.territory.models import Unit
from ostan.territory.scope import target_of

QUANTITY_MAX = 10_000_000


def _open_crisis(crisis_id: int) -> Crisis:
    found = Crisis.objects.select_related("county").filter(pk=crisis_id).first()
    if found is None:
        raise CrisisNotFound("چنین بحرانی یافت نشد.")
    return found


def _covered(crisis: Crisis, unit: Unit) -> None:
    paths = crisis.units.values_list("path", flat=True)
    if not any(unit.path == p or unit.path.startswith(p + "/") for p in paths):
        raise InvalidNetworkInput("این واحد در محدودهٔ بحران نیست.", details={"field": "unit"})


def _still_open(crisis: Crisis) -> None:
    if crisis.closed_at is not None:
        raise CrisisClosed("این بحران بسته شده است.")


def _quantity(value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= QUANTITY_MAX:
        raise InvalidNetworkInput("مقدار باید عددی مثبت باشد.", details={"field": "quantity"})
    return value


def _crisis_committees(paths: list[str]) -> QuerySet[Committee]:
    covered: Q | None = None
    for path in paths:
        q = under_q(path, "council__unit__path")
        covered = q if covered is None else covered | q
    return (
        Committee.objects.filter(covered, kind=CommitteeKind.CRISIS)
        if covered is not None
        else Committee.objects.none()
    )


@action()
def declare_crisis(*, actor: Actor, county: Unit, kind: str, title: str, units: list[Unit]) -> Crisis:
    ensure(actor, MANAGE_CRISES, target_of(county))
    if kind not in CrisisKind.values:
        raise InvalidNetworkInput("نوع بحران را برگزینید.", details={"field": "kind"})
    title = cleaned(title, "title", limit=200)
    if not units:
        raise InvalidNetworkInput("دست‌کم یک واحد درگیر را برگزینید.", details={"field": "units"})
    for unit in units:
        if not unit.is_within(county):
            raise InvalidNetworkInput(f"«{unit.name}» در «{county.name}» نیست.", details={"field": "units"})
    with transaction.atomic(durable=True):
        crisis = Crisis.objects.create(kind=kind, title=title, county=county)
        crisis.units.set(units)
        activated = _crisis_committees([u.path for u in units]).filter(is_active=False)
        count = activated.update(is_active=True, activated_at=crisis.declared_at)
        record(actor=actor, event=NetworkEvent.CRISIS_DECLARED, obj=crisis, unit=county,
               after={"kind": kind, "units": [u.code for u in units], "committees_activated": count})  # fmt: skip
    return crisis


@action()
def record_need(*, actor: Actor, crisis_id: int, unit: Unit, kind: str, quantity: int) -> CrisisNeed:
    crisis = _open_crisis(crisis_id)
    ensure(actor, WORK_IN_CRISIS, target_of(unit))
    _still_open(crisis)
    _covered(crisis, unit)
    if kind not in ReliefKind.values:
        raise InvalidNetworkInput("نوع نیاز را برگزینید.", details={"field": "kind"})
    with transaction.atomic(durable=True):
        need = CrisisNeed.objects.create(crisis=crisis, unit=unit, kind=kind, quantity=_quantity(quantity))
        record(actor=actor, event=NetworkEvent.CRISIS_NEED_RECORDED, obj=crisis, unit=unit,
               after={"kind": kind, "quantity": quantity})  # fmt: skip
    return need


@action()
def record_resource(
    *, actor: Actor, crisis_id: int, unit: Unit, organisation: Organisation, kind: str, quantity: int
) -> CrisisResource:
    crisis = _open_crisis(crisis_id)
    ensure(actor, WORK_IN_CRISIS, Target(unit_path=unit.path, unit_name=unit.name, organisation_path=organisation.path))
    _still_open(crisis)
    _covered(crisis, unit)
    if kind not in ReliefKind.values:
        raise InvalidNetworkInput("نوع منبع را برگزینید.", details={"field": "kind"})
    with transaction.atomic(durable=True):
        resource = CrisisResource.objects.create(
            crisis=crisis, unit=unit, organisation=organisation, kind=kind, quantity=_quantity(quantity)
        )
        record(actor=actor, event=NetworkEvent.CRISIS_RESOURCE_RECORDED, obj=crisis, unit=unit,
               after={"organisation": organisation.code, "kind": kind, "quantity": quantity})  # fmt: skip
    return resource


@action()
def assign_task(
    *, actor: Actor, crisis_id: int, unit: Unit, organisation: Organisation, title: str, due_at: dt.datetime
) -> CrisisTask:
    crisis = _open_crisis(crisis_id)
    ensure(actor, MANAGE_CRISES, target_of(unit))
    _still_open(crisis)
    _covered(crisis, unit)
    title = cleaned(title, "title", limit=200)
    if due_at.utcoffset() is None or due_at <= crisis.declared_at:
        raise InvalidNetworkInput("مهلت باید پس از اعلام بحران باشد.", details={"field": "due_at"})
    with transaction.atomic(durable=True):
        task = CrisisTask.objects.create(
            crisis=crisis, unit=unit, organisation=organisation, title=title, due_at=due_at
        )
        record(actor=actor, event=NetworkEvent.CRISIS_TASK_ASSIGNED, obj=crisis, unit=unit,
               after={"task": title, "organisation": organisation.code, "due_at": due_at.isoformat()})  # fmt: skip
    return task


@action()
def complete_task(*, actor: Actor, crisis_id: int, task_id: int, note: str = "") -> CrisisTask:
    crisis = _open_crisis(crisis_id)
    task = CrisisTask.objects.select_related("unit", "organisation").filter(pk=task_id, crisis=crisis).first()
    if task is None:
        raise CrisisNotFound("چنین کاری در این بحران یافت نشد.")
    unit = task.unit
    ensure(actor, WORK_IN_CRISIS, Target(unit_path=unit.path, unit_name=unit.name,
                                         organisation_path=task.organisation.path))  # fmt: skip
    _still_open(crisis)
    note = cleaned(note, "note", required=False, limit=2000)
    with transaction.atomic(durable=True):
        locked = CrisisTask.objects.select_for_update().get(pk=task.pk)
        if locked.done_at is not None:
            raise InvalidNetworkInput("این کار پیش‌تر انجام شده است.")
        locked.done_at, locked.done_note = timezone.now(), note
        locked.save(update_fields=["done_at", "done_note"])
        record(actor=actor, event=NetworkEvent.CRISIS_TASK_COMPLETED, obj=crisis, unit=unit,
               after={"task": locked.title, "late": locked.done_at > locked.due_at})  # fmt: skip
    return locked


@action()
def close_crisis(*, actor: Actor, crisis_id: int, closing_note: str) -> Crisis:
    crisis = _open_crisis(crisis_id)
    ensure(actor, MANAGE_CRISES, target_of(crisis.county))
    _still_open(crisis)
    closing_note = cleaned(closing_note, "closing_note")
    with transaction.atomic(durable=True):
        locked = Crisis.objects.select_for_update().get(pk=crisis.pk)
        locked.closed_at, locked.closing_note = timezone.now(), closing_note
        locked.save(update_fields=["closed_at", "closing_note"])
        still = [
            p for c in Crisis.objects.filter(closed_at__isnull=True) for p in c.units.values_list("path", flat=True)
        ]
        resting = _crisis_committees(list(locked.units.values_list("path", flat=True)))
        if still:
            resting = resting.exclude(pk__in=_crisis_committees(still).values("pk"))
        count = resting.update(is_active=False)
        record(actor=actor, event=NetworkEvent.CRISIS_CLOSED, obj=locked, unit=crisis.county,
               after={"closing_note": closing_note, "committees_at_rest": count})  # fmt: skip
    return locked
