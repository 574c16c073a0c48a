"""Where the indicators pages name lie: an indicator belongs to no unit (the role alone decides)."""

from __future__ import annotations

from typing import Any

from ostan.access.locators import locator
from ostan.core.access import NOWHERE, Target
from ostan.indicators.errors import IndicatorNotFound
from ostan.indicators.models import Indicator


@locator("indicator")
def indicator(indicator: object = None, **_: Any) -> Target | None:
    if indicator is None:
        return None
    if not Indicator.objects.filter(code=str(indicator)).exists():
        raise IndicatorNotFound("چنین شاخصی در فهرست نیست.")
    return NOWHERE
