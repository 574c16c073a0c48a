"""Reads of the registry of organisations: public, searchable, filtered by kind, group and unit."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from ostan.access.entries import CODE_PATTERN
from ostan.access.models import Organisation
from ostan.core.errors import NotFound
from ostan.core.text import search_key
from ostan.ordering import by_name
from ostan.territory.models import Unit
from ostan.territory.scope import path_q

QUERY_MAX_LENGTH = 100


@dataclass(frozen=True)
class OrganisationFilter:
    query: str = ""
    kind: str = ""
    category: str = ""
    unit: Unit | None = None


def organisations(wanted: OrganisationFilter | None = None) -> QuerySet[Organisation]:
    """Active organisations, each with ``branch_count``, ordered by their tree (parents before branches)."""
    wanted = wanted or OrganisationFilter()
    found = Organisation.objects.filter(is_active=True).select_related("seat", "parent")
    key = search_key(wanted.query[:QUERY_MAX_LENGTH])
    if key:
        found = found.filter(Q(search_key__contains=key) | Q(code__icontains=wanted.query.strip()))
    if wanted.kind:
        found = found.filter(kind=wanted.kind)
    if wanted.category:
        found = found.filter(category=wanted.category)
    if wanted.unit is not None:
        # Serving the unit, anything under it, or the units above it (a provincial directorate serves a city).
        ancestors = wanted.unit.path.split("/")
        above = ["/".join(ancestors[: i + 1]) for i in range(len(ancestors))]
        found = found.filter(path_q(wanted.unit.path, "units__path") | Q(units__path__in=above)).distinct()
    return found.annotate(branch_count=Count("branches", distinct=True)).order_by("path")


def organisation(code: str) -> Organisation:
    found = (
        Organisation.objects.select_related("seat", "parent").filter(code=code).first()
        if CODE_PATTERN.fullmatch(code)
        else None
    )
    if found is None:
        raise NotFound(f"سازمانی با کد «{code}» یافت نشد.")
    return found


def branches(found: Organisation) -> QuerySet[Organisation]:
    return found.branches.filter(is_active=True).select_related("seat").order_by(by_name(), "path")


def served_units(found: Organisation) -> QuerySet[Unit]:
    return found.units.order_by("path")


def serving(unit: Unit, kind: str | None = None) -> list[Organisation]:
    """The organisations that serve ``unit``, nearest first: those serving it, then up the tree."""
    codes = unit.path.split("/")
    paths = ["/".join(codes[: i + 1]) for i in range(len(codes))][::-1]
    found = Organisation.objects.filter(is_active=True, units__path__in=paths).prefetch_related("units")
    if kind:
        found = found.filter(kind=kind)
    depth = {p: i for i, p in enumerate(paths)}
    return sorted(set(found), key=lambda o: (min(depth.get(u.path, 99) for u in o.units.all()), o.path))
