"""Where the object a URL names lies, for the guard to check the policy before the view reads any input.

Each app registers its target kinds in its ``targets.py`` with :func:`locator`: a function from the URL's
parameters to the policy's ``Target`` (raising ``NotFound`` for an object that does not exist). A kind with
no locator is checked by the view itself, through the same capability.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import cache
from typing import Any

from django.apps import apps
from django.db.models import Model, QuerySet

from ostan.core.access import Target
from ostan.core.errors import NotFound

Locate = Callable[..., Target | None]
_LOCATORS: dict[str, Locate] = {}
# Kinds whose objects out of reach are reported as missing, not as forbidden: an official learns nothing
# of the accounts, stations and unpublished constituencies elsewhere, not even that they exist.
CONCEALED: set[str] = set()


def locator(kind: str, *, conceal: bool = False) -> Callable[[Locate], Locate]:
    def register(locate: Locate) -> Locate:
        if kind in _LOCATORS and _LOCATORS[kind] is not locate:
            raise ValueError(f"two locators for target kind {kind!r}")
        _LOCATORS[kind] = locate
        if conceal:
            CONCEALED.add(kind)
        return locate

    return register


@cache
def _discovered() -> None:
    for config in apps.get_app_configs():
        if config.name.startswith("ostan."):
            try:
                importlib.import_module(f"{config.name}.targets")
            except ModuleNotFoundError as exc:
                if exc.name != f"{config.name}.targets":
                    raise


def find(kind: str) -> Locate | None:
    _discovered()
    return _LOCATORS.get(kind)


def locate(kind: str, params: dict[str, Any]) -> Target | None:
    """Where the object lies; None when the kind has no locator or the parameters name no object at all
    (an API path's ``{pk}`` arrives unparsed: the operation's own validation then answers)."""
    found = find(kind)
    return None if found is None else found(**params)


def whole_number(value: object) -> int | None:
    """A URL parameter as the id it should be, or None when it is no number (``"null"``, ``"1e3"``).

    A negative number is an id too (one no object has): the operation would parse ``-5`` as a whole
    number, so the locator must look it up and answer "not found", not leave it to the operation."""
    if isinstance(value, int):
        return value
    text = str(value)
    digits = text[1:] if text.startswith("-") else text
    if not (digits.isascii() and digits.isdigit()):
        return None
    # More digits than any id has: the operation would still parse it as a number, so it is looked up as
    # the id no object has (ids start at 1) and answered "not found".
    return int(text) if len(digits) <= 18 else 0


def row_named[M: Model](rows: QuerySet[M], pk: object, missing: NotFound) -> M | None:
    """The row a URL's ``pk`` names: None when ``pk`` is no number (the view's own parsing answers),
    ``missing`` raised when no row has that id. Every locator of a row by its id reads it this way."""
    number = whole_number(pk)
    if number is None:
        return None
    found = rows.filter(pk=number).first()
    if found is None:
        raise missing
    return found
