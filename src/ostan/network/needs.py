"""The indicator side of gaps: the indicators app's need flags (indicators worse than their target or
threshold in a window) for the neighbourhoods and villages under a unit."""

from __future__ import annotations

from ostan.core.network import Period
from ostan.indicators.selectors import NeedFlag, need_flags
from ostan.network.selectors import SETTLEMENT_KINDS
from ostan.territory.models import Unit


def flags_for(unit: Unit, period: Period) -> dict[int, list[NeedFlag]]:
    ids = list(
        Unit.objects.filter(path__startswith=unit.path + "/", kind__in=SETTLEMENT_KINDS).values_list("pk", flat=True)
    )
    if unit.kind in SETTLEMENT_KINDS:
        ids.append(unit.pk)
    found = need_flags(unit_ids=ids, period_start=period.first_day, period_end=period.last_day)
    return {k: v for k, v in found.items() if v}
