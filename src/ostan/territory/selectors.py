"""Reads of the territory tree.

The published divisions are public reference data: anyone may read them. Units that users create
(neighbourhoods) are visible only inside the reader's territorial scope.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from django.db.models import Case, Count, Q, QuerySet, Value, When

from ostan.core.access import Actor
from ostan.core.errors import NotFound
from ostan.core.text import search_key
from ostan.ordering import by_name
from ostan.territory.models import PATH_SEPARATOR, Unit, UnitKind
from ostan.territory.scope import subtree_q

Viewer = Actor | None

CODE_PATTERN = re.compile(r"[0-9A-Za-z\-]{1,32}")
SEARCH_QUERY_MAX_LENGTH = 100
SEARCH_LIMIT_MAX = 100
# Below this many characters a substring match is mostly noise (and cannot use the trigram index).
SUBSTRING_MIN_LENGTH = 2
NEIGHBOURHOOD_PARENT_KINDS = frozenset({UnitKind.CITY, UnitKind.CITY_ZONE})


def unit_count() -> int:
    return Unit.objects.count()


def visible_q(actor: Viewer = None, prefix: str = "") -> Q:
    """Reference units, plus user-created ones inside ``actor``'s scope. ``prefix`` is e.g. ``"children__"``."""
    public = Q(**{f"{prefix}is_user_created": False})
    if actor is None:
        return public
    return public | (Q(**{f"{prefix}is_user_created": True}) & subtree_q(actor, f"{prefix}path"))


def without_controls(text: str) -> str:
    """``text`` with control characters made spaces (NUL cannot even be sent to PostgreSQL)."""
    return "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in text)


def get_unit(code: str, *, actor: Viewer = None) -> Unit:
    unit = Unit.objects.filter(visible_q(actor), code=code).first() if CODE_PATTERN.fullmatch(code) else None
    if unit is None:
        raise NotFound(f"واحدی با کد «{code}» یافت نشد.")
    return unit


def with_child_counts(units: QuerySet[Unit], actor: Viewer = None) -> QuerySet[Unit]:
    return units.annotate(child_count=Count("children", filter=visible_q(actor, "children__")))


def children(unit: Unit, *, actor: Viewer = None, kinds: Iterable[str] | None = None) -> QuerySet[Unit]:
    """Direct children ordered by name, each with ``child_count`` (its own visible children)."""
    units = Unit.objects.filter(visible_q(actor), parent=unit)
    if kinds is not None:
        units = units.filter(kind__in=list(kinds))
    return with_child_counts(units, actor).order_by(by_name(), "code")


def children_summary(unit: Unit, *, actor: Viewer = None) -> dict[str, int]:
    """How many visible children of each kind ``unit`` has."""
    rows = Unit.objects.filter(visible_q(actor), parent=unit).values("kind").annotate(n=Count("id")).order_by("kind")
    return {row["kind"]: row["n"] for row in rows}


def ancestors(unit: Unit) -> list[Unit]:
    """The chain from the country down to ``unit``'s parent, in one query."""
    codes = unit.path.split(PATH_SEPARATOR)[:-1]
    if not codes:
        return []
    return list(Unit.objects.filter(code__in=codes).order_by("depth"))


def search_units(
    query: str,
    *,
    kinds: Iterable[str] | None = None,
    within: Unit | None = None,
    limit: int = 20,
    actor: Viewer = None,
) -> list[Unit]:
    """Units whose folded name starts with (first) or contains (after) the folded query.

    Folding (``search_key``) makes «كرمانشاه» find «کرمانشاه» and «اسلام آباد غرب» find «اسلام‌آباد غرب».
    Exact names come first, then larger units before smaller ones, then by name.
    """
    key = search_key(without_controls(query[:SEARCH_QUERY_MAX_LENGTH]))
    limit = max(1, min(limit, SEARCH_LIMIT_MAX))
    if not key:
        return []
    base = Unit.objects.filter(visible_q(actor))
    if kinds is not None:
        base = base.filter(kind__in=list(kinds))
    if within is not None:
        base = base.filter(Q(path=within.path) | Q(path__startswith=within.path + PATH_SEPARATOR))
    order = ("depth", by_name(), "code")
    is_exact = Case(When(search_key=key, then=Value(0)), default=Value(1))
    found = list(base.filter(search_key__startswith=key).order_by(is_exact, *order)[:limit])
    if len(found) < limit and len(key) >= SUBSTRING_MIN_LENGTH:
        inner = base.filter(search_key__contains=key).exclude(search_key__startswith=key)
        found += inner.order_by(*order)[: limit - len(found)]
    return found


def place_names(units: Iterable[Unit]) -> dict[str, str]:
    """Where each unit lies, as «province › county › district» of its ancestors below the country.

    Search results with one name (ten villages called «شوراب علیا») are told apart by this; the
    names of every ancestor of every unit are read in one query.
    """
    units = list(units)
    chains = {u.code: u.path.split(PATH_SEPARATOR)[1:-1] for u in units}
    codes = {code for chain in chains.values() for code in chain}
    names = dict(Unit.objects.filter(code__in=codes).values_list("code", "name")) if codes else {}
    return {code: " › ".join(names[c] for c in chain if c in names) for code, chain in chains.items()}


def neighbourhoods(unit: Unit, *, actor: Viewer = None) -> QuerySet[Unit]:
    return children(unit, actor=actor, kinds=[UnitKind.NEIGHBOURHOOD])


def province_of(unit: Unit) -> str | None:
    """The province code on ``unit``'s path (None for the country)."""
    codes = unit.path.split(PATH_SEPARATOR)
    return codes[1] if len(codes) > 1 else None
