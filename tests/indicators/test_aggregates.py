"""The database's totals, finished by the core, give what the core's roll-up over every value gives."""

from __future__ import annotations

from decimal import Decimal

from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ostan.core.network import IndicatorValue, Period, rollup_indicator
from ostan.core.network.totals import finish
from ostan.indicators.aggregates import area_totals, period_totals
from ostan.indicators.catalogue import core_catalogue
from ostan.indicators.models import Indicator, Value
from ostan.territory.models import Unit
from tests.indicators.conftest import Lab, make_catalogue

M1, M2 = Period.month(1405, 1), Period.month(1405, 2)
amounts = st.one_of(st.none(), st.integers(0, 5000), st.decimals(0, 100, places=2, allow_nan=False))


def _store(indicator: Indicator, unit: object, period: Period, value: Decimal | int) -> None:
    Value.objects.create(
        indicator=indicator, unit=unit, period_kind="month", year=period.year, number=period.number,
        starts_on=period.first_day, ends_on=period.last_day, value=Decimal(value), entered_at=timezone.now(),
    )  # fmt: skip


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(st.lists(amounts, min_size=24, max_size=24))
def test_sql_totals_equal_the_core_roll_up(lab: Lab, drawn: list[Decimal | int | None]) -> None:
    Value.objects.all().delete()
    made = {i.code: i for i in Indicator.objects.all()} or make_catalogue()
    units = [lab.north, lab.south, lab.world.village_a]
    codes = ["births", "deaths", "literacy", "wait"]
    listed: list[IndicatorValue] = []
    cells = iter(drawn)
    for code in codes:
        for unit in units:
            for period in (M1, M2):
                value = next(cells)
                if value is not None:
                    _store(made[code], unit, period, value)
                    listed.append(IndicatorValue(code, unit.path, period, value))
    catalogue = core_catalogue()
    populations = dict(Unit.objects.filter(pk__in=[u.pk for u in units]).values_list("path", "population"))
    for code in [*codes, "imr"]:
        indicator = made[code]
        for area in (lab.world.province, lab.world.county_a, lab.world.city_a):
            totals = area_totals(indicator=indicator, area=area, first=M1, last=M2)
            for period in (M1, M2):
                core = rollup_indicator(catalogue, code, listed, period=period, populations=populations)
                expected = core.get(area.path)
                found = totals.get((period, area.path))
                if expected is None:
                    assert found is None
                    continue
                assert found is not None
                rolled = finish(catalogue.get(code), area.path, found)
                assert (rolled.value, rolled.reporting_units) == (expected.value, expected.reporting_units), code
        by_child = area_totals(indicator=indicator, area=lab.world.province, first=M1, last=M2, by_child=True)
        assert {path for _, path in by_child} <= {lab.world.county_a.path, lab.world.county_b.path}
    many = period_totals(indicators=list(made.values()), area=lab.world.county_a, periods=[M1, M2])
    for (indicator_id, period), totals in many.items():
        indicator = next(i for i in made.values() if i.pk == indicator_id)
        assert (
            totals
            == area_totals(indicator=indicator, area=lab.world.county_a, first=period, last=period)[
                (period, lab.world.county_a.path)
            ]
        )
