"""Where the organisations the registry pages name lie: at their seat."""

from __future__ import annotations

from typing import Any

from ostan.access.entries import CODE_PATTERN
from ostan.access.locators import locator
from ostan.access.models import Organisation
from ostan.core.access import Target
from ostan.core.errors import NotFound
from ostan.territory.scope import target_of


@locator("organisation")
def organisation(code: str, **_: Any) -> Target | None:
    if not CODE_PATTERN.fullmatch(str(code)):
        return None
    found = Organisation.objects.select_related("seat").filter(code=str(code)).first()
    if found is None:
        raise NotFound(f"سازمانی با کد «{code}» یافت نشد.")
    return target_of(found.seat)
