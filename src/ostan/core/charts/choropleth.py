"""A choropleth: regions shaded by class of value, a «بدون داده» hatch, names where they fit.

Each region carries a <title> (its name and figure) and, when it has a page, is a link to it; names are
written inside regions only where the whole label fits, in black or white by the shade behind it.
"""

from __future__ import annotations

from decimal import Decimal

from ostan.core.charts.breaks import Breaks, quantile_breaks
from ostan.core.charts.figure import Cell, DataTable, Figure, LegendEntry
from ostan.core.charts.labels import text_width
from ostan.core.charts.marks import box_swatch, hatch_pattern, hatch_swatch
from ostan.core.charts.markup import element, svg_root, text, title
from ostan.core.charts.model import Choropleth, MapRegion
from ostan.core.charts.palettes import Palette, text_colour_on
from ostan.core.charts.paths import label_spot, outline
from ostan.core.charts.values import Number, as_decimal, decimals_of, format_value
from ostan.core.text import format_number

NO_DATA = "بدون داده"
LABEL_SHARE = 1 / 45  # a name's font size as a share of the map's width: about 14 px on a desktop page
HATCH_SHARE = 1 / 150  # the no-data hatch's period, as a share of the map's width


def render_choropleth(chart: Choropleth, *, palette: Palette, id_prefix: str) -> Figure:
    values = [as_decimal(r.value) for r in chart.regions if r.value is not None]
    breaks = chart.breaks if chart.breaks is not None else quantile_breaks(values)
    ramp = palette.ramp(breaks.classes)
    width = float(chart.view_box.replace(",", " ").split()[2])
    pattern_id = f"{id_prefix}-nodata"
    shapes, labels = [], []
    for region in chart.regions:
        cls = None if region.value is None else breaks.class_of(region.value)
        fill = f"url(#{pattern_id})" if cls is None else ramp[cls]
        shapes.append(_region(chart, region, fill, cls, palette))
        label = _label(region, width * LABEL_SHARE, palette.no_data if cls is None else ramp[cls])
        if label:
            labels.append(label)
    defs = element("defs", None, hatch_pattern(pattern_id, palette.no_data, palette.muted, size=width * HATCH_SHARE))
    body = defs + element("g", {"class": "chart-regions"}, *shapes)
    if labels:
        body += element("g", {"class": "chart-map-labels", "aria-hidden": "true", "pointer-events": "none"}, *labels)
    description = chart.description or describe_map(chart, breaks)
    svg = svg_root(
        id_prefix=id_prefix,
        box=chart.view_box,
        title_text=chart.title,
        description=description,
        body=body,
        kind="choropleth",
    )
    return Figure(
        "choropleth",
        chart.title,
        description,
        svg,
        _legend(chart, breaks, ramp, palette, id_prefix),
        _table(chart, breaks),
    )


def _value_text(chart: Choropleth, value: Number | None) -> str:
    m = chart.measure
    return NO_DATA if value is None else format_value(value, decimals=m.decimals, suffix=m.suffix)


def region_title(chart: Choropleth, region: MapRegion) -> str:
    tip = f"{region.name} — {chart.measure.name}: {_value_text(chart, region.value)}"
    return f"{tip} ({region.note})" if region.note else tip


def _region(chart: Choropleth, region: MapRegion, fill: str, cls: int | None, palette: Palette) -> str:
    tip = region_title(chart, region)
    path = element(
        "path",
        {
            "d": region.d,
            "fill": fill,
            "stroke": palette.region_stroke,
            "stroke-width": 1.0 if palette.name == "standard" else 1.5,
            "vector-effect": "non-scaling-stroke",
            "stroke-linejoin": "round",
            "class": "chart-region " + ("chart-no-data" if cls is None else f"chart-class-{cls}"),
            "data-code": region.code,
        },
        title(tip),
    )
    return element("a", {"href": region.href, "aria-label": tip}, path) if region.href else path


def _label(region: MapRegion, font: float, fill: str) -> str | None:
    shape = outline(region.d)
    if shape is None:
        return None
    spot = label_spot(shape.largest, text_width(region.name, font) * 1.05, font * 1.3)
    if spot is None:
        return None
    ink = text_colour_on(fill)
    halo = "#000000" if ink == "#ffffff" else "#ffffff"
    return text(
        region.name,
        {
            "x": spot[0],
            "y": spot[1],
            "text-anchor": "middle",
            "dominant-baseline": "central",
            "font-size": font,
            "fill": ink,
            "stroke": halo,
            "stroke-width": font / 8,
            "stroke-opacity": 0.6,
            "paint-order": "stroke",
        },
    )


def _threshold(chart: Choropleth, t: Decimal) -> str:
    return format_value(t, decimals=max(chart.measure.decimals, decimals_of(t)), suffix=chart.measure.suffix)


def class_label(chart: Choropleth, breaks: Breaks, cls: int) -> str:
    """«کمتر از …», «از … تا کمتر از …», «… و بیشتر»; a single class names the data's range."""
    t = breaks.thresholds
    if not t:
        values = sorted(as_decimal(r.value) for r in chart.regions if r.value is not None)
        if not values or values[0] == values[-1]:
            return _threshold(chart, values[0]) if values else NO_DATA
        return f"{_threshold(chart, values[0])} تا {_threshold(chart, values[-1])}"
    if cls == 0:
        return f"کمتر از {_threshold(chart, t[0])}"
    if cls == len(t):
        return f"{_threshold(chart, t[-1])} و بیشتر"
    return f"از {_threshold(chart, t[cls - 1])} تا کمتر از {_threshold(chart, t[cls])}"


def _legend(
    chart: Choropleth, breaks: Breaks, ramp: tuple[str, ...], palette: Palette, id_prefix: str
) -> tuple[LegendEntry, ...]:
    counts = [0] * breaks.classes
    missing = 0
    for r in chart.regions:
        if r.value is None:
            missing += 1
        else:
            counts[breaks.class_of(r.value)] += 1
    entries = [
        LegendEntry(f"{class_label(chart, breaks, i)} ({format_number(n)})", box_swatch(ramp[i], stroke=palette.grid))
        for i, n in enumerate(counts)
        if breaks.thresholds or n
    ]
    if missing:
        swatch = hatch_swatch(palette.no_data, palette.muted, id_prefix=f"{id_prefix}-nodata")
        entries.append(LegendEntry(f"{NO_DATA} ({format_number(missing)})", swatch))
    return tuple(entries)


def _table(chart: Choropleth, breaks: Breaks) -> DataTable:
    rows = []
    for r in chart.regions:
        cls = "—" if r.value is None else class_label(chart, breaks, breaks.class_of(r.value))
        rows.append((Cell(r.name, href=r.href), Cell(_value_text(chart, r.value), is_number=True), Cell(cls)))
    return DataTable((chart.label_heading, chart.measure.name, "رده"), tuple(rows))


def describe_map(chart: Choropleth, breaks: Breaks) -> str:
    known = [r for r in chart.regions if r.value is not None]
    head = f"نقشهٔ «{chart.measure.name}» برای {format_number(len(chart.regions))} منطقه"
    if not known:
        return f"{head}؛ هیچ منطقه‌ای داده ندارد."
    high = max(known, key=lambda r: as_decimal(r.value if r.value is not None else 0))
    low = min(known, key=lambda r: as_decimal(r.value if r.value is not None else 0))
    text_ = (
        f"{head} در {format_number(breaks.classes)} رده؛ بیشترین: «{high.name}» با {_value_text(chart, high.value)}،"
        f" کمترین: «{low.name}» با {_value_text(chart, low.value)}."
    )
    missing = len(chart.regions) - len(known)
    return text_ + (f" {format_number(missing)} منطقه بدون داده." if missing else "")
