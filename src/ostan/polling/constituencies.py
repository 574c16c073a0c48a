"""What the polling app reads about a round's constituencies, cached per process for the day's hot path:
the unit paths the residence rule matches against, and the core's constituency a ballot is judged by."""

from __future__ import annotations

from dataclasses import dataclass

from ostan.core import counting
from ostan.core.counting.ballots import BallotForm
from ostan.elections.files import core_constituency
from ostan.elections.models import Constituency
from ostan.elections.settlements import settlement_of
from ostan.polling.edge.caches import ProcessCache

CACHE_SECONDS = 30.0


@dataclass(frozen=True)
class ConstituencyInfo:
    pk: int
    name: str
    unit_path: str
    population: int
    settlement: str  # "village" | "city" | "tehran"
    core: counting.Constituency
    form: BallotForm  # machine ballots of this constituency, built once
    is_announced: bool = False  # its results are published: polls in it are over


_cache: ProcessCache[int, ConstituencyInfo] = ProcessCache(CACHE_SECONDS)  # candidates may still change


def info(pk: int) -> ConstituencyInfo:
    hit = _cache.get(pk)
    if hit is not None:
        return hit
    c = Constituency.objects.select_related("unit", "election_round").get(pk=pk)
    population = c.population if c.population is not None else (c.unit.population or 0)
    core = core_constituency(c)
    form = BallotForm.for_constituency(core)
    found = ConstituencyInfo(
        c.pk, c.name, c.unit.path, population, settlement_of(c.unit, c.kind), core, form,
        is_announced=c.results_published_at is not None,
    )  # fmt: skip
    return _cache.put(pk, found)


def forget_all() -> None:
    _cache.clear()


def residence_constituency(round_constituencies: list[tuple[int, str]], residence_path: str) -> int | None:
    """The constituency whose unit is the deepest one containing ``residence_path`` (None: none does)."""
    best: tuple[int, int] | None = None
    for pk, path in round_constituencies:
        if residence_path == path or residence_path.startswith(path + "/"):
            depth = path.count("/")
            if best is None or depth > best[0]:
                best = (depth, pk)
    return None if best is None else best[1]
