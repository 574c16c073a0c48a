"""Reporting completeness (DHIS2's reporting rates) of the neighbourhoods and villages under an area.

Every neighbourhood and village owes one report per period: a report is at least one entered value of
the period's kind; it is on time when its first value came within ``DEADLINE_DAYS`` of the period's end.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db.models import Min

from ostan.core.network import Period, PeriodKind, Report, periods_between, reporting_completeness
from ostan.core.network.reporting import CompletenessReport
from ostan.indicators.models import Value
from ostan.territory.models import Unit, UnitKind
from ostan.territory.scope import path_q

DEADLINE_DAYS = 10  # the network's own practice: a month's figures by the tenth of the next
REPORTING_KINDS = (UnitKind.NEIGHBOURHOOD, UnitKind.VILLAGE)
TEHRAN = ZoneInfo("Asia/Tehran")


@dataclass(frozen=True)
class Completeness:
    area: Unit
    periods: tuple[Period, ...]
    units: tuple[Unit, ...]
    report: CompletenessReport


def completeness(*, area: Unit, first: Period, last: Period) -> Completeness:
    periods = periods_between(first, last)
    units = tuple(Unit.objects.filter(path_q(area.path), kind__in=REPORTING_KINDS).order_by("path"))
    rows = (
        Value.objects.filter(
            path_q(area.path, "unit__path"),
            period_kind=first.kind.value,
            starts_on__gte=first.first_day,
            starts_on__lte=last.first_day,
        )
        .values("unit__path", "year", "number")
        .annotate(first_at=Min("entered_at"))
    )
    reports = [
        Report(r["unit__path"], Period(PeriodKind(first.kind), r["year"], r["number"]), _day(r["first_at"]))
        for r in rows
    ]
    report = reporting_completeness([u.path for u in units], periods, reports, deadline_days=DEADLINE_DAYS)
    return Completeness(area, periods, units, report)


def _day(moment: dt.datetime | None) -> dt.date | None:
    return None if moment is None else moment.astimezone(TEHRAN).date()
