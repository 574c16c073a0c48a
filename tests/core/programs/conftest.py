"""Shared builders for the programmes core tests: days, moments in Tehran, small key projects."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ostan.core.jalali import TEHRAN
from ostan.core.programs import Indicator, KeyProject, Milestone, Reading

START = dt.date(2025, 3, 21)  # 1 Farvardin 1404
COUNTY = "IR/IR-07/IR-07-01"


def day(n: int) -> dt.date:
    """The window's day ``n`` counted from START (day 0)."""
    return START + dt.timedelta(days=n)


def noon(on: dt.date) -> dt.datetime:
    """Midday in Tehran on ``on``, as an aware moment."""
    return dt.datetime.combine(on, dt.time(12), tzinfo=TEHRAN)


def jobs(target: int = 100, *readings: tuple[int, int], baseline: int = 0) -> Indicator:
    """An employment indicator with readings given as (window day, value)."""
    return Indicator(
        code="jobs",
        name="اشتغال",
        baseline=Decimal(baseline),
        target=Decimal(target),
        readings=tuple(Reading(day(n), Decimal(v)) for n, v in readings),
    )


def project(
    milestones: tuple[Milestone, ...] = (),
    indicators: tuple[Indicator, ...] = (),
    *,
    length: int = 100,
    unit_path: str = COUNTY,
    id: str = "kp-1",
) -> KeyProject:
    return KeyProject(
        id=id,
        title="ساماندهی سکونتگاه‌های غیررسمی",
        unit_path=unit_path,
        starts_on=START,
        ends_on=day(length),
        milestones=milestones,
        indicators=indicators,
    )
