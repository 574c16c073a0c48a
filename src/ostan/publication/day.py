"""The day's state on one page: every station and constituency in the viewer's unit, where each
stands (ostan.core.polling.day) and the next step, with whether this viewer may take it.

Scoped like the dashboard: an official reads their own unit and what lies under it (or a unit below,
by code); a constituency counts all of its stations, wherever they lie."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.db.models import F, Q
from django.utils import timezone

from ostan.core.access import Actor, allows
from ostan.core.polling import day as core_day
from ostan.core.polling.schedule import Schedule, schedule_refusal
from ostan.elections.models import Constituency, ElectionRound
from ostan.polling.models import MinutesConfirmation, Station, StationMinutes, StationStatus
from ostan.polling.permissions import RUN_STATION
from ostan.publication.dashboard import root_unit
from ostan.publication.models import ConstituencyResult, StationPublication
from ostan.publication.permissions import PUBLISH
from ostan.territory.models import PATH_SEPARATOR, Unit
from ostan.territory.scope import target_of


@dataclass(frozen=True)
class StationRow:
    station: Station
    next: core_day.Next
    may_act: bool  # the viewer may take the next step (for CONFIRM: is a member who has not yet)


@dataclass(frozen=True)
class ConstituencyRow:
    constituency: Constituency
    stations: int
    published: int
    next: core_day.Next
    may_act: bool


@dataclass(frozen=True)
class Day:
    election_round: ElectionRound | None
    root: Unit
    stations: list[StationRow]
    constituencies: list[ConstituencyRow]
    stage_counts: list[tuple[str, int]]  # (Persian label, stations at that stage), in the day's order


def _under(field: str, path: str) -> Q:
    return Q(**{field: path}) | Q(**{f"{field}__startswith": path + PATH_SEPARATOR})


def _is_scheduled_open(election_round: ElectionRound, now: dt.datetime) -> bool:
    return schedule_refusal(Schedule(election_round.polls_open_at, None), now) is None


def _station_rows(actor: Actor, election_round: ElectionRound, stations: list[Station]) -> list[StationRow]:
    pks = [s.pk for s in stations]
    minutes = Counter(StationMinutes.objects.filter(station_id__in=pks).values_list("station_id", flat=True))
    signed = Counter(
        StationMinutes.objects.filter(station_id__in=pks).exclude(signature="").values_list("station_id", flat=True)
    )
    by_members = MinutesConfirmation.objects.filter(
        minutes__station_id__in=pks, official__polling_stations=F("minutes__station")
    ).values_list("minutes__station_id", "minutes_id", "official_id")
    confirmed_minutes: dict[int, set[int]] = {}
    confirmed_by: set[tuple[int, int]] = set()  # (station, member) who confirmed every one of its minutes
    per_official: Counter[tuple[int, int]] = Counter()
    for station_pk, minutes_pk, official_pk in by_members:
        confirmed_minutes.setdefault(station_pk, set()).add(minutes_pk)
        per_official[(station_pk, official_pk)] += 1
    for (station_pk, official_pk), n in per_official.items():
        if n >= minutes[station_pk]:
            confirmed_by.add((station_pk, official_pk))
    published = set(StationPublication.objects.filter(station_id__in=pks).values_list("station_id", flat=True))
    members = set(Station.officials.through.objects.filter(station_id__in=pks).values_list("station_id", "user_id"))
    is_open = _is_scheduled_open(election_round, timezone.now())
    rows = []
    for s in stations:
        facts = core_day.StationFacts(
            is_scheduled_open=is_open, is_closed=s.status == StationStatus.CLOSED, minutes=minutes[s.pk],
            signed=signed[s.pk], confirmed=min(len(confirmed_minutes.get(s.pk, ())), signed[s.pk]),
            is_published=s.pk in published,
        )  # fmt: skip
        step = core_day.station_stage(facts)
        rows.append(StationRow(s, step, _may(actor, step.step, s, members, confirmed_by)))
    return rows


def _may(
    actor: Actor, step: core_day.Step, s: Station, members: set[tuple[int, int]], confirmed_by: set[tuple[int, int]]
) -> bool:
    target = target_of(s.unit)
    if step in (core_day.Step.CLOSE, core_day.Step.SIGN):
        return allows(actor, RUN_STATION, target)
    if step is core_day.Step.CONFIRM:
        mine = actor.person_id is not None and (s.pk, actor.person_id) in members
        return mine and (s.pk, actor.person_id) not in confirmed_by and allows(actor, RUN_STATION, target)
    if step is core_day.Step.PUBLISH_STATION:
        return allows(actor, PUBLISH, target)
    return False


def _constituency_rows(actor: Actor, constituencies: list[Constituency]) -> list[ConstituencyRow]:
    pks = [c.pk for c in constituencies]
    served = Station.constituencies.through.objects.filter(constituency_id__in=pks)
    totals = Counter(served.values_list("constituency_id", flat=True))
    pairs = StationPublication.objects.filter(constituency_id__in=pks).values_list("constituency_id", "station_id")
    published = Counter(c for c, _ in set(pairs))
    results = {r.constituency_id: r for r in ConstituencyResult.objects.filter(constituency_id__in=pks)}
    rows = []
    for c in constituencies:
        stored = results.get(c.pk)
        facts = core_day.ConstituencyFacts(
            stations=totals.get(c.pk, 0), published_stations=published.get(c.pk, 0),
            is_aggregated=stored is not None, is_published=stored is not None and stored.is_published,
        )  # fmt: skip
        step = core_day.constituency_stage(facts)
        may = step.step is not core_day.Step.NONE and allows(actor, PUBLISH, target_of(c.unit))
        rows.append(ConstituencyRow(c, facts.stations, facts.published_stations, step, may))
    return rows


def build(actor: Actor, *, unit_code: str | None = None) -> Day:
    """The day in the viewer's unit (or the unit of ``unit_code`` under it); OutOfScope otherwise."""
    root = root_unit(actor, unit_code)
    election_round = ElectionRound.objects.order_by("-number").first()
    if election_round is None:
        return Day(None, root, [], [], [])
    stations = list(
        Station.objects.filter(_under("unit__path", root.path), election_round=election_round)
        .select_related("unit").order_by("code")
    )  # fmt: skip
    served = Station.constituencies.through.objects.filter(station_id__in=[s.pk for s in stations])
    constituencies = list(
        Constituency.objects.filter(
            Q(pk__in=served.values("constituency_id")) | _under("unit__path", root.path),
            election_round=election_round, is_voting=True,
        ).select_related("unit").order_by("name")
    )  # fmt: skip
    rows = _station_rows(actor, election_round, stations)
    counts = Counter(r.next.stage for r in rows)
    stage_counts = [(core_day.STATION_LABELS[s], counts[s]) for s in core_day.StationStage if counts[s]]
    return Day(election_round, root, rows, _constituency_rows(actor, constituencies), stage_counts)
