"""Targets: a unit's aim for an indicator in a Jalali year, set by the unit's governor or the governorate."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction

from ostan.auditlog.actions import action, record
from ostan.core.access import Actor, ensure
from ostan.indicators import generations
from ostan.indicators.errors import IndicatorNotFound, InvalidTarget
from ostan.indicators.events import IndicatorEvent
from ostan.indicators.models import Indicator, Target
from ostan.indicators.permissions import MANAGE_TARGETS
from ostan.territory.models import Unit
from ostan.territory.scope import target_of

YEAR_MIN, YEAR_MAX = 1390, 1500  # Jalali years a target may name


@action()
def set_target(
    *, actor: Actor, indicator_code: str, unit: Unit, year: int, value: Decimal, baseline: Decimal | None = None
) -> Target:
    """Set (or replace) ``unit``'s target for the indicator in ``year``."""
    ensure(actor, MANAGE_TARGETS, target_of(unit))
    if not YEAR_MIN <= year <= YEAR_MAX:
        raise InvalidTarget("سال هدف را به خورشیدی بنویسید (مثلاً ۱۴۰۵).", details={"field": "year"})
    with transaction.atomic(durable=True):
        indicator = Indicator.objects.filter(code=indicator_code, is_active=True).first()
        if indicator is None:
            raise IndicatorNotFound("چنین شاخصی در فهرست نیست.", details={"field": "indicator"})
        target = Target.objects.select_for_update().filter(indicator=indicator, unit=unit, year=year).first()
        before = None if target is None else {"value": str(target.value), "baseline": str(target.baseline)}
        target = target or Target(indicator=indicator, unit=unit, year=year)
        target.value, target.baseline = value, baseline
        target.save()
        generations.bump()
        record(
            actor=actor, event=IndicatorEvent.TARGET_SET, obj=target, unit=unit, before=before,
            after={"indicator": indicator.code, "year": year, "value": str(value), "baseline": str(baseline)},
        )  # fmt: skip
    return target
