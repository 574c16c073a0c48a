"""The chart core's refusals: each a DomainError with a stable code and a Persian message."""

from __future__ import annotations

from ostan.core.errors import DomainError


class InvalidChart(DomainError):
    """A chart's input cannot be drawn honestly (lengths disagree, a value is not a finite number, ...)."""

    code = "chart_invalid"


class InvalidBreaks(DomainError):
    """Class breaks for a choropleth are not ascending, or ask for more classes than can be told apart."""

    code = "chart_breaks_invalid"


class InvalidRegion(DomainError):
    """A map region's path or link is not one the core will put into a page."""

    code = "chart_region_invalid"
