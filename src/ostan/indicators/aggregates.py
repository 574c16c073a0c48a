"""Roll-up totals added up by the database: one GROUP BY instead of every value through Python.

Measured reason (docs/performance.md): a province's five years of one monthly indicator are about
200,000 values; walking them through ``rollup_indicator`` takes seconds, a GROUP BY a fraction of one.
The database only adds up (count, Σ value, Σ value × population, Σ population, and for ratios Σ numerator
and Σ denominator over the units that reported both); ``ostan.core.network.totals.finish`` applies the
roll-up rules. One statement, written in SQL that PostgreSQL and SQLite both run, so there is no second
branch; ``tests/indicators/test_aggregates.py`` requires the same figures as the pure roll-up.

Unit paths are territory codes (``[0-9A-Za-z-]``), so they hold no LIKE wildcard.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.db import connection

from ostan.core.network import Period, PeriodKind
from ostan.core.network.totals import Totals
from ostan.indicators.models import Indicator, Value
from ostan.territory.models import Unit

type Grouped = dict[tuple[Period, str], Totals]

_VALUES, _UNITS = Value._meta.db_table, Unit._meta.db_table


def _number(value: object) -> Decimal | int:
    if value is None:
        return 0
    if isinstance(value, int | Decimal):
        return value
    return Decimal(str(value))  # SQLite hands sums of decimals back as floats


def _scope(area: Unit, by_child: bool) -> tuple[str, str, list[object]]:
    """The FROM joins, the group column and their parameters: the area itself, or each of its children."""
    if by_child:
        join = f"JOIN {_UNITS} c ON c.parent_id = %s AND (u.path = c.path OR u.path LIKE c.path || '/%%')"
        return join, "c.path", [area.pk]
    return "", "''", []


def area_totals(*, indicator: Indicator, area: Unit, first: Period, last: Period, by_child: bool = False) -> Grouped:
    """(period, area path or child path) → totals of ``indicator`` over the units under it, ``first``..``last``."""
    join, group, group_params = _scope(area, by_child)
    grouped = ", c.path" if by_child else ""
    where = "v.period_kind = %s AND v.starts_on >= %s AND v.starts_on <= %s AND (u.path = %s OR u.path LIKE %s)"
    window: list[object] = [first.kind.value, first.first_day, last.first_day, area.path, area.path + "/%"]
    if indicator.numerator_id is not None and indicator.denominator_id is not None:
        # A unit counts when it reported both parts: the numerator's rows joined to the denominator's of the
        # same unit and period (a third of the time of grouping both parts by unit and period, measured).
        sql = f"""
            SELECT n.year, n.number, {group} AS grp, COUNT(*), SUM(n.value), SUM(d.value)
            FROM {_VALUES} n
            JOIN {_VALUES} d ON d.indicator_id = %s AND d.unit_id = n.unit_id AND d.period_kind = n.period_kind
              AND d.year = n.year AND d.number = n.number
            JOIN {_UNITS} u ON u.id = n.unit_id {join}
            WHERE n.indicator_id = %s AND n.period_kind = %s AND n.starts_on >= %s AND n.starts_on <= %s
              AND (u.path = %s OR u.path LIKE %s)
            GROUP BY n.year, n.number{grouped}"""  # noqa: S608 — table names from the models, values as parameters
        params = [indicator.denominator_id, *group_params, indicator.numerator_id, *window]
        rows = _fetch(sql, params)
        return {
            (Period(first.kind, year, number), grp or area.path): Totals(
                count, _number(top), denominator=_number(bottom)
            )
            for year, number, grp, count, top, bottom in rows
        }
    sql = f"""
        SELECT v.year, v.number, {group} AS grp, COUNT(*), SUM(v.value), SUM(v.value * u.population),
          SUM(u.population), COUNT(u.population)
        FROM {_VALUES} v JOIN {_UNITS} u ON u.id = v.unit_id {join}
        WHERE v.indicator_id = %s AND {where}
        GROUP BY v.year, v.number{grouped}"""  # noqa: S608 — table names from the models, values as parameters
    rows = _fetch(sql, [*group_params, indicator.pk, *window])
    return {
        (Period(first.kind, year, number), grp or area.path): Totals(
            count, _number(total), _number(weighted), _number(weight), weighed
        )
        for year, number, grp, count, total, weighted, weight, weighed in rows
    }


def _fetch(sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [tuple(row) for row in cursor.fetchall()]


def kind_of(indicator: Indicator) -> PeriodKind:
    return PeriodKind(indicator.frequency)


def period_totals(
    *, indicators: Sequence[Indicator], area: Unit, periods: Sequence[Period]
) -> dict[tuple[int, Period], Totals]:
    """(indicator id, period) → totals under ``area`` for several summed or averaged indicators at once
    (one statement, for the dashboard); ratio indicators are asked one by one through :func:`area_totals`."""
    plain = [i for i in indicators if i.numerator_id is None]
    found: dict[tuple[int, Period], Totals] = {}
    if plain and periods:
        starts = sorted({p.first_day for p in periods})
        marks = ", ".join(["%s"] * len(starts))
        ids = ", ".join(["%s"] * len(plain))
        sql = f"""
            SELECT v.indicator_id, v.period_kind, v.year, v.number, COUNT(*), SUM(v.value),
              SUM(v.value * u.population), SUM(u.population), COUNT(u.population)
            FROM {_VALUES} v JOIN {_UNITS} u ON u.id = v.unit_id
            WHERE v.indicator_id IN ({ids}) AND v.starts_on IN ({marks}) AND (u.path = %s OR u.path LIKE %s)
            GROUP BY v.indicator_id, v.period_kind, v.year, v.number"""  # noqa: S608 — placeholders only
        params = [*(i.pk for i in plain), *starts, area.path, area.path + "/%"]
        wanted = set(periods)
        for indicator_id, kind, year, number, count, total, weighted, weight, weighed in _fetch(sql, params):
            period = Period(PeriodKind(kind), year, number)
            if period in wanted:
                found[(indicator_id, period)] = Totals(
                    count, _number(total), _number(weighted), _number(weight), weighed
                )
    for ratio in (i for i in indicators if i.numerator_id is not None):
        for period in {p for p in periods if p.kind.value == ratio.frequency}:
            rolled = area_totals(indicator=ratio, area=area, first=period, last=period)
            if (period, area.path) in rolled:
                found[(ratio.pk, period)] = rolled[(period, area.path)]
    return found
