"""A council's plan for a period, the institutions' actions in it, and progress reports with evidence."""

from __future__ import annotations

import datetime as dt

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from ostan.access.models import Organisation
from ostan.auditlog.actions import action, record, snapshot
from ostan.core.access import Actor, Target, ensure
from ostan.core.network import Action as ActionRecord
from ostan.core.network import InvalidAction, InvalidPeriod, parse_period
from ostan.network import evidence as files
from ostan.network.committees import CATEGORY_COMMITTEE, STANDING_COMMITTEES, BudgetSource, TargetGroup
from ostan.network.entries import ActionEntry, Upload
from ostan.network.errors import ActionNotFound, CouncilNotFound, InvalidNetworkInput, PlanExists
from ostan.network.events import NetworkEvent
from ostan.network.inputs import cleaned
from ostan.network.models import Action, Council, CouncilLevel, Evidence, Plan, ProgressUpdate
from ostan.network.permissions import MANAGE_PLANS, REPORT_PROGRESS
from ostan.network.targets import target_of_action
from ostan.territory.scope import target_of

BUDGET_MAX = 10**16  # rials: far above any neighbourhood action, below a BIGINT
EVIDENCE_PER_REPORT = 5
ACTION_FIELDS = ("title", "committee", "category", "target_group", "budget", "budget_source", "starts_on",
                 "ends_on", "progress", "organisation")  # fmt: skip


@action()
def create_plan(*, actor: Actor, council_id: int, period: str, needs: str, goals: str) -> Plan:
    council = Council.objects.select_related("unit").filter(pk=council_id).first()
    if council is None:
        raise CouncilNotFound("چنین شورایی یافت نشد.")
    ensure(actor, MANAGE_PLANS, target_of(council.unit))
    if council.level != CouncilLevel.LOCAL:
        raise InvalidNetworkInput("برنامهٔ اقدام از آنِ شورای پیشرفت محله یا روستاست.")
    try:
        code = str(parse_period(period))
    except InvalidPeriod as exc:
        raise InvalidNetworkInput(exc.message, details={"field": "period"}) from exc
    needs, goals = cleaned(needs, "needs"), cleaned(goals, "goals")
    try:
        with transaction.atomic(durable=True):
            plan = Plan.objects.create(council=council, period=code, needs=needs, goals=goals)
            record(actor=actor, event=NetworkEvent.PLAN_CREATED, obj=plan, unit=council.unit,
                   after={"period": code})  # fmt: skip
    except IntegrityError as exc:
        raise PlanExists("این شورا برای این دوره برنامه دارد.", details={"field": "period"}) from exc
    return plan


def _checked_entry(entry: ActionEntry) -> tuple[Organisation, str, str, str | None]:
    organisation = Organisation.objects.filter(code=entry.organisation_code.strip(), is_active=True).first()
    if organisation is None:
        raise InvalidNetworkInput("نهاد مجری یافت نشد.", details={"field": "organisation_code"})
    if entry.committee not in {k.value for k in STANDING_COMMITTEES}:
        raise InvalidNetworkInput("کارگروه را از فهرست برگزینید.", details={"field": "committee"})
    if CATEGORY_COMMITTEE.get(entry.category) != entry.committee:
        raise InvalidNetworkInput("این موضوع در کارگروه برگزیده نیست.", details={"field": "category"})
    if entry.target_group not in TargetGroup.values:
        raise InvalidNetworkInput("گروه هدف را از فهرست برگزینید.", details={"field": "target_group"})
    if entry.budget_source not in BudgetSource.values:
        raise InvalidNetworkInput("منبع بودجه را برگزینید.", details={"field": "budget_source"})
    if entry.budget is not None and not 0 <= entry.budget <= BUDGET_MAX:
        raise InvalidNetworkInput("بودجه باید عددی نامنفی به ریال باشد.", details={"field": "budget"})
    if entry.budget_source == BudgetSource.PUBLIC and not entry.budget:
        raise InvalidNetworkInput("اقدامی با اعتبار دولتی مبلغ بودجه دارد.", details={"field": "budget"})
    if entry.ends_on < entry.starts_on:
        raise InvalidNetworkInput("تاریخ پایان پیش از تاریخ شروع است.", details={"field": "ends_on"})
    title = cleaned(entry.title, "title", limit=200)
    description = cleaned(entry.description, "description", required=False)
    note = cleaned(entry.internal_note, "internal_note", required=False)
    return organisation, title, description, note or None


@action()
def add_action(*, actor: Actor, plan_id: int, entry: ActionEntry) -> Action:
    """An institution's action in a plan: a representative adds only their own institution's actions."""
    plan = Plan.objects.select_related("council__unit").filter(pk=plan_id).first()
    if plan is None:
        raise CouncilNotFound("چنین برنامه‌ای یافت نشد.")
    unit = plan.council.unit
    ensure(actor, MANAGE_PLANS, target_of(unit))
    organisation, title, description, note = _checked_entry(entry)
    ensure(actor, MANAGE_PLANS, Target(unit_path=unit.path, unit_name=unit.name, organisation_path=organisation.path))
    with transaction.atomic(durable=True):
        found = Action.objects.create(
            plan=plan, unit=unit, organisation=organisation, committee=entry.committee, category=entry.category,
            target_group=entry.target_group, title=title, description=description, budget=entry.budget,
            budget_source=entry.budget_source, starts_on=entry.starts_on, ends_on=entry.ends_on,
            internal_note=note or "",
        )  # fmt: skip
        record(actor=actor, event=NetworkEvent.ACTION_ADDED, obj=found, unit=unit, after=snapshot(found, ACTION_FIELDS))
    return found


@action()
def report_progress(
    *,
    actor: Actor,
    action_id: int,
    progress: int,
    reported_on: dt.date,
    note: str = "",
    uploads: tuple[Upload, ...] = (),
) -> ProgressUpdate:
    """A dated progress report on an action, with photos or documents checked by their bytes."""
    found = Action.objects.select_related("unit", "organisation").filter(pk=action_id).first()
    if found is None:
        raise ActionNotFound("چنین اقدامی یافت نشد.")
    ensure(actor, REPORT_PROGRESS, target_of_action(found))
    if isinstance(progress, bool) or not isinstance(progress, int) or not 0 <= progress <= 100:
        raise InvalidNetworkInput("پیشرفت باید عددی میان ۰ و ۱۰۰ درصد باشد.", details={"field": "progress"})
    if reported_on > timezone.localdate():
        raise InvalidNetworkInput("تاریخ گزارش در آینده است.", details={"field": "reported_on"})
    if reported_on < found.starts_on:
        raise InvalidNetworkInput("تاریخ گزارش پیش از شروع اقدام است.", details={"field": "reported_on"})
    note = cleaned(note, "note", required=progress < found.progress)
    if len(uploads) > EVIDENCE_PER_REPORT:
        raise InvalidNetworkInput("هر گزارش حداکثر پنج پرونده دارد.", details={"field": "evidence"})
    checked = [(upload, files.checked(upload.data)) for upload in uploads]  # every file before anything is kept
    _as_record(found, progress)
    storage, stored = files.storage(), []
    try:
        with transaction.atomic(durable=True):
            locked = Action.objects.select_for_update().get(pk=found.pk)
            before = locked.progress
            update = ProgressUpdate.objects.create(
                action=locked, reported_on=reported_on, progress=progress, note=note, reported_by=actor.label
            )
            for upload, file in checked:
                name = storage.save(files.new_name(file), _content(file.data))
                stored.append(name)
                Evidence.objects.create(
                    update=update, kind=file.kind, content_type=file.content_type, stored_name=name,
                    original_name=cleaned(upload.name, "evidence", required=False, limit=200) or name,
                    size=len(file.data), sha256=file.sha256,
                )  # fmt: skip
            Action.objects.filter(pk=locked.pk).update(progress=progress)
            record(
                actor=actor,
                event=NetworkEvent.PROGRESS_REPORTED,
                obj=locked,
                unit=found.unit,
                before={"progress": before},
                after={"progress": progress, "reported_on": reported_on.isoformat(), "evidence": len(checked)},
            )
    except BaseException:
        for name in stored:  # nothing half-applied: no file outlives a report that was not written
            storage.delete(name)
        raise
    return update


def _as_record(found: Action, progress: int) -> None:
    try:
        ActionRecord(str(found.pk), found.unit.path, found.organisation.code, found.committee, found.category,
                     found.starts_on, found.ends_on, progress=progress)  # fmt: skip
    except InvalidAction as exc:
        raise InvalidNetworkInput(exc.message, details={"field": "progress"}) from exc


def _content(data: bytes) -> ContentFile[bytes]:
    return ContentFile(data)
