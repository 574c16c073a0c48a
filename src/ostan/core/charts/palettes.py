"""Named palettes: colour-blind-safe series colours and sequential ramps, with a high-contrast variant.

Series colours come from Okabe and Ito's colour-blind-safe set, keeping only those with at least 3:1
contrast against white (WCAG 2.2, 1.4.11, non-text contrast); marks also differ by dash and marker
shape, so colour is never the only cue. Ramps are ColorBrewer's YlGnBu (Apache-2.0, Brewer, Harrower and
Penn State), rated colour-blind safe and print friendly; the high-contrast ramp follows matplotlib's
inferno (CC0), whose lightness runs from near-white to near-black.
"""

from __future__ import annotations

from dataclasses import dataclass

from ostan.core.charts.errors import InvalidChart

_YLGNBU = (
    ("#edf8b1", "#2c7fb8"),
    ("#edf8b1", "#7fcdbb", "#2c7fb8"),
    ("#ffffcc", "#a1dab4", "#41b6c4", "#225ea8"),
    ("#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"),
    ("#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494"),
    ("#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#0c2c84"),
)
_INFERNO_ANCHORS = ("#fcffa4", "#f98e09", "#bc3754", "#57106e", "#000004")  # inferno at 1, ¾, ½, ¼, 0


@dataclass(frozen=True)
class Palette:
    name: str
    series: tuple[str, ...]  # one colour per series, in order
    ramps: tuple[tuple[str, ...], ...]  # ramps[k - 2]: the k-class ramp, lightest (lowest) first, k = 2..7
    ink: str  # text and axis
    muted: str  # tick labels
    grid: str
    paper: str
    no_data: str  # the «بدون داده» hatch background
    region_stroke: str
    line_width: float

    def ramp(self, classes: int) -> tuple[str, ...]:
        if classes == 1:
            return (self.ramps[1][1],)  # one class: the middle shade, neither «least» nor «most»
        if not 2 <= classes <= len(self.ramps) + 1:
            raise InvalidChart(f"برای {classes} رده طیف رنگی نیست.", details={"path": "classes"})
        return self.ramps[classes - 2]


def _hex_to_rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _interpolated_ramp(anchors: tuple[str, ...], classes: int) -> tuple[str, ...]:
    colours = []
    for i in range(classes):
        at = i * (len(anchors) - 1) / (classes - 1)
        low = min(int(at), len(anchors) - 2)
        t = at - low
        a, b = _hex_to_rgb(anchors[low]), _hex_to_rgb(anchors[low + 1])
        mixed = (round(x + (y - x) * t) for x, y in zip(a, b, strict=True))
        colours.append("#" + "".join(f"{c:02x}" for c in mixed))
    return tuple(colours)


def relative_luminance(colour: str) -> float:
    """WCAG 2.2 relative luminance of a ``#rrggbb`` colour."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in _hex_to_rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_colour_on(fill: str, *, dark: str = "#000000", light: str = "#ffffff") -> str:
    """Black or white, whichever reads better on ``fill`` (labels inside bars and regions)."""
    return dark if contrast_ratio(fill, dark) >= contrast_ratio(fill, light) else light


STANDARD = Palette(
    name="standard",
    series=("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#1d2330"),
    ramps=_YLGNBU,
    ink="#1d2330",
    muted="#5b6475",
    grid="#d9dee8",
    paper="#ffffff",
    no_data="#f4f6fa",
    region_stroke="#ffffff",
    line_width=2.0,
)
HIGH_CONTRAST = Palette(
    name="high_contrast",
    series=("#000000", "#005a9c", "#9e3d00", "#005c45", "#6a2c91"),
    ramps=tuple(_interpolated_ramp(_INFERNO_ANCHORS, k) for k in range(2, 8)),
    ink="#000000",
    muted="#1d2330",
    grid="#767676",
    paper="#ffffff",
    no_data="#ffffff",
    region_stroke="#000000",
    line_width=3.0,
)
PALETTES = {p.name: p for p in (STANDARD, HIGH_CONTRAST)}
MAX_SERIES = len(STANDARD.series)


def palette_named(name: str) -> Palette:
    try:
        return PALETTES[name]
    except KeyError:
        raise InvalidChart(
            f"رنگ‌مایه‌ای به نام «{name}» نیست؛ یکی از {'، '.join(PALETTES)} را بنویسید.",
            details={"path": "palette", "options": list(PALETTES)},
        ) from None
