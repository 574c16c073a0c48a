"""The one entry point: any chart in, a :class:`Figure` (SVG, legend, data table) out."""

from __future__ import annotations

import re

from ostan.core.charts.bars import render_bar_chart
from ostan.core.charts.choropleth import render_choropleth
from ostan.core.charts.errors import InvalidChart
from ostan.core.charts.figure import Figure
from ostan.core.charts.groups import render_grouped_bar_chart
from ostan.core.charts.lines import render_line_chart
from ostan.core.charts.locator import render_locator
from ostan.core.charts.model import BarChart, Choropleth, GroupedBarChart, LineChart, LocatorMap
from ostan.core.charts.palettes import STANDARD, Palette

type Chart = BarChart | GroupedBarChart | LineChart | Choropleth | LocatorMap

# Element ids inside a page: the caller picks a prefix unique to the page (two charts must not share one).
_ID_PREFIX = re.compile(r"[a-z][a-z0-9-]{0,63}")


def render(chart: Chart, *, palette: Palette = STANDARD, id_prefix: str = "chart") -> Figure:
    """Draw ``chart`` as escaped SVG with its legend and data table; pure and deterministic."""
    if not _ID_PREFIX.fullmatch(id_prefix):
        raise InvalidChart("پیشوند شناسهٔ نمودار باید با حرف کوچک لاتین آغاز شود.", details={"path": "id_prefix"})
    match chart:
        case BarChart():
            return render_bar_chart(chart, palette=palette, id_prefix=id_prefix)
        case GroupedBarChart():
            return render_grouped_bar_chart(chart, palette=palette, id_prefix=id_prefix)
        case LineChart():
            return render_line_chart(chart, palette=palette, id_prefix=id_prefix)
        case Choropleth():
            return render_choropleth(chart, palette=palette, id_prefix=id_prefix)
        case LocatorMap():
            return render_locator(chart, palette=palette, id_prefix=id_prefix)
    raise InvalidChart("این گونه نمودار شناخته نیست.", details={"path": "chart"})
