"""The programmes over HTTP: key projects with their derived status and reasons, creating one, reporting
progress, the roll-up with deprived areas first, outcome figures and the best-practice library."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status
from ninja.security import django_auth

from ostan.access.guards import api_guarded
from ostan.core.access import acting
from ostan.core.jalali import InvalidJalaliDate, parse_date
from ostan.core.text import normalize_digits
from ostan.pages.schemas import ErrorOut
from ostan.programs import actions, selectors
from ostan.programs.assessments import Assessed
from ostan.programs.entries import IndicatorEntry, MilestoneEntry, ProgressEntry, ProjectEntry
from ostan.programs.errors import InvalidProject
from ostan.programs.models import Challenge
from ostan.programs.permissions import MANAGE_PROJECTS, READ_EXPERIENCES, READ_OUTCOMES, READ_PROJECTS, READ_ROLLUP
from ostan.territory.models import Unit

router = Router(tags=["programs"])
ERRORS: dict[int, Any] = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}


class ReasonOut(Schema):
    code: str
    status: str
    message: str
    subjects: list[str]


class ProjectOut(Schema):
    id: int
    title: str
    unit: str
    challenge: Challenge
    starts_on: dt.date
    ends_on: dt.date
    budget: Decimal | None
    status: str
    status_label: str
    progress_percent: int = Field(description="rounded down")
    expected_percent: int
    reasons: list[ReasonOut]


class MilestoneIn(Schema):
    title: str = Field(max_length=200)
    due_on: str = Field(max_length=20, description="Jalali, e.g. 1405/03/15 (any digit style)")
    weight: int = Field(1, ge=1, le=100)


class IndicatorIn(Schema):
    name: str = Field(max_length=200)
    baseline: Decimal
    target: Decimal
    unit_of_measure: str = Field("", max_length=40)
    weight: int = Field(1, ge=1, le=100)


class ProjectIn(Schema):
    unit: str = Field(max_length=32, description="the unit's code")
    title: str = Field(max_length=200)
    challenge: Challenge
    goals: str = Field(max_length=4000)
    starts_on: str = Field(max_length=20, description="Jalali")
    ends_on: str = Field(max_length=20, description="Jalali")
    budget: Decimal | None = None
    organisations: list[str] = Field(default_factory=list, max_length=20)
    milestones: list[MilestoneIn] = Field(default_factory=list, max_length=30)
    indicators: list[IndicatorIn] = Field(default_factory=list, max_length=15)


class ProjectProgressIn(Schema):
    reported_on: str = Field(max_length=20, description="Jalali")
    text: str = Field(max_length=4000)
    done_milestones: list[int] = Field(default_factory=list, max_length=30)
    readings: dict[int, Decimal] = Field(default_factory=dict, description="indicator id → value")


class ProjectTallyOut(Schema):
    unit: str
    unit_name: str
    deprivation: int | None
    total: int
    counts: dict[str, int]
    mean_progress_percent: int | None


class ProjectRollupOut(Schema):
    unit: str
    total: ProjectTallyOut
    rows: list[ProjectTallyOut]


class OutcomeFigureOut(Schema):
    code: str
    name: str
    unit_of_measure: str
    actual: Decimal | None
    target: Decimal | None
    base: Decimal | None
    summary: str


class ExperienceOut(Schema):
    id: int
    title: str
    unit: str
    challenge: str
    cost: str
    adoptions: int
    adopting_units: int


class ProjectsIn(Schema):
    unit: str = Field("", max_length=32)
    challenge: str = Field("", max_length=30)
    q: str = Field("", max_length=selectors.SEARCH_MAX)


class OutcomesIn(Schema):
    year: int = Field(ge=1300, le=1500)


class LibraryIn(Schema):
    q: str = Field("", max_length=selectors.SEARCH_MAX)
    challenge: str = Field("", max_length=30)


def _percent(value: Any) -> int:
    return int(value * 100)


def _out(shown: Assessed) -> ProjectOut:
    p, a = shown.project, shown.assessment
    return ProjectOut(
        id=p.pk, title=p.title, unit=p.unit.code, challenge=Challenge(p.challenge), starts_on=p.starts_on,
        ends_on=p.ends_on, budget=p.budget, status=a.status.value, status_label=a.status.label,
        progress_percent=_percent(a.progress), expected_percent=_percent(a.expected),
        reasons=[ReasonOut(code=r.code, status=r.status.value, message=r.message, subjects=list(r.subjects))
                 for r in a.reasons],
    )  # fmt: skip


def _day(text: str, field: str) -> dt.date:
    try:
        return parse_date(text)
    except InvalidJalaliDate as exc:
        raise InvalidProject(exc.message, details={"field": field}) from None


@router.get("/projects", response={200: list[ProjectOut], **ERRORS})
@api_guarded(READ_PROJECTS)
def projects(request: HttpRequest, params: Query[ProjectsIn]) -> list[ProjectOut]:
    unit = Unit.objects.filter(code=normalize_digits(params.unit)).first() if params.unit else None
    challenge = params.challenge if params.challenge in Challenge.values else ""
    return [_out(a) for a in selectors.projects(unit=unit, challenge=challenge, query=params.q)]


@router.get("/projects/{pk}", response={200: ProjectOut, **ERRORS})
@api_guarded(READ_PROJECTS, target="key_project")
def project(request: HttpRequest, pk: int) -> ProjectOut:
    return _out(selectors.project(pk))


@router.post("/projects", response={201: ProjectOut, **ERRORS}, auth=django_auth)
@api_guarded(MANAGE_PROJECTS)
def create_project(request: HttpRequest, payload: ProjectIn) -> Status[ProjectOut]:
    entry = ProjectEntry(
        unit_code=payload.unit, title=payload.title, challenge=payload.challenge.value, goals=payload.goals,
        starts_on=_day(payload.starts_on, "starts_on"), ends_on=_day(payload.ends_on, "ends_on"),
        budget=payload.budget, organisation_codes=tuple(payload.organisations),
        milestones=tuple(MilestoneEntry(m.title, _day(m.due_on, "milestones"), m.weight) for m in payload.milestones),
        indicators=tuple(IndicatorEntry(i.name, i.baseline, i.target, i.unit_of_measure, i.weight)
                         for i in payload.indicators),
    )  # fmt: skip
    made = actions.create_project(actor=acting(request), entry=entry)
    return Status(201, _out(selectors.project(made.pk)))


@router.post("/projects/{pk}/progress", response={201: ProjectOut, **ERRORS}, auth=django_auth)
@api_guarded(MANAGE_PROJECTS, target="key_project")
def report_progress(request: HttpRequest, pk: int, payload: ProjectProgressIn) -> Status[ProjectOut]:
    entry = ProgressEntry(
        reported_on=_day(payload.reported_on, "reported_on"), text=payload.text,
        done_milestone_ids=tuple(payload.done_milestones), readings=dict(payload.readings),
    )  # fmt: skip
    actions.report_progress(actor=acting(request), project_id=pk, entry=entry)
    return Status(201, _out(selectors.project(pk)))


def _tally_out(unit: Unit, tally: Any, deprivation: int | None) -> ProjectTallyOut:
    mean = tally.mean_progress
    return ProjectTallyOut(
        unit=unit.code, unit_name=unit.name, deprivation=deprivation, total=tally.total,
        counts={s.value: n for s, n in tally.counts.items()},
        mean_progress_percent=None if mean is None else _percent(mean),
    )  # fmt: skip


@router.get("/rollup", response={200: ProjectRollupOut, **ERRORS}, auth=django_auth)
@api_guarded(READ_ROLLUP)
def rollup(request: HttpRequest) -> ProjectRollupOut:
    home = selectors.home_unit(acting(request))
    if home is None:
        raise InvalidProject("واحدی برای جمع‌بندی نیست.")
    found = selectors.rollup(home)
    return ProjectRollupOut(
        unit=home.code, total=_tally_out(home, found.total, None),
        rows=[_tally_out(r.unit, r.tally, r.deprivation) for r in found.rows],
    )  # fmt: skip


@router.get("/outcomes", response={200: list[OutcomeFigureOut], **ERRORS}, auth=django_auth)
@api_guarded(READ_OUTCOMES)
def outcomes(request: HttpRequest, params: Query[OutcomesIn]) -> list[OutcomeFigureOut]:
    home = selectors.home_unit(acting(request))
    if home is None:
        raise InvalidProject("واحدی برای شاخص‌ها نیست.")
    return [
        OutcomeFigureOut(code=f.figure.code, name=f.figure.name, unit_of_measure=f.figure.unit_of_measure,
                         actual=f.actual, target=f.target, base=f.base, summary=f.summary)
        for f in selectors.outcome_totals(home, params.year)
    ]  # fmt: skip


@router.get("/experiences", response={200: list[ExperienceOut], **ERRORS})
@api_guarded(READ_EXPERIENCES)
def experiences(request: HttpRequest, params: Query[LibraryIn]) -> list[ExperienceOut]:
    challenge = params.challenge if params.challenge in Challenge.values else ""
    return [
        ExperienceOut(id=e.experience.pk, title=e.experience.title, unit=e.experience.unit.code,
                      challenge=e.experience.challenge, cost=e.experience.cost, adoptions=e.adoptions,
                      adopting_units=e.adopting_units)
        for e in selectors.library(query=params.q, challenge=challenge)
    ]  # fmt: skip
