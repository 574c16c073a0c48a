"""The indicator side of gaps: need flags from the indicators app, when it is installed.

``ostan.indicators.selectors.need_flags`` answers, per unit, the indicators worse than their threshold or
target in a window. Until that app is part of the site, gaps are the action side alone (units where no
action runs) and the pages say so (``flags_for`` returns None).
"""

from __future__ import annotations

from collections.abc import Mapping

from django.apps import apps

from ostan.core.network import Period
from ostan.network.selectors import SETTLEMENT_KINDS
from ostan.territory.models import Unit


def flags_for(unit: Unit, period: Period) -> Mapping[int, list[object]] | None:
    if not apps.is_installed("ostan.indicators"):
        return None
    from ostan.indicators.selectors import need_flags  # type: ignore[import-not-found]

    ids = list(
        Unit.objects.filter(path__startswith=unit.path + "/", kind__in=SETTLEMENT_KINDS).values_list("pk", flat=True)
    )
    found: Mapping[int, list[object]] = need_flags(
        unit_ids=ids, period_start=period.first_day, period_end=period.last_day
    )
    return {k: list(v) for k, v in found.items() if v}
