"""The demo: idempotent, with poor neighbourhoods the network's gaps can find, and a unit summary."""

from __future__ import annotations

import pytest
from django.utils import timezone

from ostan.core.network import PeriodKind, period_containing
from ostan.indicators.demo import create_demo_indicators
from ostan.indicators.models import Indicator, Value
from ostan.indicators.selectors import need_flags
from ostan.indicators.summaries import unit_summary
from ostan.territory.models import Unit, UnitKind
from tests.actors import as_actor
from tests.indicators.conftest import Lab


@pytest.mark.django_db
def test_demo_makes_values_once_and_a_gap_appears(lab: Lab) -> None:
    county = lab.world.county_a
    lines = create_demo_indicators(county_code=county.code)
    assert lines
    count = Value.objects.count()
    assert count > 1000
    assert Indicator.objects.count() >= 10
    create_demo_indicators(county_code=county.code)
    assert Value.objects.count() == count
    units = list(Unit.objects.filter(path__startswith=county.path + "/", kind=UnitKind.NEIGHBOURHOOD))
    month = period_containing(timezone.localdate(), PeriodKind.MONTH)
    last = month.previous()
    flags = need_flags(unit_ids=[u.pk for u in units], period_start=last.first_day, period_end=last.last_day)
    assert any(flags.values())  # the poor neighbourhoods
    summary = unit_summary(actor=as_actor(lab.secretary), unit=lab.world.city_a)
    assert summary.is_full
    assert summary.with_values >= 8
    assert summary.poor >= 1
    public = unit_summary(actor=as_actor(None), unit=lab.world.city_a)
    assert not public.is_full
    assert public.reported is None
