"""The key projects' part of a unit's one page: counts by status, the share of critiques answered on time,
the projects most needing attention, and where to read on. Projects are public, so every viewer sees the
same summary; the actor is taken so the page can be filtered by what the viewer may see, as every area's is."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

from django.urls import reverse
from django.utils import timezone

from ostan.core.access import Actor, allows
from ostan.core.programs import Status, deprived_first, tally
from ostan.core.programs.critiques import CritiqueRecord, timeliness
from ostan.programs import models
from ostan.programs.assessments import assessments
from ostan.programs.permissions import READ_PROJECTS
from ostan.servicedesk import selectors as desk
from ostan.territory.models import Unit
from ostan.territory.scope import path_q, target_of

TOP = 3


@dataclass(frozen=True)
class TopProject:
    title: str
    url: str
    status: Status
    reason: str


@dataclass(frozen=True)
class UnitSummary:
    unit_name: str
    total: int
    counts: tuple[tuple[Status, int], ...]  # every status, in severity order (late first)
    mean_progress: Fraction | None
    critiques: int
    on_time_share: Fraction | None  # critiques answered on time, None when none has been judged
    top: tuple[TopProject, ...]
    url: str


def unit_summary(*, actor: Actor, unit: Unit, at: dt.datetime | None = None) -> UnitSummary | None:
    """The summary for ``unit`` and everything under it; None when the viewer may not read projects there."""
    if not allows(actor, READ_PROJECTS, target_of(unit)):
        return None
    moment = at or timezone.now()
    values = list(assessments(models.KeyProject.objects.filter(path_q(unit.path, "unit__path")), moment).values())
    counted = tally(values, unit.path)
    scores = {d.unit.path: d.score for d in models.Deprivation.objects.select_related("unit")
              .filter(path_q(unit.path, "unit__path"))}  # fmt: skip
    urgent = deprived_first([a for a in values if a.status.severity >= 2], scores, limit=TOP)
    titles = dict(
        models.KeyProject.objects.filter(pk__in=[int(a.project_id) for a in urgent]).values_list("pk", "title")
    )
    top = tuple(
        TopProject(titles[int(a.project_id)], reverse("programs:project", args=[int(a.project_id)]), a.status,
                   a.reasons[0].message if a.reasons else "")
        for a in urgent
    )  # fmt: skip
    request_ids = list(
        models.Critique.objects.filter(path_q(unit.path, "unit__path")).values_list("request_id", flat=True)
    )
    answers = desk.public_answers(request_ids)
    judged = timeliness([CritiqueRecord("all", a.due_at, a.answered_at) for a in answers.values()], at=moment)
    order = sorted(Status, key=lambda s: -s.severity)
    return UnitSummary(
        unit_name=unit.name, total=counted.total, counts=tuple((s, counted.counts[s]) for s in order),
        mean_progress=counted.mean_progress, critiques=len(answers),
        on_time_share=judged[0].on_time_share if judged else None, top=top,
        url=f"{reverse('programs:index')}?unit={unit.code}",
    )  # fmt: skip
