"""need_flags: the latest value in the window against the unit's target, else the catalogue's threshold."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from ostan.core.network import Period
from ostan.indicators.models import Indicator, Target, Value
from ostan.indicators.selectors import need_flags
from tests.elections.world import make_world


def _indicator(code: str, direction: str, aggregation: str = "sum", **fields: object) -> Indicator:
    return Indicator.objects.create(
        code=code, name=f"شاخص {code}", search_key=code, unit_of_measure="نفر", direction=direction,
        aggregation=aggregation, source="آزمون", **fields,
    )  # fmt: skip


def _value(indicator: Indicator, unit: object, period: Period, value: int | str) -> None:
    Value.objects.create(
        indicator=indicator, unit=unit, period_kind=period.kind.value, year=period.year, number=period.number,
        starts_on=period.first_day, ends_on=period.last_day, value=Decimal(value), entered_at=timezone.now(),
    )  # fmt: skip


@pytest.mark.django_db
def test_latest_value_in_window_is_compared_by_direction_target_first() -> None:
    world = make_world()
    city, village = world.city_a, world.village_a
    unemployment = _indicator("unemployment", "lower", "mean", poor_threshold=Decimal(12))
    vaccinated = _indicator("vaccinated", "higher", "mean", poor_threshold=Decimal(90))
    _indicator("no_limit", "higher")  # neither threshold nor target: never flagged
    births = _indicator("births", "higher")
    deaths = _indicator("deaths", "lower")
    _indicator("imr", "lower", "ratio", numerator=deaths, denominator=births, factor=1000, poor_threshold=Decimal(20))
    farvardin, ordibehesht, khordad = (Period.month(1405, m) for m in (1, 2, 3))
    _value(unemployment, city, farvardin, 15)  # poor, but not the latest in the window
    _value(unemployment, city, ordibehesht, 10)  # latest in the window: fine
    _value(unemployment, city, khordad, 30)  # outside the window
    _value(unemployment, village, ordibehesht, 13)  # poor by the threshold
    _value(vaccinated, village, ordibehesht, 92)  # above the threshold of 90 ...
    Target.objects.create(
        indicator=vaccinated, unit=world.county_a, year=1405, value=95
    )  # ... but the county aims at 95
    _value(births, city, ordibehesht, 400)
    _value(deaths, city, ordibehesht, 10)  # 25 per thousand: poor
    _value(births, village, ordibehesht, 0)  # a zero denominator gives no ratio
    _value(deaths, village, ordibehesht, 1)

    flags = need_flags(
        unit_ids=[city.pk, village.pk, world.city_b.pk],
        period_start=farvardin.first_day,
        period_end=ordibehesht.last_day,
    )

    assert flags[world.city_b.pk] == []
    city_flags = {f.code: f for f in flags[city.pk]}
    assert set(city_flags) == {"imr"}
    assert city_flags["imr"].value == Decimal("25.0000")
    assert city_flags["imr"].threshold == Decimal(20)
    assert not city_flags["imr"].is_target
    assert city_flags["imr"].period == "1405-02"
    village_flags = {f.code: f for f in flags[village.pk]}
    assert set(village_flags) == {"unemployment", "vaccinated"}
    assert village_flags["vaccinated"].is_target
    assert village_flags["vaccinated"].threshold == Decimal(95)
    assert village_flags["unemployment"].name == "شاخص unemployment"
    assert village_flags["unemployment"].direction == "lower"


@pytest.mark.django_db
def test_no_units_no_query() -> None:
    assert need_flags(unit_ids=[], period_start=dt.date(2026, 1, 1), period_end=dt.date(2026, 2, 1)) == {}
