"""The network over HTTP: actions in a unit, one action, a progress report, the 3W matrix, overlaps and
their decisions. Errors in the API's one shape (``ostan/api.py``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Router, Schema

from ostan.access.guards import api_guarded
from ostan.core.access import acting
from ostan.network import actions, records, selectors
from ostan.network.models import Action, Overlap, OverlapDecision
from ostan.network.permissions import READ_COORDINATION, READ_NETWORK, REPORT_PROGRESS, RESOLVE_OVERLAPS
from ostan.pages.schemas import ErrorOut

router = Router(tags=["network"])
ERRORS: dict[int, Any] = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}
LIST_LIMIT = 500


class ActionOut(Schema):
    id: int
    unit: str
    institution: str
    committee: str
    category: str
    target_group: str
    title: str
    starts_on: dt.date
    ends_on: dt.date
    progress: int
    status: str
    budget: int | None
    budget_source: str


def _action_out(item: Action, today: dt.date) -> ActionOut:
    return ActionOut(
        id=item.pk, unit=item.unit.code, institution=item.organisation.code, committee=item.committee,
        category=item.category, target_group=item.target_group, title=item.title, starts_on=item.starts_on,
        ends_on=item.ends_on, progress=item.progress, status=selectors.status_of(item, today).value,
        budget=item.budget, budget_source=item.budget_source,
    )  # fmt: skip


@router.get("/units/{code}/actions", response={200: list[ActionOut], **ERRORS}, summary="Actions in a unit's subtree")
@api_guarded(READ_NETWORK, target="unit")
def unit_actions(request: HttpRequest, code: str) -> list[ActionOut]:
    unit = selectors.unit_in_reach(acting(request), code)
    today = timezone.localdate()
    rows = Action.objects.filter(records.under_q(unit.path), merged_into__isnull=True).select_related(
        "unit", "organisation").order_by("pk")[:LIST_LIMIT]  # fmt: skip
    return [_action_out(a, today) for a in rows]


@router.get("/actions/{pk}", response={200: ActionOut, **ERRORS}, summary="One action")
@api_guarded(READ_NETWORK, target="network_action")
def action_detail(request: HttpRequest, pk: int) -> ActionOut:
    today = timezone.localdate()
    return _action_out(selectors.action(acting(request), pk, today=today).item, today)


class ProgressIn(Schema):
    progress: int = Field(ge=0, le=100)
    reported_on: dt.date
    note: str = Field("", max_length=4000)


@router.post("/actions/{pk}/progress", response={200: ActionOut, **ERRORS}, summary="Report progress (no files)")
@api_guarded(REPORT_PROGRESS, target="network_action")
def report_progress(request: HttpRequest, pk: int, body: ProgressIn) -> ActionOut:
    actor = acting(request)
    actions.report_progress(actor=actor, action_id=pk, progress=body.progress, reported_on=body.reported_on,
                            note=body.note)  # fmt: skip
    today = timezone.localdate()
    return _action_out(selectors.action(actor, pk, today=today).item, today)


class TallyOut(Schema):
    unit: str
    name: str
    category: str
    institution: str
    actions: int
    budget: int
    unbudgeted: int


@router.get("/units/{code}/3w", response={200: list[TallyOut], **ERRORS}, summary="Who does what where")
@api_guarded(READ_NETWORK, target="unit")
def matrix(request: HttpRequest, code: str, committee: str = "") -> list[TallyOut]:
    unit = selectors.unit_in_reach(acting(request), code)
    table, _ = selectors.who_does_what(unit, period=None, committee=committee or None)
    return [
        TallyOut(
            unit=row.unit_path,
            name=row.name,
            category=c,
            institution=i,
            actions=t.action_count,
            budget=t.budget,
            unbudgeted=t.unbudgeted,
        )
        for row in table.rows
        for (c, i), t in row.cells.items()
    ]


class OverlapOut(Schema):
    id: int
    first: int
    second: int
    unit: str
    score: float
    reasons: list[str]
    decision: str


def _overlap_out(o: Overlap) -> OverlapOut:
    return OverlapOut(id=o.pk, first=o.first_id, second=o.second_id, unit=o.unit.code, score=o.score,
                      reasons=list(o.reasons), decision=o.decision)  # fmt: skip


@router.get("/units/{code}/overlaps", response={200: list[OverlapOut], **ERRORS}, summary="Open overlaps")
@api_guarded(READ_COORDINATION, target="unit")
def open_overlaps(request: HttpRequest, code: str) -> list[OverlapOut]:
    actor = acting(request)
    unit = selectors.unit_in_reach(actor, code, READ_COORDINATION)
    return [_overlap_out(o) for o in selectors.overlaps(actor, unit)[:LIST_LIMIT]]


class ResolveIn(Schema):
    decision: OverlapDecision
    note: str = Field(max_length=2000)


@router.post("/overlaps/{pk}/resolve", response={200: OverlapOut, **ERRORS}, summary="Decide an overlap")
@api_guarded(RESOLVE_OVERLAPS, target="overlap")
def resolve(request: HttpRequest, pk: int, body: ResolveIn) -> OverlapOut:
    decided = actions.resolve_overlap(
        actor=acting(request), overlap_id=pk, decision=body.decision.value, note=body.note
    )
    return _overlap_out(decided)
