"""Reads for the programmes' pages: projects with their derived status, the roll-up by county with deprived
areas first, outcome figures by unit and period, the best-practice library with its uptake, and critiques
with their public answers and each office's share answered on time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from django.db.models import Q, QuerySet
from django.utils import timezone

from ostan.access.models import Organisation
from ostan.core.access import Actor
from ostan.core.programs import (
    MINISTER_FIGURES,
    Adoption,
    FigureRollup,
    JalaliPeriod,
    Status,
    StatusTally,
    deprivation_of,
    deprived_first,
    deprived_units_first,
    roll_up,
    tally,
    tally_by_depth,
    uptake,
)
from ostan.core.programs import Experience as ExperienceValue
from ostan.core.programs.critiques import CritiqueRecord, OfficeTimeliness, timeliness
from ostan.core.programs.unit_paths import depth as path_depth
from ostan.core.text import search_key
from ostan.programs import models
from ostan.programs.assessments import Assessed, assessed, assessments, loaded
from ostan.programs.errors import ExperienceNotFound, OfficeNotFound, ProjectNotFound
from ostan.programs.outcome_book import book_for
from ostan.servicedesk import selectors as desk
from ostan.territory.models import Unit
from ostan.territory.scope import path_q

SEARCH_MAX = 100
LIST_MAX = 500


def _now(at: dt.datetime | None) -> dt.datetime:
    return at if at is not None else timezone.now()


# ---- projects -------------------------------------------------------------------------------------------------


def projects(
    *, unit: Unit | None = None, challenge: str = "", query: str = "", at: dt.datetime | None = None
) -> list[Assessed]:
    """Public: the projects within ``unit`` (all when None), most urgent first."""
    rows = models.KeyProject.objects.all()
    if unit is not None:
        rows = rows.filter(path_q(unit.path, "unit__path"))
    if challenge:
        rows = rows.filter(challenge=challenge)
    for word in search_key(query[:SEARCH_MAX]).split():
        rows = rows.filter(search_key__contains=word)
    shown = list(rows.select_related("unit").order_by("-starts_on", "pk")[:LIST_MAX])
    found = assessments(models.KeyProject.objects.filter(pk__in=[p.pk for p in shown]), _now(at))
    listed = [Assessed(p, found[p.pk]) for p in shown]
    return sorted(listed, key=lambda a: (-a.assessment.status.severity, a.assessment.progress, a.project.pk))


def project(pk: int, at: dt.datetime | None = None) -> Assessed:
    found = loaded(models.KeyProject.objects.filter(pk=pk).prefetch_related("organisations")).first()
    if found is None:
        raise ProjectNotFound("چنین کار شاخصی یافت نشد.")
    return assessed([found], _now(at))[0]


def updates(found: models.KeyProject) -> QuerySet[models.ProgressUpdate]:
    return found.updates.prefetch_related("evidence", "readings__indicator").order_by("-reported_on", "-pk")


def evidence(pk: int) -> models.Evidence:
    found = models.Evidence.objects.select_related("update__project__unit").filter(pk=pk).first()
    if found is None:
        raise ProjectNotFound("چنین پرونده‌ای یافت نشد.")
    return found


def deprivation_scores(within: Unit | None = None) -> dict[str, int]:
    rows = models.Deprivation.objects.select_related("unit")
    if within is not None:  # the units above count too: a province-wide score reaches its counties
        lineage = within.path.split("/")
        above = ["/".join(lineage[:n]) for n in range(1, len(lineage))]
        rows = rows.filter(path_q(within.path, "unit__path") | Q(unit__path__in=above))
    return {r.unit.path: r.score for r in rows}


def home_unit(actor: Actor) -> Unit | None:
    if actor.unit_id is not None:
        return Unit.objects.filter(pk=actor.unit_id).first()
    if actor.is_national or actor.is_system:
        return Unit.objects.filter(depth=0).order_by("path").first()
    return None


@dataclass(frozen=True)
class RollupRow:
    unit: Unit
    tally: StatusTally
    deprivation: int | None


@dataclass(frozen=True)
class Rollup:
    unit: Unit
    total: StatusTally
    rows: tuple[RollupRow, ...]  # the unit's children (counties for a province), deprived first
    attention: tuple[Assessed, ...]  # projects most needing attention, deprived areas first
    deprived: tuple[RollupRow, ...]  # the rows with a deprivation score


def rollup(unit: Unit, *, at: dt.datetime | None = None, attention: int = 20) -> Rollup:
    """The unit's projects counted by status, one row per unit one level down, deprived areas first."""
    found = assessments(models.KeyProject.objects.filter(path_q(unit.path, "unit__path")), _now(at))
    values = list(found.values())
    scores = deprivation_scores(unit)
    child_depth = path_depth(unit.path) + 1
    tallies = deprived_units_first(tally_by_depth(values, child_depth), scores)
    units = {u.path: u for u in Unit.objects.filter(path__in=[t.unit_path for t in tallies])}
    listed = tuple(
        RollupRow(units[t.unit_path], t, _score(t.unit_path, scores)) for t in tallies if t.unit_path in units
    )
    # Ordered after filtering: the sort, by deprivation first, is most of a province's roll-up otherwise.
    urgent = deprived_first([a for a in values if a.status.severity >= 2], scores, limit=attention)
    named = models.KeyProject.objects.select_related("unit").in_bulk([int(a.project_id) for a in urgent])
    return Rollup(
        unit=unit, total=tally(values, unit.path), rows=listed,
        attention=tuple(Assessed(named[int(a.project_id)], a) for a in urgent),
        deprived=tuple(r for r in listed if r.deprivation is not None),
    )  # fmt: skip


def _score(path: str, scores: Mapping[str, int]) -> int | None:
    found = deprivation_of(path, scores)
    return None if found is None else int(found)


# ---- outcome figures ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OutcomeView:
    unit: Unit
    year: int
    figures: tuple[FigureRollup, ...]
    by_unit: dict[str, tuple[tuple[str, Decimal | None], ...]]  # figure code → (child unit name, actual)
    by_quarter: dict[str, tuple[tuple[str, Decimal | None, Decimal | None], ...]]  # code → (season, actual, target)


def province_of(unit: Unit) -> Unit:
    line = unit.path.split("/")
    return Unit.objects.get(path="/".join(line[:2])) if len(line) >= 2 else unit


def outcomes(unit: Unit, year: int) -> OutcomeView:
    """Every figure's roll-up for ``unit`` over the Jalali ``year``, by the unit's children and by season."""
    period = JalaliPeriod.for_year(year)
    province = province_of(unit)
    children = list(Unit.objects.filter(parent=unit).order_by("name"))
    figures, by_unit, by_quarter = [], {}, {}
    for f in MINISTER_FIGURES:
        book = book_for(f.code, province)
        figures.append(roll_up(book, f.code, unit_path=unit.path, period=period))
        by_unit[f.code] = tuple((c.name, roll_up(book, f.code, unit_path=c.path, period=period).actual)
                                for c in children)  # fmt: skip
        quarters = []
        for q in range(1, 5):
            r = roll_up(book, f.code, unit_path=unit.path, period=JalaliPeriod.for_quarter(year, q))
            quarters.append((r.period.label, r.actual, r.target))
        by_quarter[f.code] = tuple(quarters)
    return OutcomeView(unit, year, tuple(figures), by_unit, by_quarter)


def outcome_totals(unit: Unit, year: int) -> tuple[FigureRollup, ...]:
    province = province_of(unit)
    period = JalaliPeriod.for_year(year)
    return tuple(roll_up(book_for(f.code, province), f.code, unit_path=unit.path, period=period)
                 for f in MINISTER_FIGURES)  # fmt: skip


def releases(unit: Unit | None = None) -> QuerySet[models.AchievementsRelease]:
    rows = models.AchievementsRelease.objects.select_related("unit").order_by("-year", "unit__path")
    return rows.filter(unit=unit) if unit is not None else rows


def release(unit: Unit, year: int) -> models.AchievementsRelease | None:
    return models.AchievementsRelease.objects.filter(unit=unit, year=year).first()


def outcome_records(unit: Unit) -> QuerySet[models.OutcomeRecord]:
    return (
        models.OutcomeRecord.objects.select_related("unit")
        .filter(path_q(unit.path, "unit__path"))
        .order_by("-period_key", "figure_code", "unit__path", "kind")
    )


# ---- the best-practice library ------------------------------------------------------------------------------


@dataclass(frozen=True)
class LibraryEntry:
    experience: models.Experience
    adoptions: int
    adopting_units: int
    measured: int
    mean_attainment: Fraction | None
    adopters: tuple[Assessed, ...]


def library(
    *, query: str = "", challenge: str = "", unit: Unit | None = None, at: dt.datetime | None = None
) -> list[LibraryEntry]:
    rows = models.Experience.objects.select_related("unit", "project")
    if challenge:
        rows = rows.filter(challenge=challenge)
    if unit is not None:
        rows = rows.filter(path_q(unit.path, "unit__path"))
    for word in search_key(query[:SEARCH_MAX]).split():
        rows = rows.filter(search_key__contains=word)
    return _with_uptake(list(rows[:LIST_MAX]), _now(at))


def experience(pk: int, at: dt.datetime | None = None) -> LibraryEntry:
    found = models.Experience.objects.select_related("unit", "project").filter(pk=pk).first()
    if found is None:
        raise ExperienceNotFound("چنین تجربه‌ای در کتابخانه نیست.")
    return _with_uptake([found], _now(at))[0]


def _with_uptake(experiences: list[models.Experience], at: dt.datetime) -> list[LibraryEntry]:
    adopters = assessed(loaded(models.KeyProject.objects.filter(adopted__in=experiences)), at)
    values = [ExperienceValue(str(e.pk), e.title, e.unit.path) for e in experiences]
    adoptions = [
        Adoption(
            str(a.project.adopted_id), str(a.project.pk), a.assessment.unit_path, a.project.adopted_on or at.date()
        )
        for a in adopters
    ]
    results = {str(a.project.pk): a.assessment.progress for a in adopters
               if a.assessment.status is not Status.NOT_STARTED}  # fmt: skip
    figures = {u.experience_id: u for u in uptake(values, adoptions, results)}
    return [
        LibraryEntry(
            experience=e,
            adoptions=figures[str(e.pk)].adoptions,
            adopting_units=figures[str(e.pk)].adopting_units,
            measured=figures[str(e.pk)].measured,
            mean_attainment=figures[str(e.pk)].mean_attainment,
            adopters=tuple(a for a in adopters if a.project.adopted_id == e.pk),
        )
        for e in sorted(experiences, key=lambda e: (-figures[str(e.pk)].adoptions, -e.published_at.timestamp()))
    ]


def adoptable_experiences(found: models.KeyProject) -> QuerySet[models.Experience]:
    return models.Experience.objects.exclude(project=found).order_by("title")


# ---- critiques -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CritiqueView:
    critique: models.Critique
    answer: desk.PublicAnswer


def critiques(*, project: models.KeyProject | None = None, office: Organisation | None = None) -> list[CritiqueView]:
    rows = models.Critique.objects.select_related("project", "organisation")
    if project is not None:
        rows = rows.filter(project=project)
    if office is not None:
        rows = rows.filter(organisation=office)
    found = list(rows[:LIST_MAX])
    answers = desk.public_answers([c.request_id for c in found])
    return [CritiqueView(c, answers[c.request_id]) for c in found if c.request_id in answers]


def office(code: str) -> Organisation:
    found = Organisation.objects.select_related("seat").filter(code=code).first()
    if found is None:
        raise OfficeNotFound("چنین دفتری یافت نشد.")
    return found


def offices_timeliness(
    within: Unit | None = None, at: dt.datetime | None = None
) -> list[tuple[OfficeTimeliness, Organisation | None]]:
    """Per answering office: critiques filed, answered, on time, late, pending, and the on-time share."""
    rows = models.Critique.objects.all()
    if within is not None:
        rows = rows.filter(path_q(within.path, "unit__path"))
    answers = desk.public_answers(list(rows.values_list("request_id", flat=True)))
    records = [CritiqueRecord(str(a.organisation_id or ""), a.due_at, a.answered_at) for a in answers.values()]
    names = Organisation.objects.in_bulk([int(r.office) for r in records if r.office])
    return [(t, names.get(int(t.office)) if t.office else None) for t in timeliness(records, at=_now(at))]


def office_choices(unit: Unit | None = None) -> QuerySet[Organisation]:
    rows = Organisation.objects.filter(kind__in=("county_office", "district_office", "governorate"), is_active=True)
    return rows.order_by("name")


def organisations_in(unit: Unit) -> QuerySet[Organisation]:
    """The organisations seated in ``unit`` or under it (and the offices above it), for a project's owners."""
    return Organisation.objects.filter(path_q(unit.path, "seat__path"), is_active=True).order_by("name")[:LIST_MAX]
