"""Charts drawn on the server as SVG: Persian, right to left, accessible, with no script and no CDN.

A pure core: build a frozen chart (:class:`BarChart`, :class:`GroupedBarChart`, :class:`LineChart`,
:class:`Choropleth`, :class:`LocatorMap`), call :func:`render`, and put the returned :class:`Figure`'s
SVG, legend and table into a page (the web app's ``charts`` template tags do that). See docs/charts.md for the rules.
"""

from ostan.core.charts.breaks import DEFAULT_CLASSES, MAX_CLASSES, Breaks, fixed_breaks, quantile_breaks
from ostan.core.charts.errors import InvalidBreaks, InvalidChart, InvalidRegion
from ostan.core.charts.figure import Cell, DataTable, Figure, LegendEntry
from ostan.core.charts.locator import project, view_box_around
from ostan.core.charts.markup import escape
from ostan.core.charts.model import (
    Bar,
    BarChart,
    Choropleth,
    GroupedBarChart,
    LineChart,
    LocatorMap,
    MapPoint,
    MapRegion,
    Measure,
    Series,
)
from ostan.core.charts.palettes import HIGH_CONTRAST, MAX_SERIES, PALETTES, STANDARD, Palette, palette_named
from ostan.core.charts.render import Chart, render
from ostan.core.charts.ticks import Scale, nice_scale
from ostan.core.charts.values import Number, format_value

__all__ = [
    "DEFAULT_CLASSES",
    "HIGH_CONTRAST",
    "MAX_CLASSES",
    "MAX_SERIES",
    "PALETTES",
    "STANDARD",
    "Bar",
    "BarChart",
    "Breaks",
    "Cell",
    "Chart",
    "Choropleth",
    "DataTable",
    "Figure",
    "GroupedBarChart",
    "InvalidBreaks",
    "InvalidChart",
    "InvalidRegion",
    "LegendEntry",
    "LineChart",
    "LocatorMap",
    "MapPoint",
    "MapRegion",
    "Measure",
    "Number",
    "Palette",
    "Scale",
    "Series",
    "escape",
    "fixed_breaks",
    "format_value",
    "nice_scale",
    "palette_named",
    "project",
    "quantile_breaks",
    "render",
    "view_box_around",
]
