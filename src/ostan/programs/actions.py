"""Every change to the governors' programmes: projects and their progress reports, units' deprivation,
outcome figures and their publication, experiences and their adoption, and critiques filed through the desk.

Each action checks the capability against the unit first, checks the whole input (the core refuses a
project it could not assess), then writes in one durable transaction with exactly one audit entry.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone

from ostan.access.models import Organisation
from ostan.auditlog.actions import action, record, snapshot
from ostan.core.access import Actor, ensure
from ostan.core.programs import (
    MINISTER_FIGURES,
    JalaliPeriod,
    PeriodKind,
    Status,
    assess,
    roll_up,
)
from ostan.core.programs import Indicator as IndicatorValue
from ostan.core.programs import KeyProject as ProjectValue
from ostan.core.programs import Milestone as MilestoneValue
from ostan.core.text import normalize, normalize_digits, search_key
from ostan.programs import catalogue, models, outcome_book
from ostan.programs import evidence as files
from ostan.programs.assessments import loaded, value_of
from ostan.programs.entries import ExperienceEntry, ProgressEntry, ProjectEntry
from ostan.programs.errors import (
    ExperienceNotFound,
    ExperienceRefused,
    InvalidCritique,
    InvalidOutcome,
    InvalidProject,
    OfficeNotFound,
    ProjectNotFound,
)
from ostan.programs.events import ProgramsEvent
from ostan.programs.permissions import (
    FILE_CRITIQUE,
    MANAGE_PROJECTS,
    PUBLISH_ACHIEVEMENTS,
    PUBLISH_EXPERIENCE,
    RECORD_OUTCOMES,
    SET_DEPRIVATION,
)
from ostan.programs.targets import target_of_project
from ostan.servicedesk import actions as desk
from ostan.servicedesk.entries import Filing
from ostan.territory.models import Unit
from ostan.territory.scope import target_of

TEXT_MAX = 4000
MILESTONES_MAX = 30
INDICATORS_MAX = 15
OFFICE_KINDS = ("county_office", "district_office", "governorate")


def _now(at: dt.datetime | None) -> dt.datetime:
    return at if at is not None else timezone.now()


def _text(value: str, field: str, *, limit: int = TEXT_MAX, required: bool = True) -> str:
    cleaned = normalize(value or "").strip()
    if required and not cleaned:
        raise InvalidProject("این بخش را پر کنید.", details={"field": field})
    if len(cleaned) > limit:
        raise InvalidProject("متن بیش از اندازه بلند است.", details={"field": field})
    return cleaned


def _unit(code: str, field: str = "unit") -> Unit:
    unit = Unit.objects.filter(code=normalize_digits(code).strip()).first()
    if unit is None:
        raise InvalidProject("واحدی با این کد نیست.", details={"field": field})
    return unit


def _person(actor: Actor) -> Any:
    return get_user_model().objects.filter(pk=actor.own_id).first() if actor.is_person else None


# ---- key projects ---------------------------------------------------------------------------------------


def _check_with_core(entry: ProjectEntry, unit: Unit) -> None:
    """Let the core refuse what it could not assess (window, milestone days, targets) before anything is written."""
    ProjectValue(
        id="new", title=entry.title or "-", unit_path=unit.path, starts_on=entry.starts_on, ends_on=entry.ends_on,
        milestones=tuple(MilestoneValue(m.title, m.due_on, None, m.weight) for m in entry.milestones),
        indicators=tuple(
            IndicatorValue(f"i{n}", i.name, i.baseline, i.target, i.direction, weight=i.weight)
            for n, i in enumerate(entry.indicators)
        ),
    )  # fmt: skip


@action()
def create_project(*, actor: Actor, entry: ProjectEntry, at: dt.datetime | None = None) -> models.KeyProject:
    """A key project of the actor's unit or one below it, with its milestones and indicators."""
    unit = _unit(entry.unit_code)
    ensure(actor, MANAGE_PROJECTS, target_of(unit))
    title = _text(entry.title, "title", limit=200)
    goals = _text(entry.goals, "goals")
    if entry.challenge not in models.Challenge.values:
        raise InvalidProject("چالش را از فهرست برگزینید.", details={"field": "challenge"})
    if len(entry.milestones) > MILESTONES_MAX or len(entry.indicators) > INDICATORS_MAX:
        raise InvalidProject("شمار نقاط عطف یا شاخص‌ها بیش از اندازه است.", details={"field": "milestones"})
    if entry.budget is not None and entry.budget < 0:
        raise InvalidProject("اعتبار نمی‌تواند منفی باشد.", details={"field": "budget"})
    _check_with_core(entry, unit)
    organisations = list(Organisation.objects.filter(code__in=entry.organisation_codes))
    if len(organisations) != len(set(entry.organisation_codes)):
        raise InvalidProject("دستگاه مسئول یافت نشد.", details={"field": "organisations"})
    moment = _now(at)
    with transaction.atomic(durable=True):
        experience = _adoptable(entry.adopts_experience_id, unit) if entry.adopts_experience_id else None
        project = models.KeyProject.objects.create(
            unit=unit, title=title, search_key=search_key(title), challenge=entry.challenge, goals=goals,
            starts_on=entry.starts_on, ends_on=entry.ends_on, budget=entry.budget, created_by=_person(actor),
            created_at=moment, changed_at=timezone.now(), adopted=experience,
            adopted_on=moment.date() if experience else None,
        )  # fmt: skip
        project.organisations.set(organisations)
        models.Milestone.objects.bulk_create(
            models.Milestone(project=project, title=normalize(m.title), due_on=m.due_on, weight=m.weight)
            for m in entry.milestones
        )
        models.Indicator.objects.bulk_create(
            models.Indicator(
                project=project, code=f"i{n + 1}", name=normalize(i.name), unit_of_measure=normalize(i.unit_of_measure),
                baseline=i.baseline, target=i.target, direction=i.direction.value, weight=i.weight,
            )
            for n, i in enumerate(entry.indicators)
        )  # fmt: skip
        record(
            actor=actor, event=ProgramsEvent.PROJECT_CREATED, obj=project, unit=unit,
            after={**snapshot(project, ("title", "challenge", "starts_on", "ends_on", "budget", "adopted")),
                   "milestones": len(entry.milestones), "indicators": len(entry.indicators)},
        )  # fmt: skip
    return project


def _locked_project(project_id: int) -> models.KeyProject:
    found = models.KeyProject.objects.select_for_update().select_related("unit").filter(pk=project_id).first()
    if found is None:
        raise ProjectNotFound("چنین کار شاخصی یافت نشد.")
    return found


def _project_target(project_id: int) -> models.KeyProject:
    found = models.KeyProject.objects.select_related("unit").filter(pk=project_id).first()
    if found is None:
        raise ProjectNotFound("چنین کار شاخصی یافت نشد.")
    return found


@action()
def report_progress(
    *, actor: Actor, project_id: int, entry: ProgressEntry, at: dt.datetime | None = None
) -> models.ProgressUpdate:
    """A dated report: its text, milestones done that day, indicator readings, and evidence files."""
    ensure(actor, MANAGE_PROJECTS, target_of_project(_project_target(project_id)))
    text = _text(entry.text, "text")
    moment = _now(at)
    if entry.reported_on > timezone.localdate(moment):
        raise InvalidProject("تاریخ گزارش نمی‌تواند پس از امروز باشد.", details={"field": "reported_on"})
    if len(entry.evidence) > files.EVIDENCE_PER_REPORT:
        raise InvalidProject("هر گزارش دست‌بالا پنج پرونده می‌پذیرد.", details={"field": "evidence"})
    uploads = [files.checked(u) for u in entry.evidence]
    stored: list[str] = []
    try:
        with transaction.atomic(durable=True):
            project = _locked_project(project_id)
            if entry.reported_on < project.starts_on:
                raise InvalidProject("تاریخ گزارش پیش از آغاز کار است.", details={"field": "reported_on"})
            milestones = {m.pk: m for m in project.milestones.all()}
            indicators = {i.pk: i for i in project.indicators.all()}
            if not set(entry.done_milestone_ids) <= set(milestones) or not set(entry.readings) <= set(indicators):
                raise InvalidProject("نقطهٔ عطف یا شاخص از این کار نیست.", details={"field": "milestones"})
            update = models.ProgressUpdate.objects.create(
                project=project, reported_on=entry.reported_on, text=text, created_at=moment,
                author_label=actor.post.label if actor.post is not None else actor.reason,
            )  # fmt: skip
            done = [m for pk, m in milestones.items() if pk in entry.done_milestone_ids and m.done_on is None]
            for m in done:
                m.done_on = entry.reported_on
            models.Milestone.objects.bulk_update(done, ["done_on"])
            _readings(update, indicators, entry)
            project.changed_at = timezone.now()  # a new key for the cached statuses (assessments.assessments)
            project.save(update_fields=["changed_at"])
            for item in uploads:
                name = files.store(item)
                stored.append(name)
                models.Evidence.objects.create(
                    update=update, name=item.name, stored_as=name, content_type=item.content_type,
                    size=len(item.data), sha256=item.sha256,
                )  # fmt: skip
            status = assess(value_of(loaded(models.KeyProject.objects.filter(pk=project.pk)).get()), at=moment)
            record(
                actor=actor, event=ProgramsEvent.PROGRESS_REPORTED, obj=project, unit=project.unit,
                after={"reported_on": entry.reported_on.isoformat(), "milestones_done": [m.title for m in done],
                       "readings": {indicators[k].code: str(v) for k, v in entry.readings.items()},
                       "evidence": [i.sha256 for i in uploads], "status": status.status.value},
            )  # fmt: skip
    except BaseException:
        for name in stored:  # nothing half-applied: the files of a refused report go too
            files.discard(name)
        raise
    return update


def _readings(update: models.ProgressUpdate, indicators: dict[int, models.Indicator], entry: ProgressEntry) -> None:
    for pk, value in entry.readings.items():
        indicator = indicators[pk]
        if not value.is_finite() or abs(value) >= Decimal(10) ** 14:
            raise InvalidProject(f"مقدار «{indicator.name}» درست نیست.", details={"field": "readings"})
        models.Reading.objects.update_or_create(
            indicator=indicator, on=entry.reported_on, defaults={"value": value, "update": update}
        )


# ---- deprivation, outcome figures, achievements -----------------------------------------------------------


@action()
def set_deprivation(*, actor: Actor, unit_code: str, score: int | None, note: str = "") -> models.Deprivation | None:
    """List a unit as deprived with a score of 0–100 (higher: more deprived), or remove it (``score`` None)."""
    unit = _unit(unit_code)
    ensure(actor, SET_DEPRIVATION, target_of(unit))
    if score is not None and not 0 <= score <= 100:
        raise InvalidProject("نمرهٔ محرومیت باید از ۰ تا ۱۰۰ باشد.", details={"field": "score"})
    with transaction.atomic(durable=True):
        row = models.Deprivation.objects.select_for_update().filter(unit=unit).first()
        before = snapshot(row, ("score", "note")) if row is not None else None
        if score is None:
            if row is not None:
                row.delete()
            row = None
        else:
            row = row or models.Deprivation(unit=unit)
            row.score, row.note, row.set_at = score, _text(note, "note", limit=300, required=False), timezone.now()
            row.save()
        record(
            actor=actor, event=ProgramsEvent.DEPRIVATION_SET, unit=unit, object_type="territory.unit",
            object_id=str(unit.pk), object_label=unit.name, before=before,
            after=snapshot(row, ("score", "note")) if row is not None else None,
        )  # fmt: skip
    return row


def _figure(code: str) -> str:
    if code not in {f.code for f in MINISTER_FIGURES}:
        raise InvalidOutcome("این شاخص برنامه تعریف نشده است.", details={"field": "figure"})
    return code


def _province_of(unit: Unit) -> Unit:
    line = unit.path.split("/")
    if len(line) < 2:
        raise InvalidOutcome("شاخص برنامه برای واحدی درون یک استان ثبت می‌شود.", details={"field": "unit"})
    return Unit.objects.get(path="/".join(line[:2]))


@action()
def record_outcome(
    *, actor: Actor, figure_code: str, kind: str, unit_code: str, period_key: str, value: Decimal
) -> models.OutcomeRecord:
    """Record (or correct) a target or an actual; refused if the province's roll-up would count it twice."""
    unit = _unit(unit_code)
    ensure(actor, RECORD_OUTCOMES, target_of(unit))
    _figure(figure_code)
    if kind not in models.OutcomeKind.values:
        raise InvalidOutcome("هدف یا عملکرد را برگزینید.", details={"field": "kind"})
    period = JalaliPeriod.parse(period_key)
    if not value.is_finite() or value < 0 or value >= Decimal(10) ** 16:
        raise InvalidOutcome("مقدار باید عددی نامنفی باشد.", details={"field": "value"})
    province = _province_of(unit)
    with transaction.atomic(durable=True):
        row, created = models.OutcomeRecord.objects.select_for_update().get_or_create(
            figure_code=figure_code, kind=kind, unit=unit, period_key=period.key,
            defaults={"value": value, "recorded_at": timezone.now()},
        )  # fmt: skip
        before = None if created else {"value": str(row.value)}
        row.value, row.recorded_at = value, timezone.now()
        row.save()
        book = outcome_book.book_for(figure_code, province)  # the core refuses a record that another already stands for
        roll_up(book, figure_code, unit_path=province.path, period=JalaliPeriod(period.year, PeriodKind.YEAR))
        record(
            actor=actor, event=ProgramsEvent.OUTCOME_RECORDED, obj=row, unit=unit, before=before,
            after={"figure": figure_code, "kind": kind, "period": period.key, "value": str(value)},
        )  # fmt: skip
    return row


@action()
def publish_achievements(*, actor: Actor, unit_code: str, year: int, statement: str = "") -> models.AchievementsRelease:
    """Release a province's (or county's) outcome figures of a Jalali year to the public achievements page."""
    unit = _unit(unit_code)
    ensure(actor, PUBLISH_ACHIEVEMENTS, target_of(unit))
    JalaliPeriod.for_year(year)
    text = _text(statement, "statement", required=False)
    with transaction.atomic(durable=True):
        if not models.OutcomeRecord.objects.filter(unit__path__startswith=unit.path, period_key__startswith=str(year),
                                                   kind=models.OutcomeKind.ACTUAL).exists():  # fmt: skip
            raise InvalidOutcome("برای این سال عملکردی ثبت نشده است.", details={"field": "year"})
        release, _ = models.AchievementsRelease.objects.update_or_create(
            unit=unit, year=year,
            defaults={"statement": text, "published_at": timezone.now(),
                      "published_by": actor.post.label if actor.post is not None else actor.reason},
        )  # fmt: skip
        record(actor=actor, event=ProgramsEvent.ACHIEVEMENTS_PUBLISHED, obj=release, unit=unit,
               after={"year": year})  # fmt: skip
    return release


# ---- best practice ------------------------------------------------------------------------------------------


@action()
def publish_experience(
    *, actor: Actor, project_id: int, entry: ExperienceEntry, at: dt.datetime | None = None
) -> models.Experience:
    """Publish a finished project (status done) as an experience in the library."""
    project = _project_target(project_id)
    ensure(actor, PUBLISH_EXPERIENCE, target_of_project(project))
    moment = _now(at)
    fields = {
        "problem": _text(entry.problem, "problem"), "what_was_done": _text(entry.what_was_done, "what_was_done"),
        "cost": _text(entry.cost, "cost", limit=200), "results": _text(entry.results, "results"),
        "contacts": _text(entry.contacts, "contacts", limit=300),
    }  # fmt: skip
    title = _text(entry.title or project.title, "title", limit=200)
    with transaction.atomic(durable=True):
        project = _locked_project(project_id)
        status = assess(value_of(loaded(models.KeyProject.objects.filter(pk=project.pk)).get()), at=moment).status
        if status is not Status.DONE:
            raise ExperienceRefused("فقط کار شاخص انجام‌شده به‌عنوان تجربهٔ موفق منتشر می‌شود.")
        if models.Experience.objects.filter(project=project).exists():
            raise ExperienceRefused("این کار پیش‌تر به‌عنوان تجربه منتشر شده است.")
        key = " ".join(
            p for p in (search_key(title), search_key(fields["problem"]), search_key(fields["results"])) if p
        )
        experience = models.Experience.objects.create(
            project=project, unit=project.unit, challenge=project.challenge, title=title, search_key=key,
            published_at=moment, **fields,
        )  # fmt: skip
        record(actor=actor, event=ProgramsEvent.EXPERIENCE_PUBLISHED, obj=experience, unit=project.unit,
               after={"project": project.pk, "title": title})  # fmt: skip
    return experience


def _adoptable(experience_id: int, unit: Unit) -> models.Experience:
    experience = models.Experience.objects.select_related("unit").filter(pk=experience_id).first()
    if experience is None:
        raise ExperienceNotFound("چنین تجربه‌ای در کتابخانه نیست.")
    return experience


@action()
def adopt_experience(
    *, actor: Actor, project_id: int, experience_id: int, at: dt.datetime | None = None
) -> models.KeyProject:
    """Link a project to the published experience it follows (one per project; never its own)."""
    ensure(actor, MANAGE_PROJECTS, target_of_project(_project_target(project_id)))
    moment = _now(at)
    with transaction.atomic(durable=True):
        project = _locked_project(project_id)
        experience = _adoptable(experience_id, project.unit)
        if experience.project_id == project.pk:
            raise ExperienceRefused("یک کار تجربهٔ خودش را به کار نمی‌گیرد.")
        if project.adopted_id is not None:
            raise ExperienceRefused("این کار پیش‌تر تجربه‌ای را به کار گرفته است.")
        project.adopted, project.adopted_on = experience, moment.date()
        project.save(update_fields=["adopted", "adopted_on"])
        record(actor=actor, event=ProgramsEvent.EXPERIENCE_ADOPTED, obj=project, unit=project.unit,
               after={"experience": experience.pk})  # fmt: skip
    return project


# ---- critiques ------------------------------------------------------------------------------------------------


def _office(code: str) -> Organisation:
    office = Organisation.objects.select_related("seat").filter(code=code, kind__in=OFFICE_KINDS).first()
    if office is None:
        raise OfficeNotFound("چنین دفتری یافت نشد.")
    return office


@action()
def file_critique(
    *, actor: Actor, kind: str, text: str, project_id: int | None = None, office_code: str = "",
    at: dt.datetime | None = None,
) -> models.Critique:  # fmt: skip
    """File a critique or proposal about a project or an office through the desk's intake (its tracking
    code, routing and deadline rule), then keep here what it is about. The desk's request is written by
    the desk's own action; if keeping the link failed, the request would still stand as an ordinary one."""
    ensure(actor, FILE_CRITIQUE)
    if kind not in catalogue.CRITIQUE_KINDS:
        raise InvalidCritique("انتقاد یا پیشنهاد را برگزینید.", details={"field": "kind"})
    if not normalize(text or "").strip():
        raise InvalidCritique("متن انتقاد یا پیشنهاد را بنویسید.", details={"field": "text"})
    project = _project_target(project_id) if project_id is not None else None
    office = _office(office_code) if project is None and office_code else None
    if project is None and office is None:
        raise InvalidCritique("بگویید انتقاد دربارهٔ کدام کار یا دفتر است.", details={"field": "project"})
    unit = project.unit if project is not None else office.seat  # type: ignore[union-attr]
    about = f"دربارهٔ کار شاخص «{project.title}»: " if project is not None else f"دربارهٔ {office.name}: "  # type: ignore[union-attr]
    moment = _now(at)
    catalogue.ensure_critique_service()
    filed = desk.file_request(
        actor=actor, filing=Filing(catalogue.CRITIQUE_SERVICE, kind, unit.code, about + (text or "").strip()), at=moment
    )
    assert filed.tracking_code is not None
    with transaction.atomic(durable=True):
        try:
            critique = models.Critique.objects.create(
                request_id=filed.pk, tracking_code=filed.tracking_code, project=project, organisation=office,
                unit=unit, filed_at=moment,
            )  # fmt: skip
        except IntegrityError:  # pragma: no cover - the desk's serial is unique
            raise InvalidCritique("این درخواست پیش‌تر پیوند خورده است.") from None
        record(actor=actor, event=ProgramsEvent.CRITIQUE_LINKED, obj=critique, unit=unit,
               after={"request": filed.pk, "project": project.pk if project else None,
                      "office": office.code if office else None})  # fmt: skip
    return critique
