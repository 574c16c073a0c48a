"""The horizontal frame shared by every bar chart: names at the right, a baseline, bars growing leftwards.

The root ``<svg>`` carries ``direction="rtl"``, so a text's *start* is its right edge: ``ANCHOR_RIGHT``
and ``ANCHOR_LEFT`` name the physical side a label hangs from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ostan.core.charts.labels import fit_label, text_width
from ostan.core.charts.markup import element, text
from ostan.core.charts.model import Measure
from ostan.core.charts.palettes import Palette
from ostan.core.charts.ticks import Scale, nice_scale
from ostan.core.charts.values import Number, format_value

ANCHOR_RIGHT = "start"
ANCHOR_LEFT = "end"
WIDTH = 400.0  # viewBox units; on a 390 px phone (about 358 px of chart) 14-unit text shows at 12.5 px
PAD = 8.0
FONT = 14.0
TICK_FONT = 12.0
GAP = 8.0
LABEL_SHARE = 0.4  # names take at most 40% of the width; longer ones end in «…» (the table has them whole)
AXIS_BAND = 22.0  # under the bars: the tick labels


@dataclass(frozen=True)
class Frame:
    names: tuple[str, ...]  # fitted (maybe shortened) names, in row order
    name_x: float  # the right edge of every name
    baseline: float  # x of zero
    reach: float  # length of a bar at the axis maximum
    scale: Scale

    def x_of(self, value: Number) -> float:
        return self.baseline - self.scale.position(value) * self.reach

    def length(self, value: Number) -> float:
        return self.baseline - self.x_of(value)


def frame_for(names: Sequence[str], value_texts: Sequence[str], maximum: Number, *, font: float = FONT) -> Frame:
    """Fit names into the right-hand column and leave room at the left for the longest value label."""
    fitted = tuple(fit_label(n, WIDTH * LABEL_SHARE, font) for n in names)
    label_width = max((text_width(n, font) for n in fitted), default=0.0)
    value_width = max((text_width(v, font) for v in value_texts), default=0.0)
    scale = nice_scale(0, maximum)
    tick_half = max(text_width(format_value(t, decimals=scale.decimals), TICK_FONT) for t in scale.ticks) / 2
    name_x = WIDTH - PAD
    baseline = name_x - label_width - GAP
    left_limit = PAD + max(value_width + 4, tick_half)
    return Frame(fitted, name_x, baseline, baseline - left_limit, scale)


def axis(frame: Frame, *, top: float, bottom: float, measure: Measure, palette: Palette) -> str:
    """Grid lines and tick labels under the bars, then the baseline drawn over them."""
    parts = []
    for tick in frame.scale.ticks:
        x = frame.x_of(tick)
        parts.append(element("line", {"x1": x, "y1": top, "x2": x, "y2": bottom, "stroke": palette.grid}))
        label = format_value(tick, decimals=frame.scale.decimals, suffix=measure.suffix)
        parts.append(
            text(
                label,
                {"x": x, "y": bottom + 14, "text-anchor": "middle", "font-size": TICK_FONT, "fill": palette.muted},
            )
        )
    base = element(
        "line",
        {
            "x1": frame.baseline,
            "y1": top,
            "x2": frame.baseline,
            "y2": bottom,
            "stroke": palette.ink,
            "stroke-width": 1.5,
        },
    )
    return element("g", {"class": "chart-axis", "aria-hidden": "true"}, *parts, base)


def empty_body(message: str, palette: Palette) -> tuple[str, float]:
    """What an empty chart shows: one line of text, and the height it needs."""
    height = 48.0
    body = text(
        message,
        {
            "x": WIDTH / 2,
            "y": height / 2,
            "text-anchor": "middle",
            "dominant-baseline": "central",
            "font-size": FONT,
            "fill": palette.muted,
        },
    )
    return body, height
