"""Every capability of the platform, gathered from each installed app's ``permissions.py``."""

from __future__ import annotations

import importlib
from functools import cache
from types import ModuleType

from django.apps import apps

from ostan.core.access import Capability, Catalogue


def _permission_modules() -> list[ModuleType]:
    modules = []
    for config in apps.get_app_configs():
        if not config.name.startswith("ostan."):
            continue
        try:
            modules.append(importlib.import_module(f"{config.name}.permissions"))
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.permissions":
                raise
    return modules


@cache
def catalogue() -> Catalogue:
    found: dict[str, Capability] = {}
    for module in _permission_modules():
        for value in vars(module).values():  # a module may also hold capabilities it imported: the same objects
            if isinstance(value, Capability) and found.setdefault(value.name, value) is not value:
                raise ValueError(f"two capabilities are named {value.name}")
    return Catalogue(tuple(sorted(found.values(), key=lambda c: c.name)))
