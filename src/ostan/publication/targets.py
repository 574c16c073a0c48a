"""Where the results pages name lie, for the guards (see ``ostan.access.locators``)."""

from __future__ import annotations

from typing import Any

from ostan.access.locators import locator
from ostan.core.access import Target
from ostan.territory.targets import unit


@locator("unit_round")
def unit_in_round(code: str, **_: Any) -> Target | None:
    """A unit's totals in one round: they lie where the unit lies (a round is national)."""
    return unit(code)
