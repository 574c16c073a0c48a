"""Which kind of settlement a constituency is, for the seat table: cities, villages, and Tehran's own row."""

from __future__ import annotations

from ostan.core.text import search_key
from ostan.elections.models import ConstituencyKind
from ostan.territory.models import Unit, UnitKind

TEHRAN_KEY = search_key("تهران")
KIND_UNITS = {
    ConstituencyKind.CITY_COUNCIL: {UnitKind.CITY},
    ConstituencyKind.VILLAGE_COUNCIL: {UnitKind.VILLAGE},
    ConstituencyKind.PROPORTIONAL: {UnitKind.CITY},
}


def settlement_of(unit: Unit, kind: str) -> str:
    """The core's seat-table row: Tehran's constituency has its own row (21 members, 11 alternates)."""
    if kind == ConstituencyKind.VILLAGE_COUNCIL:
        return "village"
    if kind == ConstituencyKind.PROPORTIONAL and unit.search_key == TEHRAN_KEY:
        return "tehran"
    return "city"
