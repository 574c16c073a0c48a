"""The officials' live dashboard: figures up the tree from the stations' minutes (the aggregation core),
live check-ins per unit and per hour (from check-in times, never from ballots), stations not yet
reported and anomalies. Always scoped: an official reads their own unit and what lies under it."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db.models import Count, Q
from django.db.models.functions import TruncHour

from ostan.core.access import Actor, OutOfScope, ensure
from ostan.core.charts import Choropleth
from ostan.core.polling import aggregate as core_aggregate
from ostan.core.polling.publication import minutes_from_json
from ostan.core.text import to_persian_digits
from ostan.elections.files import constituency_id
from ostan.elections.models import ElectionRound
from ostan.polling.models import CheckIn, RollVoter, Station, StationMinutes, StationStatus
from ostan.publication import maps
from ostan.publication.permissions import READ_DASHBOARD
from ostan.territory.models import PATH_SEPARATOR, Unit
from ostan.territory.scope import target_of

TEHRAN = ZoneInfo("Asia/Tehran")


@dataclass(frozen=True)
class UnitRow:
    unit: Unit
    figures: core_aggregate.Figures
    live_check_ins: int

    @property
    def turnout_percent(self) -> float | None:
        t = self.figures.turnout
        return None if t is None else float(t * 100)

    @property
    def live_percent(self) -> float | None:
        return float(self.live_check_ins * 100 / self.figures.eligible) if self.figures.eligible else None


@dataclass(frozen=True)
class Dashboard:
    election_round: ElectionRound | None
    root: UnitRow
    children: list[UnitRow]
    hours: list[tuple[dt.datetime, int, int]]  # Tehran hour, check-ins in it, check-ins so far
    missing: list[str]
    open_stations: int
    anomalies: tuple[core_aggregate.Anomaly, ...]
    live_map: Choropleth | None = None  # the sub-units' live turnout, where the root's sub-units have shapes

    # What the charts draw (each chart keeps its table behind it, so the figures stay readable as text).
    @property
    def hour_labels(self) -> list[str]:
        return [to_persian_digits(hour.astimezone(TEHRAN).strftime("%H:00")) for hour, _, _ in self.hours]

    @property
    def hour_series(self) -> dict[str, list[int]]:
        return {"تا پایان ساعت": [so_far for _, _, so_far in self.hours], "در همان ساعت": [n for _, n, _ in self.hours]}

    @property
    def unit_bars(self) -> list[tuple[str, float]]:
        """Each sub-unit's live check-ins as a share of its eligible voters (units without a roll left out)."""
        return [(r.unit.name, round(r.live_percent, 1)) for r in self.children if r.live_percent is not None]


def root_unit(actor: Actor, code: str | None) -> Unit:
    """The unit asked for (by code), or the actor's own; OutOfScope when it is outside their scope."""
    if READ_DASHBOARD.reach_for(actor.role) is None and not actor.is_system:
        raise OutOfScope("داشبورد فقط برای کارگزاران انتخابات است.")
    if code:
        unit = Unit.objects.filter(code=code).first()
    else:
        unit = Unit.objects.filter(pk=actor.unit_id).first() if actor.unit_id is not None else None
    if unit is None and actor.is_national:
        unit = Unit.objects.filter(parent__isnull=True).order_by("code").first()
    if unit is None:
        raise OutOfScope("واحدی برای داشبورد پیدا نشد.")
    ensure(actor, READ_DASHBOARD, target_of(unit))
    return unit


def _under(field: str, path: str) -> Q:
    return Q(**{field: path}) | Q(**{f"{field}__startswith": path + PATH_SEPARATOR})


def build(actor: Actor, *, unit_code: str | None = None) -> Dashboard:
    root = root_unit(actor, unit_code)
    election_round = ElectionRound.objects.order_by("-number").first()
    stations = list(
        Station.objects.filter(_under("unit__path", root.path), election_round=election_round)
        .select_related("unit")
        .prefetch_related("constituencies__election_round")
    )
    minutes = StationMinutes.objects.filter(station__in=stations).values_list("document", flat=True)
    eligible = (
        RollVoter.objects.filter(_under("residence_unit_path", root.path), election_round=election_round)
        .exclude(constituency=None)
        .values_list("residence_unit_path")
        .annotate(n=Count("id"))
    )
    summed = core_aggregate.aggregate(
        stations=[served for s in stations for served in _core_stations(s)],
        minutes=[minutes_from_json(m) for m in minutes],
        eligible=list(eligible),
    )
    live = _live_by_path(stations)
    children = list(Unit.objects.filter(parent=root).order_by("code"))
    rows = [_row(u, summed, live) for u in children if u.path in summed.totals]
    return Dashboard(
        election_round,
        _row(root, summed, live),
        rows,
        _hours(stations),
        list(summed.missing_stations),
        sum(1 for s in stations if s.status == StationStatus.OPEN),
        summed.anomalies,
        _live_map(root, rows),
    )


def _live_map(root: Unit, rows: list[UnitRow]) -> Choropleth | None:
    """Each sub-unit shaded by its check-ins so far over its eligible voters; a sub-unit links to its own
    dashboard (the guard still checks the reader's reach there)."""
    drawn = maps.area_map(root)
    if drawn is None or not rows:
        return None
    shares = {r.unit.code: maps.Share(r.live_check_ins, r.figures.eligible) for r in rows if r.figures.eligible}
    title = f"مشارکت زندهٔ {drawn.region_noun}‌ها (احراز هویت از واجدان)"
    return maps.turnout_choropleth(drawn, shares, title=title, counted="احراز هویت", href=maps.dashboard_href)


def _core_stations(s: Station) -> list[core_aggregate.Station]:
    """The station once per constituency it serves, under the published id its minutes carry."""
    served = sorted(s.constituencies.all(), key=lambda c: c.pk)
    return [core_aggregate.Station(s.code, s.unit.path, constituency_id(c)) for c in served]


def _live_by_path(stations: list[Station]) -> dict[str, int]:
    rows = CheckIn.objects.filter(station__in=stations).values_list("station__unit__path").annotate(n=Count("id"))
    totals: Counter[str] = Counter()
    for path, n in rows:
        for ancestor in core_aggregate.ancestors(path):
            totals[ancestor] += n
    return dict(totals)


def _row(unit: Unit, summed: core_aggregate.Aggregation, live: dict[str, int]) -> UnitRow:
    return UnitRow(unit, summed.totals.get(unit.path, core_aggregate.Figures()), live.get(unit.path, 0))


def _hours(stations: list[Station]) -> list[tuple[dt.datetime, int, int]]:
    rows = (
        CheckIn.objects.filter(station__in=stations)
        .annotate(hour=TruncHour("checked_in_at", tzinfo=TEHRAN))
        .values_list("hour")
        .annotate(n=Count("id"))
        .order_by("hour")
    )
    so_far, out = 0, []
    for hour, n in rows:
        so_far += n
        out.append((hour, n, so_far))
    return out
