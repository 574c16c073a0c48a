"""Reads of the indicators: the catalogue, values in a window, and which units' needs are poor.

Callers in other areas (the network's gaps, the key projects) use these selectors; they scope the units
they pass in themselves.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from django.db.models import Q

from ostan.core.access import Actor
from ostan.core.network import Direction, Period, PeriodKind
from ostan.core.network.indicators import VALUE_PLACES
from ostan.core.network.paths import lineage
from ostan.core.network.rounding import to_decimal
from ostan.core.network.targets import is_met
from ostan.core.text import search_key
from ostan.indicators.errors import IndicatorNotFound, UnitNotFound
from ostan.indicators.models import ComparisonRule, Indicator, Target, Value
from ostan.territory.models import Unit
from ostan.territory.scope import path_q

SEARCH_MAX = 100


@dataclass(frozen=True)
class NeedFlag:
    """An indicator whose latest value at a unit is worse than its target (or the catalogue's threshold)."""

    code: str
    name: str  # Persian, as shown
    value: Decimal
    threshold: Decimal  # the target or threshold the value misses
    is_target: bool  # True: the unit's (or an enclosing unit's) target for the year; False: the threshold
    period: str  # the value's period, canonical («1405-03»)
    unit_of_measure: str
    direction: str  # "higher" or "lower": which way is better


type _Latest = dict[tuple[int, int], tuple[Period, Decimal]]


def need_flags(*, unit_ids: Sequence[int], period_start: dt.date, period_end: dt.date) -> dict[int, list[NeedFlag]]:
    """For each unit, the indicators whose latest value in the window is worse than its target or threshold.

    A value is in the window when its period overlaps ``period_start``..``period_end`` (both inclusive).
    The comparison is by the indicator's direction of good: below the limit when higher is better, above
    it when lower is. A unit's target for the value's Jalali year speaks first (its own, else the nearest
    enclosing unit's); without one, the catalogue's poor threshold; an indicator with neither is never
    flagged. A ratio indicator is computed from its two parts' values of the same period (a zero
    denominator gives no value). Every unit asked about has a key, with an empty list when nothing is poor.
    """
    flags: dict[int, list[NeedFlag]] = {unit_id: [] for unit_id in unit_ids}
    if not flags:
        return flags
    indicators = list(Indicator.objects.filter(is_active=True))
    paths = dict(Unit.objects.filter(pk__in=flags).values_list("pk", "path"))
    latest = _latest_values(indicators, list(paths), period_start, period_end)
    targets = _targets(indicators, paths, latest)
    for row in sorted(indicators, key=lambda i: i.code):
        for unit_id in flags:
            found = latest.get((row.pk, unit_id))
            if found is None:
                continue
            period, value = found
            limit, is_target = _limit(row, targets, paths.get(unit_id, ""), period.year)
            if limit is not None and not is_met(Direction(row.direction), value, limit):
                flags[unit_id].append(
                    NeedFlag(
                        row.code, row.name, value, limit, is_target, str(period), row.unit_of_measure, row.direction
                    )
                )
    return flags


def _latest_values(indicators: Sequence[Indicator], unit_ids: Sequence[int], first: dt.date, last: dt.date) -> _Latest:
    """(indicator id, unit id) → the latest period with a value in the window and that value."""
    stored: dict[tuple[int, int, Period], Decimal] = {}
    rows = Value.objects.filter(unit_id__in=unit_ids, starts_on__lte=last, ends_on__gte=first).values_list(
        "indicator_id", "unit_id", "period_kind", "year", "number", "value"
    )
    for indicator_id, unit_id, kind, year, number, value in rows:
        stored[(indicator_id, unit_id, Period(PeriodKind(kind), year, number))] = value
    latest: _Latest = {}

    def keep(indicator_id: int, unit_id: int, period: Period, value: Decimal) -> None:
        seen = latest.get((indicator_id, unit_id))
        if seen is None or seen[0] < period:
            latest[(indicator_id, unit_id)] = (period, value)

    for (indicator_id, unit_id, period), value in stored.items():
        keep(indicator_id, unit_id, period, value)
    for row in indicators:
        if row.numerator_id is None or row.denominator_id is None:
            continue
        for (indicator_id, unit_id, period), top in stored.items():
            if indicator_id != row.numerator_id:
                continue
            bottom = stored.get((row.denominator_id, unit_id, period))
            if bottom:
                ratio = Fraction(top) / Fraction(bottom) * Fraction(row.factor)
                keep(row.pk, unit_id, period, to_decimal(ratio, VALUE_PLACES))
    return latest


def _targets(
    indicators: Sequence[Indicator], paths: dict[int, str], latest: _Latest
) -> dict[tuple[int, str, int], Decimal]:
    """(indicator id, unit path, year) → target, for the units asked about and every unit above them."""
    years = {period.year for period, _ in latest.values()}
    above = {path for unit_path in paths.values() for path in lineage(unit_path)}
    if not years or not above:
        return {}
    rows = Target.objects.filter(Q(unit__path__in=above), indicator__in=indicators, year__in=years).values_list(
        "indicator_id", "unit__path", "year", "value"
    )
    return {(indicator_id, path, year): value for indicator_id, path, year, value in rows}


def _limit(
    row: Indicator, targets: dict[tuple[int, str, int], Decimal], unit_path: str, year: int
) -> tuple[Decimal | None, bool]:
    for path in reversed(lineage(unit_path)) if unit_path else ():
        target = targets.get((row.pk, path, year))
        if target is not None:
            return target, True
    return row.poor_threshold, False


def catalogue(*, query: str = "", include_private: bool = False) -> list[Indicator]:
    found = Indicator.objects.select_related("numerator", "denominator").order_by("name")
    if not include_private:
        found = found.filter(is_public=True, is_active=True)
    for word in search_key(query[:SEARCH_MAX]).split():
        found = found.filter(search_key__contains=word)
    return list(found)


def indicator(code: str) -> Indicator:
    found = Indicator.objects.select_related("numerator", "denominator").filter(code=code).first()
    if found is None:
        raise IndicatorNotFound("چنین شاخصی در فهرست نیست.")
    return found


def unit(code: str) -> Unit:
    found = Unit.objects.filter(code=code).first()
    if found is None:
        raise UnitNotFound(f"واحدی با کد «{code}» یافت نشد.")
    return found


def default_area(actor: Actor) -> Unit | None:
    """Where a page opens: the actor's own unit, else the country."""
    if actor.unit_path:
        own = Unit.objects.filter(path=actor.unit_path).first()
        if own is not None:
            return own
    return Unit.objects.filter(parent__isnull=True).order_by("code").first()


def latest_period(row: Indicator, area: Unit) -> Period | None:
    """The latest period with a value of ``row`` (or of a ratio's numerator) at or under ``area``."""
    code_id = row.numerator_id or row.pk
    found = (
        Value.objects.filter(path_q(area.path, "unit__path"), indicator_id=code_id)
        .order_by("-starts_on")
        .values_list("period_kind", "year", "number")
        .first()
    )
    return None if found is None else Period(PeriodKind(found[0]), found[1], found[2])


def entered_indicators(kind: PeriodKind) -> list[Indicator]:
    """The indicators a form asks for in periods of ``kind``: active, entered (not ratios)."""
    return list(
        Indicator.objects.filter(is_active=True, frequency=kind.value, numerator__isnull=True)
        .exclude(aggregation="ratio")
        .order_by("name")
    )


def stored_values(*, unit: Unit, period: Period) -> dict[str, Decimal]:
    rows = Value.objects.filter(
        unit=unit, period_kind=period.kind.value, year=period.year, number=period.number
    ).values_list("indicator__code", "value")
    return {code: value.normalize() for code, value in rows}


def targets(*, unit: Unit) -> list[Target]:
    return list(Target.objects.filter(unit=unit).select_related("indicator").order_by("-year", "indicator__name"))


def rules() -> list[ComparisonRule]:
    return list(ComparisonRule.objects.select_related("left", "right").order_by("left__name"))


def outliers(*, area: Unit, limit: int = 50) -> list[Value]:
    return list(
        Value.objects.filter(path_q(area.path, "unit__path"), is_outlier=True)
        .select_related("indicator", "unit")
        .order_by("-starts_on")[:limit]
    )
