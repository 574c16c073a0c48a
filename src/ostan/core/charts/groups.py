"""Grouped and stacked horizontal bars: one row per category, one colour per series, right to left."""

from __future__ import annotations

from decimal import Decimal

from ostan.core.charts.figure import Cell, DataTable, Figure, LegendEntry
from ostan.core.charts.frame import ANCHOR_RIGHT, FONT, PAD, WIDTH, Frame, axis, empty_body, frame_for
from ostan.core.charts.labels import text_width
from ostan.core.charts.marks import box_swatch
from ostan.core.charts.markup import element, svg_root, text, title, view_box
from ostan.core.charts.model import GroupedBarChart, Series
from ostan.core.charts.palettes import Palette, text_colour_on
from ostan.core.charts.values import Number, as_decimal, format_value
from ostan.core.text import format_number

SUB_BAR = 14.0  # one series' bar inside a group
STACK_BAR = 20.0
GROUP_GAP = 12.0
SMALL_FONT = 12.0
NO_FIGURE = "—"
EMPTY_MESSAGE = "داده‌ای برای نمایش نیست."


def render_grouped_bar_chart(chart: GroupedBarChart, *, palette: Palette, id_prefix: str) -> Figure:
    kind = "stacked_bar" if chart.is_stacked else "grouped_bar"
    if chart.categories and chart.series:
        body, height = _stacked(chart, palette) if chart.is_stacked else _grouped(chart, palette)
    else:
        body, height = empty_body(EMPTY_MESSAGE, palette)
    description = chart.description or describe_groups(chart)
    svg = svg_root(
        id_prefix=id_prefix,
        box=view_box(WIDTH, height),
        title_text=chart.title,
        description=description,
        body=body,
        kind=kind,
    )
    legend = tuple(LegendEntry(s.name, box_swatch(palette.series[i])) for i, s in enumerate(chart.series))
    return Figure(kind, chart.title, description, svg, legend, _table(chart))


def _shown(chart: GroupedBarChart, value: Number | None) -> str:
    m = chart.measure
    return NO_FIGURE if value is None else format_value(value, decimals=m.decimals, suffix=m.suffix)


def _totals(chart: GroupedBarChart) -> list[Decimal]:
    columns = zip(*(s.values for s in chart.series), strict=True)
    return [sum((as_decimal(v) for v in column if v is not None), Decimal(0)) for column in columns]


def _grouped(chart: GroupedBarChart, palette: Palette) -> tuple[str, float]:
    values = [as_decimal(v) for s in chart.series for v in s.values if v is not None]
    texts = [_shown(chart, v) for s in chart.series for v in s.values]
    frame = frame_for(chart.categories, texts, max(values, default=Decimal(0)))
    block = len(chart.series) * SUB_BAR + GROUP_GAP
    rows = []
    for i, category in enumerate(chart.categories):
        top = PAD + i * block + GROUP_GAP / 2
        bars = [_sub_bar(chart, frame, s, j, i, top + j * SUB_BAR, palette) for j, s in enumerate(chart.series)]
        middle = top + len(chart.series) * SUB_BAR / 2
        name = text(frame.names[i], _at(frame.name_x, middle, ANCHOR_RIGHT, FONT, palette.ink))
        rows.append(element("g", {"class": "chart-row"}, title(category), name, *bars))
    bottom = PAD + len(chart.categories) * block
    return axis(frame, top=PAD - 2, bottom=bottom, measure=chart.measure, palette=palette) + "".join(rows), bottom + 22


def _sub_bar(chart: GroupedBarChart, frame: Frame, s: Series, j: int, i: int, y: float, palette: Palette) -> str:
    value = s.values[i]
    label = _shown(chart, value)
    tip = title(f"{chart.categories[i]} — {s.name}: {label}")
    if value is None:
        return element(
            "g",
            None,
            tip,
            text(NO_FIGURE, _at(frame.baseline - 4, y + SUB_BAR / 2, ANCHOR_RIGHT, SMALL_FONT, palette.muted)),
        )
    length = frame.length(value)
    rect = element(
        "rect",
        {"x": frame.baseline - length, "y": y + 1, "width": length, "height": SUB_BAR - 2, "fill": palette.series[j]},
    )
    value_text = text(label, _at(frame.baseline - length - 4, y + SUB_BAR / 2, ANCHOR_RIGHT, SMALL_FONT, palette.ink))
    return element("g", None, tip, rect, value_text)


def _stacked(chart: GroupedBarChart, palette: Palette) -> tuple[str, float]:
    totals = _totals(chart)
    frame = frame_for(chart.categories, [_shown(chart, t) for t in totals], max(totals, default=Decimal(0)))
    rows = []
    row = STACK_BAR + GROUP_GAP
    for i, category in enumerate(chart.categories):
        y = PAD + i * row + GROUP_GAP / 2
        middle = y + STACK_BAR / 2
        parts = [
            title(f"{category} — {chart.measure.name}: {_shown(chart, totals[i])}"),
            text(frame.names[i], _at(frame.name_x, middle, ANCHOR_RIGHT, FONT, palette.ink)),
        ]
        start = Decimal(0)
        for j, s in enumerate(chart.series):
            value = s.values[i]
            if value is None or as_decimal(value) == 0:
                continue
            parts.append(
                _segment(chart, frame, (start, start + as_decimal(value)), s, i, y, (palette.series[j], palette.paper))
            )
            start += as_decimal(value)
        end = frame.x_of(totals[i])
        parts.append(text(_shown(chart, totals[i]), _at(end - 4, middle, ANCHOR_RIGHT, FONT, palette.ink)))
        rows.append(element("g", {"class": "chart-row"}, *parts))
    bottom = PAD + len(chart.categories) * row
    return axis(frame, top=PAD - 2, bottom=bottom, measure=chart.measure, palette=palette) + "".join(rows), bottom + 22


def _segment(
    chart: GroupedBarChart,
    frame: Frame,
    span: tuple[Decimal, Decimal],
    s: Series,
    i: int,
    y: float,
    colours: tuple[str, str],
) -> str:
    fill, paper = colours
    right, left = frame.x_of(span[0]), frame.x_of(span[1])
    label = _shown(chart, s.values[i])
    parts = [
        title(f"{chart.categories[i]} — {s.name}: {label}"),
        element(
            "rect",
            {
                "x": left,
                "y": y,
                "width": right - left,
                "height": STACK_BAR,
                "fill": fill,
                "stroke": paper,
                "stroke-width": 1.0,
            },
        ),
    ]
    if text_width(label, SMALL_FONT) + 6 <= right - left:  # a segment's own figure only where it fits inside
        parts.append(
            text(label, _at((left + right) / 2, y + STACK_BAR / 2, "middle", SMALL_FONT, text_colour_on(fill)))
        )
    return element("g", None, *parts)


def _at(x: float, y: float, anchor: str, size: float, fill: str) -> dict[str, str | float | None]:
    return {"x": x, "y": y, "text-anchor": anchor, "dominant-baseline": "central", "font-size": size, "fill": fill}


def _table(chart: GroupedBarChart) -> DataTable:
    columns = (chart.label_heading, *(s.name for s in chart.series))
    if chart.is_stacked:
        columns += ("جمع",)
    totals = _totals(chart)
    rows = []
    for i, category in enumerate(chart.categories):
        cells = [Cell(category), *(Cell(_shown(chart, s.values[i]), is_number=True) for s in chart.series)]
        if chart.is_stacked:
            cells.append(Cell(_shown(chart, totals[i]), is_number=True))
        rows.append(tuple(cells))
    return DataTable(columns, tuple(rows))


def describe_groups(chart: GroupedBarChart) -> str:
    shape = "انباشته" if chart.is_stacked else "گروهی"
    if not chart.categories or not chart.series:
        return f"نمودار میله‌ای {shape} «{chart.measure.name}»: {EMPTY_MESSAGE}"
    names = "، ".join(f"«{s.name}»" for s in chart.series)
    return (
        f"نمودار میله‌ای {shape} «{chart.measure.name}» برای {format_number(len(chart.categories))} ردیف"
        f" و {format_number(len(chart.series))} سری: {names}."
    )
