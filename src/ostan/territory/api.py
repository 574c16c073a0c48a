"""The territory tree over HTTP: units, children, search, and the two edits officials make."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status
from ninja.security import django_auth

from ostan.access.guards import api_guarded
from ostan.core.access import acting
from ostan.pages.schemas import ErrorOut
from ostan.territory import actions, selectors
from ostan.territory.models import Unit, UnitKind
from ostan.territory.permissions import EDIT_UNITS, READ_UNITS

router = Router(tags=["territory"])


ERRORS: dict[int, Any] = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}


class UnitRefOut(Schema):
    code: str
    kind: UnitKind
    kind_label: str
    name: str


class UnitSummaryOut(UnitRefOut):
    name_en: str
    population: int | None
    population_year: int | None
    child_count: int


class UnitOut(UnitRefOut):
    name_en: str
    path: str
    depth: int
    population: int | None = Field(description="None: unknown (never guessed)")
    population_year: int | None
    population_source: str
    latitude: float | None
    longitude: float | None
    is_user_created: bool
    parent: UnitRefOut | None
    ancestors: list[UnitRefOut]
    children_by_kind: dict[str, int]


class SearchIn(Schema):
    q: str = Field(min_length=1, max_length=selectors.SEARCH_QUERY_MAX_LENGTH)
    kind: UnitKind | None = None
    limit: int = Field(20, ge=1, le=selectors.SEARCH_LIMIT_MAX)


class NeighbourhoodIn(Schema):
    name: str = Field(max_length=200)


class PopulationIn(Schema):
    population: int
    year: int
    reason: str = Field(max_length=300)


def _ref(unit: Unit) -> UnitRefOut:
    return UnitRefOut(code=unit.code, kind=UnitKind(unit.kind), kind_label=unit.get_kind_display(), name=unit.name)


def _summary(unit: Unit) -> UnitSummaryOut:
    return UnitSummaryOut(
        **_ref(unit).dict(),
        name_en=unit.name_en,
        population=unit.population,
        population_year=unit.population_year,
        child_count=getattr(unit, "child_count", 0),
    )


def _detail(request: HttpRequest, unit: Unit) -> UnitOut:
    chain = selectors.ancestors(unit)
    return UnitOut(
        **_ref(unit).dict(),
        name_en=unit.name_en,
        path=unit.path,
        depth=unit.depth,
        population=unit.population,
        population_year=unit.population_year,
        population_source=unit.population_source,
        latitude=unit.latitude,
        longitude=unit.longitude,
        is_user_created=unit.is_user_created,
        parent=_ref(chain[-1]) if chain else None,
        ancestors=[_ref(a) for a in chain],
        children_by_kind=selectors.children_summary(unit, actor=acting(request)),
    )


@router.get("/units/{code}", response={200: UnitOut, **ERRORS})
@api_guarded(READ_UNITS, target="unit")
def unit(request: HttpRequest, code: str) -> UnitOut:
    return _detail(request, selectors.get_unit(code, actor=acting(request)))


@router.get("/units/{code}/children", response={200: list[UnitSummaryOut], **ERRORS})
@api_guarded(READ_UNITS, target="unit")
def unit_children(request: HttpRequest, code: str) -> list[UnitSummaryOut]:
    parent = selectors.get_unit(code, actor=acting(request))
    return [_summary(u) for u in selectors.children(parent, actor=acting(request))]


@router.get("/search", response={200: list[UnitRefOut], **ERRORS})
@api_guarded(READ_UNITS)
def search(request: HttpRequest, params: Query[SearchIn]) -> list[UnitRefOut]:
    kinds = [params.kind] if params.kind else None
    return [_ref(u) for u in selectors.search_units(params.q, kinds=kinds, limit=params.limit, actor=acting(request))]


@router.post("/units/{code}/neighbourhoods", response={201: UnitOut, **ERRORS}, auth=django_auth)
@api_guarded(EDIT_UNITS, target="unit")
def add_neighbourhood(request: HttpRequest, code: str, payload: NeighbourhoodIn) -> Status[UnitOut]:
    city = selectors.get_unit(code, actor=acting(request))
    created = actions.create_neighbourhood(actor=acting(request), city=city, name=payload.name)
    return Status(201, _detail(request, created))


@router.post("/units/{code}/population", response={200: UnitOut, **ERRORS}, auth=django_auth)
@api_guarded(EDIT_UNITS, target="unit")
def set_population(request: HttpRequest, code: str, payload: PopulationIn) -> UnitOut:
    target = selectors.get_unit(code, actor=acting(request))
    changed = actions.set_population(
        actor=acting(request),
        unit=target,
        population=payload.population,
        year=payload.year,
        reason=payload.reason,
    )
    return _detail(request, changed)
