"""Reads of the territory tree."""

from __future__ import annotations

from ostan.territory.models import Unit


def unit_count() -> int:
    return Unit.objects.count()
