"""Turnout maps on the 1395 shapes (ostan.territory.maps): the results pages shade each province or county
by the turnout of its published results, the officials' dashboard by its live check-ins.

Only the country (its provinces) and a province (its counties) have shapes; below that there is no map.
A region with nothing published falls in the «بدون داده» class, never at zero. Each drawing keeps its
legend and the table of the same figures behind it (the chart layer writes both).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from django.db.models import Count, Q, Sum
from django.urls import reverse

from ostan.core.charts import Choropleth, MapRegion, Measure
from ostan.core.errors import NotFound
from ostan.core.polling.aggregate import ancestors
from ostan.core.text import format_number
from ostan.polling.models import RollVoter
from ostan.publication.models import ConstituencyResult, StationPublication
from ostan.territory.maps import UNLISTED_NOTE, Map, country_map, province_map
from ostan.territory.models import PATH_SEPARATOR, Unit, UnitKind

TURNOUT = Measure("مشارکت", 1, "٪")


@dataclass(frozen=True)
class Share:
    """A region's count over its eligible voters (the roll of the same constituencies)."""

    count: int
    eligible: int

    @property
    def percent(self) -> float | None:
        return round(self.count * 100 / self.eligible, 1) if self.eligible else None


def area_map(area: Unit) -> Map | None:
    """The map whose regions are the area's sub-units: the country's provinces or a province's counties."""
    if area.kind == UnitKind.COUNTRY:
        return country_map()
    if area.kind == UnitKind.PROVINCE:
        try:
            return province_map(area.code)
        except NotFound:
            return None
    return None


def by_region(drawn: Map, counts: Iterable[tuple[str, int]]) -> dict[str, int]:
    """Counts given per unit path, summed per region of the map (a path counts for the region above it)."""
    paths = dict(Unit.objects.filter(code__in=[r.code for r in drawn.regions]).values_list("path", "code"))
    totals: Counter[str] = Counter()
    for path, n in counts:
        region = next((paths[a] for a in ancestors(path) if a in paths), None)
        if region is not None:
            totals[region] += n
    return dict(totals)


def turnout_choropleth(
    drawn: Map,
    shares: Mapping[str, Share],
    *,
    title: str,
    counted: str,
    href: Callable[[str], str | None] | None = None,
) -> Choropleth:
    """The map shaded by each region's share (regions without one: «بدون داده»); ``href`` gives a region's
    link by unit code, else a region links to its unit's page."""
    regions = []
    for r in drawn.regions:
        share = shares.get(r.code)
        link = (href(r.code) if href else r.href) if r.href else None
        note = "" if r.href else UNLISTED_NOTE
        if share is not None and note == "":
            note = f"{format_number(share.count)} {counted} از {format_number(share.eligible)} واجد شرایط"
        regions.append(MapRegion(r.code, r.name, r.d, None if share is None else share.percent, href=link, note=note))
    return Choropleth(title, drawn.view_box, tuple(regions), measure=TURNOUT, label_heading=drawn.region_noun)


def _under(field: str, path: str) -> Q:
    return Q(**{field: path}) | Q(**{f"{field}__startswith": path + PATH_SEPARATOR})


def province_of(unit: Unit) -> Unit | None:
    return Unit.objects.filter(path__in=ancestors(unit.path), kind=UnitKind.PROVINCE).first()


def published_area(round_id: int) -> Unit | None:
    """Where a round's published results lie: their one province, or the country when they span several."""
    results = ConstituencyResult.objects.filter(result_entry__isnull=False, constituency__election_round_id=round_id)
    paths = {a for p in results.values_list("constituency__unit__path", flat=True) for a in ancestors(p)}
    provinces = list(Unit.objects.filter(path__in=paths, kind=UnitKind.PROVINCE)[:2])  # one query, however many
    if len(provinces) == 1:
        return provinces[0]
    return Unit.objects.filter(parent__isnull=True).order_by("code").first() if provinces else None


def published_turnout(round_id: int, area: Unit) -> Choropleth | None:
    """Ballots in the published results of a round ÷ the eligible voters of those constituencies, by the
    area's provinces or counties; None where the area has no shapes."""
    drawn = area_map(area)
    if drawn is None:
        return None
    published = ConstituencyResult.objects.filter(
        result_entry__isnull=False, constituency__election_round_id=round_id
    ).values_list("constituency_id", flat=True)
    ballots = (
        StationPublication.objects.filter(_under("station__unit__path", area.path), constituency_id__in=published)
        .values_list("station__unit__path")
        .annotate(n=Sum("ballots_cast"))
    )
    eligible = (
        RollVoter.objects.filter(_under("residence_unit_path", area.path), constituency_id__in=published)
        .values_list("residence_unit_path")
        .annotate(n=Count("id"))
    )
    cast, roll = by_region(drawn, ballots), by_region(drawn, eligible)
    shares = {code: Share(n, roll.get(code, 0)) for code, n in cast.items()}
    title = f"مشارکت در نتایج اعلام‌شده به تفکیک {drawn.region_noun}"
    return turnout_choropleth(drawn, shares, title=title, counted="رأی")


def dashboard_href(code: str) -> str:
    return f"{reverse('publication:dashboard')}?unit={code}"
