"""A horizontal bar chart, right to left: one bar per row, its value at the bar's (left) end."""

from __future__ import annotations

from ostan.core.charts.figure import Cell, DataTable, Figure, LegendEntry
from ostan.core.charts.frame import ANCHOR_RIGHT, FONT, PAD, WIDTH, axis, empty_body, frame_for
from ostan.core.charts.marks import box_swatch
from ostan.core.charts.markup import element, svg_root, text, title, view_box
from ostan.core.charts.model import Bar, BarChart
from ostan.core.charts.palettes import Palette
from ostan.core.charts.values import as_decimal, format_value
from ostan.core.text import format_number

BAR_HEIGHT = 20.0
ROW = 30.0
EMPTY_MESSAGE = "داده‌ای برای نمایش نیست."


def render_bar_chart(chart: BarChart, *, palette: Palette, id_prefix: str) -> Figure:
    shown = chart.bars[: chart.shown] if chart.shown is not None else chart.bars
    m = chart.measure
    values = [format_value(b.value, decimals=m.decimals, suffix=m.suffix) for b in chart.bars]
    if shown:
        body, height = _bars(chart, shown, values, palette)
    else:
        body, height = empty_body(EMPTY_MESSAGE, palette)
    description = chart.description or describe_bars(chart, values)
    svg = svg_root(
        id_prefix=id_prefix,
        box=view_box(WIDTH, height),
        title_text=chart.title,
        description=description,
        body=body,
        kind="bar",
    )
    table = DataTable(
        (chart.label_heading, m.name),
        tuple((Cell(b.label), Cell(v, is_number=True)) for b, v in zip(chart.bars, values, strict=True)),
    )
    return Figure("bar", chart.title, description, svg, _legend(chart, palette), table)


def _bars(chart: BarChart, shown: tuple[Bar, ...], values: list[str], palette: Palette) -> tuple[str, float]:
    frame = frame_for([b.label for b in shown], values[: len(shown)], max(as_decimal(b.value) for b in shown))
    top = PAD
    bottom = top + len(shown) * ROW
    rows = []
    for i, bar in enumerate(shown):
        y = top + i * ROW + (ROW - BAR_HEIGHT) / 2
        middle = y + BAR_HEIGHT / 2
        length = frame.length(bar.value)
        fill = palette.series[1] if bar.is_emphasised else palette.series[0]
        rows.append(
            element(
                "g",
                {"class": "chart-row"},
                title(f"{bar.label} — {chart.measure.name}: {values[i]}"),
                text(frame.names[i], _label_at(frame.name_x, middle, palette.ink)),
                element(
                    "rect", {"x": frame.baseline - length, "y": y, "width": length, "height": BAR_HEIGHT, "fill": fill}
                ),
                text(values[i], _label_at(frame.baseline - length - 4, middle, palette.ink)),
            )
        )
    body = axis(frame, top=top - 2, bottom=bottom, measure=chart.measure, palette=palette) + "".join(rows)
    height = bottom + 22
    hidden = len(chart.bars) - len(shown)
    if hidden:
        note = f"و {format_number(hidden)} ردیف دیگر در جدول داده‌ها"
        body += text(note, {**_label_at(WIDTH - PAD, height + 6, palette.muted), "font-size": 12.0})
        height += 20
    return body, height


def _label_at(x: float, y: float, fill: str) -> dict[str, str | float | None]:
    return {
        "x": x,
        "y": y,
        "text-anchor": ANCHOR_RIGHT,
        "dominant-baseline": "central",
        "font-size": FONT,
        "fill": fill,
    }


def _legend(chart: BarChart, palette: Palette) -> tuple[LegendEntry, ...]:
    if not chart.emphasis_label or not any(b.is_emphasised for b in chart.bars):
        return ()
    return (
        LegendEntry(chart.emphasis_label, box_swatch(palette.series[1])),
        LegendEntry("سایر", box_swatch(palette.series[0])),
    )


def describe_bars(chart: BarChart, values: list[str]) -> str:
    """A sentence for the SVG's <desc>: how many rows, the largest and the smallest."""
    bars = chart.bars
    if not bars:
        return f"نمودار میله‌ای «{chart.measure.name}»: {EMPTY_MESSAGE}"
    high = max(range(len(bars)), key=lambda i: as_decimal(bars[i].value))
    low = min(range(len(bars)), key=lambda i: as_decimal(bars[i].value))
    head = f"نمودار میله‌ای افقی «{chart.measure.name}» برای {format_number(len(bars))} ردیف."
    if len(bars) == 1:
        return f"{head} «{bars[0].label}»: {values[0]}."
    return f"{head} بیشترین: «{bars[high].label}» با {values[high]}؛ کمترین: «{bars[low].label}» با {values[low]}."
