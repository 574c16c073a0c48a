"""From rows to the core's values: a stored project becomes an ``ostan.core.programs.KeyProject`` and is
assessed for the moment asked, so every page shows the same status with the same reasons."""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import EmptyResultSet
from django.db.models import Count, Max, OuterRef, Prefetch, QuerySet, Subquery

from ostan.core.programs import Assessment, Direction, Indicator, KeyProject, Milestone, Reading, assess
from ostan.core.programs.moments import TEHRAN, local_day
from ostan.programs import models

REMEMBERED_SETS = 32  # sets of statuses kept per process (a province's 2,000 take about 2 MB)
_REMEMBERED: OrderedDict[str, dict[int, Assessment]] = OrderedDict()
_LOCK = threading.Lock()
# One query per table for any number of projects.
PREFETCH = (
    Prefetch("milestones", queryset=models.Milestone.objects.order_by("due_on", "pk")),
    Prefetch(
        "indicators",
        queryset=models.Indicator.objects.order_by("pk").prefetch_related(
            Prefetch("readings", queryset=models.Reading.objects.only("indicator_id", "on", "value"))
        ),
    ),
)


def value_of(project: models.KeyProject) -> KeyProject:
    """The core's key project for a row whose milestones and indicators (with readings) are loaded."""
    return KeyProject(
        id=str(project.pk),
        title=project.title,
        unit_path=project.unit.path,
        starts_on=project.starts_on,
        ends_on=project.ends_on,
        milestones=tuple(
            Milestone(m.title, m.due_on, m.done_on, m.weight) for m in project.milestones.all()
        ),
        indicators=tuple(
            Indicator(
                code=i.code, name=i.name, baseline=Decimal(i.baseline), target=Decimal(i.target),
                direction=Direction(i.direction), weight=i.weight,
                readings=tuple(Reading(r.on, Decimal(r.value)) for r in i.readings.all()),
            )
            for i in project.indicators.all()
        ),
    )  # fmt: skip


@dataclass(frozen=True)
class Assessed:
    project: models.KeyProject
    assessment: Assessment


def loaded(rows: QuerySet[models.KeyProject]) -> QuerySet[models.KeyProject]:
    return rows.select_related("unit").prefetch_related(*PREFETCH)


def assessed(rows: Iterable[models.KeyProject], at: dt.datetime) -> list[Assessed]:
    return [Assessed(p, assess(value_of(p), at=at)) for p in rows]


def assessments(rows: QuerySet[models.KeyProject], at: dt.datetime) -> dict[int, Assessment]:
    """:func:`assessed_values`, remembered in this process for the rest of the day.

    A fenced optimisation (docs/performance.md: a province's 2,000 projects take the core about 2 s to
    assess on the shared machine, and the roll-up's goal is 200 ms; through the shared database cache the
    unpickling alone cost 0.7 s, so the statuses stay in the process's memory, a few sets at most). A
    status depends only on the local day and on the project's window, milestones and indicators, which
    change only through ``create_project`` and ``report_progress``; both set ``changed_at``. So the key is
    the query, the day, the number of projects and the latest ``changed_at``, read from the database on
    every call: any change, by any process, a new project or a new day is a new key, and a stale status
    is never read.
    """
    day = local_day(at, TEHRAN)
    stamp = rows.aggregate(count=Count("pk"), last=Max("changed_at"))
    try:
        query = str(rows.order_by().values("pk").query)
    except EmptyResultSet:  # a filter that can match nothing (``pk__in=[]``)
        return {}
    key = (
        "programs:assessments:"
        + hashlib.sha256(f"{query}|{day.isoformat()}|{stamp['count']}|{stamp['last']}".encode()).hexdigest()
    )
    with _LOCK:
        found = _REMEMBERED.get(key)
        if found is not None:
            _REMEMBERED.move_to_end(key)
            return found
    found = assessed_values(rows, at)
    with _LOCK:
        _REMEMBERED[key] = found
        while len(_REMEMBERED) > REMEMBERED_SETS:
            _REMEMBERED.popitem(last=False)
    return found


def assessed_values(rows: QuerySet[models.KeyProject], at: dt.datetime) -> dict[int, Assessment]:
    """The status of every project ``rows`` selects, by id, read as plain values in three queries.

    The lists and roll-ups use this rather than :func:`loaded`: a province's projects, milestones and
    indicators as model instances cost seconds (docs/performance.md), and the status on a day needs only
    each indicator's latest reading by that day, which is what the core's ``Indicator.value_on`` would pick
    from all of them — so the same status, reasons and progress come out.
    """
    day = local_day(at, TEHRAN)
    ids = rows.values("pk")
    heads = rows.values_list("pk", "title", "unit__path", "starts_on", "ends_on")
    milestones: dict[int, list[Milestone]] = {}
    for project_id, title, due_on, done_on, weight in (
        models.Milestone.objects.filter(project__in=ids)
        .order_by("project_id", "due_on", "pk")
        .values_list("project_id", "title", "due_on", "done_on", "weight")
    ):
        milestones.setdefault(project_id, []).append(Milestone(title, due_on, done_on, weight))
    latest = models.Reading.objects.filter(indicator=OuterRef("pk"), on__lte=day).order_by("-on")
    indicators: dict[int, list[Indicator]] = {}
    for project_id, code, name, baseline, target, direction, weight, last_on, last_value in (
        models.Indicator.objects.filter(project__in=ids)
        .annotate(last_on=Subquery(latest.values("on")[:1]), last_value=Subquery(latest.values("value")[:1]))
        .order_by("project_id", "pk")
        .values_list("project_id", "code", "name", "baseline", "target", "direction", "weight", "last_on", "last_value")
    ):
        readings = (Reading(last_on, Decimal(last_value)),) if last_on is not None else ()
        indicators.setdefault(project_id, []).append(
            Indicator(
                code=code,
                name=name,
                baseline=Decimal(baseline),
                target=Decimal(target),
                direction=Direction(direction),
                weight=weight,
                readings=readings,
            )
        )
    return {
        pk: assess(
            KeyProject(
                id=str(pk),
                title=title,
                unit_path=path,
                starts_on=starts_on,
                ends_on=ends_on,
                milestones=tuple(milestones.get(pk, ())),
                indicators=tuple(indicators.get(pk, ())),
            ),
            at=at,
        )
        for pk, title, path, starts_on, ends_on in heads
    }
