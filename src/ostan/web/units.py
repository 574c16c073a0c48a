"""The one page per territorial unit: the territory's own facts, then every installed area's summary of the
unit, each filtered by what the viewer may see and linking into its area.

The territory is a base layer and knows no area, so the joined page is the site's. Its registry is what is
installed: every ``ostan.*`` app with a ``summaries`` module provides ``unit_summary(*, actor, unit)``
(None when the viewer may see nothing of it there) and the partial template ``<area>/_unit_summary.html``,
which gets the summary as ``summary``. An area not yet installed simply is not listed.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any, cast

from django.apps import apps
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ostan.access.guards import guarded
from ostan.core.access import Actor, acting
from ostan.territory import views as territory_views
from ostan.territory.models import Unit
from ostan.territory.permissions import READ_UNITS

Summarise = Callable[..., object]


@dataclass(frozen=True)
class AreaSummary:
    area: str
    template: str
    summary: object


@cache
def registry() -> tuple[tuple[str, Summarise], ...]:
    """(area label, its ``unit_summary``) for each installed app that has summaries, in INSTALLED_APPS order."""
    found = []
    for config in apps.get_app_configs():
        name = f"{config.name}.summaries"
        if not config.name.startswith("ostan.") or importlib.util.find_spec(name) is None:
            continue
        module = importlib.import_module(name)
        found.append((config.label, cast(Summarise, module.unit_summary)))
    return tuple(found)


def summaries(actor: Actor, unit: Unit) -> list[AreaSummary]:
    shown = []
    for area, summarise in registry():
        summary = summarise(actor=actor, unit=unit)
        if summary is not None:
            shown.append(AreaSummary(area, f"{area}/_unit_summary.html", summary))
    return shown


@guarded(READ_UNITS, target="unit")
def unit_page(request: HttpRequest, code: str) -> HttpResponse:
    context: dict[str, Any] = territory_views.unit_context(request, code)
    context["areas"] = summaries(acting(request), cast(Unit, context["unit"]))
    return render(request, "web/unit.html", context)
