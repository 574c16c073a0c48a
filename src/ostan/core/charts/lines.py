"""A line chart (turnout by hour): the first point at the right, time running leftwards as text does.

Each series differs by colour, dash and marker; a missing figure (None) breaks the line rather than
dropping it to zero. The y axis and its labels stand at the right, beside the first point.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from decimal import Decimal

from ostan.core.charts.figure import Cell, DataTable, Figure, LegendEntry
from ostan.core.charts.frame import ANCHOR_RIGHT, FONT, PAD, TICK_FONT
from ostan.core.charts.labels import text_width
from ostan.core.charts.marks import DASHES, MARKERS, line_swatch, marker
from ostan.core.charts.markup import AttrValue, element, num, svg_root, text, title, view_box
from ostan.core.charts.model import LineChart, Series
from ostan.core.charts.palettes import Palette
from ostan.core.charts.ticks import Scale, nice_scale
from ostan.core.charts.values import Number, as_decimal, format_value
from ostan.core.text import format_number

WIDTH = 400.0
HEIGHT = 220.0
PLOT_TOP = 12.0
X_BAND = 26.0  # under the plot: the x labels
MARKER_RADIUS = 3.5
LABEL_SPACING = 1.3  # an x label shows only if its neighbours leave 30% of its width free
NO_FIGURE = "—"
EMPTY_MESSAGE = "داده‌ای برای نمایش نیست."


def render_line_chart(chart: LineChart, *, palette: Palette, id_prefix: str) -> Figure:
    description = chart.description or describe_lines(chart)
    body = _plot(chart, palette) if chart.x_labels and chart.series else _empty(palette)
    svg = svg_root(
        id_prefix=id_prefix,
        box=view_box(WIDTH, HEIGHT),
        title_text=chart.title,
        description=description,
        body=body,
        kind="line",
    )
    legend = tuple(
        LegendEntry(s.name, line_swatch(palette.series[i], dash=DASHES[i], shape=MARKERS[i], width=palette.line_width))
        for i, s in enumerate(chart.series)
    )
    return Figure("line", chart.title, description, svg, legend, _table(chart))


def _empty(palette: Palette) -> str:
    return text(
        EMPTY_MESSAGE,
        {"x": WIDTH / 2, "y": HEIGHT / 2, "text-anchor": "middle", "font-size": FONT, "fill": palette.muted},
    )


def _scale(chart: LineChart) -> Scale:
    values = [as_decimal(v) for s in chart.series for v in s.values if v is not None]
    low, high = min(values, default=Decimal(0)), max(values, default=Decimal(0))
    if chart.is_zero_based:
        low, high = min(low, Decimal(0)), max(high, Decimal(0))
    return nice_scale(low, high)


def _shown(chart: LineChart, value: Number | None, decimals: int | None = None) -> str:
    m = chart.measure
    if value is None:
        return NO_FIGURE
    return format_value(value, decimals=m.decimals if decimals is None else decimals, suffix=m.suffix)


def _plot(chart: LineChart, palette: Palette) -> str:
    scale = _scale(chart)
    tick_texts = [_shown(chart, t, scale.decimals) for t in scale.ticks]
    axis_x = WIDTH - PAD - max(text_width(t, TICK_FONT) for t in tick_texts) - 6  # the y axis, at the right
    label_half = max(text_width(x, TICK_FONT) for x in chart.x_labels) / 2
    first_x, last_x = axis_x - max(10.0, label_half), PAD + max(4.0, label_half)
    bottom = HEIGHT - X_BAND
    n = len(chart.x_labels)
    step = (first_x - last_x) / (n - 1) if n > 1 else 0.0
    xs = [first_x - i * step if n > 1 else (first_x + last_x) / 2 for i in range(n)]

    def y_of(value: Number) -> float:
        return bottom - scale.position(value) * (bottom - PLOT_TOP)

    ys = [y_of(t) for t in scale.ticks]
    axes = _axes(chart, (tick_texts, ys), xs, (last_x - 4, axis_x, bottom), palette)
    lines = [_series(chart, s, j, xs, y_of, palette) for j, s in enumerate(chart.series)]
    return axes + "".join(lines)


def _axes(
    chart: LineChart,
    ticks: tuple[list[str], list[float]],
    xs: list[float],
    frame: tuple[float, float, float],
    palette: Palette,
) -> str:
    """Horizontal grid lines with their labels at the right, thinned x labels under the plot, the x axis."""
    left, axis_x, bottom = frame
    muted: dict[str, AttrValue] = {"font-size": TICK_FONT, "fill": palette.muted}
    grid = []
    for label, y in zip(*ticks, strict=True):
        grid.append(element("line", {"x1": left, "y1": y, "x2": axis_x, "y2": y, "stroke": palette.grid}))
        at: dict[str, AttrValue] = {
            "x": WIDTH - PAD,
            "y": y,
            "text-anchor": ANCHOR_RIGHT,
            "dominant-baseline": "central",
        }
        grid.append(text(label, {**at, **muted}))
    every = _label_stride(chart.x_labels, xs[0] - xs[1] if len(xs) > 1 else 0.0)
    for i, label in enumerate(chart.x_labels):
        if i % every == 0:
            grid.append(text(label, {"x": xs[i], "y": bottom + 15, "text-anchor": "middle", **muted}))
    grid.append(element("line", {"x1": left, "y1": bottom, "x2": axis_x, "y2": bottom, "stroke": palette.ink}))
    return element("g", {"class": "chart-axis", "aria-hidden": "true"}, *grid)


def _label_stride(labels: tuple[str, ...], step: float) -> int:
    """Show every k-th x label, k as small as keeps neighbouring labels from touching."""
    if step <= 0:
        return 1
    widest = max(text_width(x, TICK_FONT) for x in labels)
    return max(1, math.ceil(widest * LABEL_SPACING / step))


def _series(
    chart: LineChart, s: Series, j: int, xs: list[float], y_of: Callable[[Number], float], palette: Palette
) -> str:
    colour = palette.series[j]
    runs: list[list[tuple[float, float]]] = [[]]
    points = []
    for i, value in enumerate(s.values):
        if value is None:
            runs.append([])
            continue
        x, y = xs[i], y_of(value)
        runs[-1].append((x, y))
        points.append(
            element(
                "g",
                None,
                title(f"{s.name} — {chart.x_labels[i]}: {_shown(chart, value)}"),
                marker(MARKERS[j], x, y, MARKER_RADIUS, colour),
            )
        )
    paths = [
        element(
            "polyline",
            {
                "points": " ".join(f"{num(x)},{num(y)}" for x, y in run),
                "fill": "none",
                "stroke": colour,
                "stroke-width": palette.line_width,
                "stroke-dasharray": DASHES[j],
                "stroke-linejoin": "round",
                "stroke-linecap": "round",
            },
        )
        for run in runs
        if len(run) > 1
    ]
    return element("g", {"class": "chart-series"}, title(s.name), *paths, *points)


def _table(chart: LineChart) -> DataTable:
    columns = (chart.x_heading, *(s.name for s in chart.series))
    rows = tuple(
        (Cell(label), *(Cell(_shown(chart, s.values[i]), is_number=True) for s in chart.series))
        for i, label in enumerate(chart.x_labels)
    )
    return DataTable(columns, rows)


def describe_lines(chart: LineChart) -> str:
    if not chart.x_labels or not chart.series:
        return f"نمودار خطی «{chart.measure.name}»: {EMPTY_MESSAGE}"
    parts = [
        f"نمودار خطی «{chart.measure.name}» در {format_number(len(chart.x_labels))} نقطه، "
        f"از {chart.x_labels[0]} تا {chart.x_labels[-1]}."
    ]
    for s in chart.series:
        known = [(i, as_decimal(v)) for i, v in enumerate(s.values) if v is not None]
        if known:
            top = max(known, key=lambda p: p[1])
            parts.append(
                f"«{s.name}»: از {_shown(chart, s.values[known[0][0]])} تا {_shown(chart, s.values[known[-1][0]])}،"
                f" بیشترین {_shown(chart, s.values[top[0]])} در {chart.x_labels[top[0]]}."
            )
    return " ".join(parts)
