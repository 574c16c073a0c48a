"""Where the units pages and API operations name lie, for the guards (see ``ostan.access.locators``)."""

from __future__ import annotations

from typing import Any

from ostan.access.locators import locator
from ostan.core.access import Target
from ostan.core.errors import NotFound
from ostan.territory.models import Unit
from ostan.territory.scope import target_of
from ostan.territory.selectors import CODE_PATTERN


@locator("unit")
def unit(code: str, **_: Any) -> Target | None:
    if not CODE_PATTERN.fullmatch(str(code)):
        return None  # the view's own lookup answers (not found)
    found = Unit.objects.filter(code=str(code)).only("path", "name").first()
    if found is None:
        raise NotFound(f"واحدی با کد «{code}» یافت نشد.")
    return target_of(found)
