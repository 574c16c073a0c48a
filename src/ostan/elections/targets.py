"""Where the constituencies and candidates the election pages name lie: at the constituency's unit."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ostan.access.locators import locator, whole_number
from ostan.core.access import Target
from ostan.core.errors import NotFound
from ostan.elections.models import Constituency
from ostan.elections.selectors import NOT_FOUND
from ostan.territory.scope import target_of


@locator("constituency", conceal=True)
@locator("candidate", conceal=True)
def constituency(pk: object, **_: Any) -> Target | None:
    number = whole_number(pk)
    if number is None:
        return None
    found = Constituency.objects.select_related("unit").filter(pk=number).first()
    if found is None:
        raise NotFound(NOT_FOUND)
    return replace(target_of(found.unit), is_public=found.is_published)
