"""Best practices (تجربهٔ موفق) shared between units: who adopted them, how the adopters did, and search.

Rules: an adoption is a project of another unit taking up the experience; an adoption recorded at the
experience's own unit is not counted (the originator is not an adopter), adoptions by units below it are.
One project adopts an experience once. The adopters' result is the mean of their outcome attainment as the
caller measured it (outcome roll-up attainment or key project progress, one number per project); projects
without a measure are counted as adopters but left out of the mean, which is None when no adopter is
measured. Search matches the Persian-normalised key of the title and tags (:func:`ostan.core.text.search_key`),
so «ي/ی», «ك/ک», ZWNJ and spaces do not stand between a query and an experience.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction

from ostan.core.programs.errors import InvalidExperience
from ostan.core.programs.unit_paths import check_path
from ostan.core.text import search_key

KEY_SEPARATOR = " "  # search_key drops spaces, so no query can match across two parts of the key


@dataclass(frozen=True)
class Experience:
    id: str
    title: str
    unit_path: str  # where it was first done
    summary: str = ""
    tags: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        check_path(self.unit_path)
        if not search_key(self.title):
            raise InvalidExperience("تجربهٔ موفق عنوان ندارد.", details={"path": "title"})


@dataclass(frozen=True)
class Adoption:
    experience_id: str
    project_id: str
    unit_path: str  # the adopting project's unit
    adopted_on: dt.date

    def __post_init__(self) -> None:
        check_path(self.unit_path)


@dataclass(frozen=True)
class Uptake:
    experience_id: str
    adoptions: int
    adopting_units: int  # distinct units among the adopters
    measured: int  # adopters with a measured result
    mean_attainment: Fraction | None


def uptake(
    experiences: Iterable[Experience], adoptions: Iterable[Adoption], results: Mapping[str, Fraction]
) -> tuple[Uptake, ...]:
    """Each experience's adoption count and its adopters' mean result (``results``: project id → attainment).

    Most adopted first, then by id.
    """
    origin = {e.id: e.unit_path for e in experiences}
    counted: dict[str, list[Adoption]] = {e: [] for e in origin}
    seen: set[tuple[str, str]] = set()
    for a in adoptions:
        if a.experience_id not in origin:
            raise InvalidExperience(f"تجربهٔ «{a.experience_id}» ثبت نشده است.", details={"path": "experience_id"})
        if (a.experience_id, a.project_id) in seen:
            raise InvalidExperience("یک طرح یک تجربه را دو بار به کار نمی‌گیرد.", details={"path": "project_id"})
        seen.add((a.experience_id, a.project_id))
        if a.unit_path != origin[a.experience_id]:
            counted[a.experience_id].append(a)
    rows = [_uptake(eid, items, results) for eid, items in counted.items()]
    return tuple(sorted(rows, key=lambda u: (-u.adoptions, u.experience_id)))


def _uptake(experience_id: str, adoptions: list[Adoption], results: Mapping[str, Fraction]) -> Uptake:
    measured = [results[a.project_id] for a in adoptions if a.project_id in results]
    return Uptake(
        experience_id=experience_id,
        adoptions=len(adoptions),
        adopting_units=len({a.unit_path for a in adoptions}),
        measured=len(measured),
        mean_attainment=sum(measured, Fraction(0)) / len(measured) if measured else None,
    )


def experience_search_key(experience: Experience) -> str:
    """The folded key stored beside an experience: its title and tags, each through ``search_key``."""
    parts = (search_key(part) for part in (experience.title, *experience.tags))
    return KEY_SEPARATOR.join(p for p in parts if p)


def search_experiences(experiences: Iterable[Experience], query: str) -> tuple[Experience, ...]:
    """Experiences whose title or a tag contains the query; titles that begin with it first, then by title."""
    needle = search_key(query)
    if not needle:
        return ()
    found = [e for e in experiences if needle in experience_search_key(e)]
    return tuple(sorted(found, key=lambda e: (not search_key(e.title).startswith(needle), search_key(e.title), e.id)))
