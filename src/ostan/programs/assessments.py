"""From rows to the core's values: a stored project becomes an ``ostan.core.programs.KeyProject`` and is
assessed for the moment asked, so every page shows the same status with the same reasons."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch, QuerySet

from ostan.core.programs import Assessment, Direction, Indicator, KeyProject, Milestone, Reading, assess
from ostan.programs import models

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
