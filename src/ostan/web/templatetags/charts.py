"""Chart tags: ``{% load charts %}``, then ``{% bar_chart title rows %}``, ``{% line_chart %}``, ``{% choropleth %}``.

Each tag turns what a view already has (rows of objects, dicts or pairs) into a frozen chart of
:mod:`ostan.core.charts`, renders it, and writes ``web/charts/figure.html``: the caption, the SVG, the
legend and a ``<details>`` table with the same numbers. ``{% chart some_chart %}`` draws a chart a view
or selector built itself. The first chart of a page also links ``ostan/charts.css``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from ostan.core import charts
from ostan.core.text import normalize_digits

register = template.Library()

_COUNTER = "_ostan_chart_count"
_POSITIONS = {"label": 0, "name": 0, "value": 1, "values": 1}  # where a pair or triple keeps each field


@register.simple_tag(takes_context=True)
def chart(context: template.Context, drawn: charts.Chart, palette: str = "standard") -> SafeString:
    """A chart built in Python (a selector's :class:`ostan.core.charts.Choropleth`, say)."""
    return _figure(context, drawn, palette)


@register.simple_tag(takes_context=True)
def bar_chart(
    context: template.Context,
    title: str,
    rows: Iterable[Any],
    *,
    label: str = "label",
    value: str = "value",
    emphasis: str = "",
    emphasis_label: str = "",
    measure: str = "مقدار",
    decimals: int = 0,
    suffix: str = "",
    label_heading: str = "عنوان",
    shown: int | None = None,
    description: str = "",
    palette: str = "standard",
) -> SafeString:
    """``{% bar_chart "آرای نامزدها" rows label="name" value="votes" measure="رأی" emphasis="is_member" %}``"""
    bars = tuple(
        charts.Bar(
            str(_field(row, label)),
            _number(_field(row, value)),
            is_emphasised=bool(_field(row, emphasis)) if emphasis else False,
        )
        for row in rows
    )
    drawn = charts.BarChart(
        title,
        bars,
        charts.Measure(measure, int(decimals), suffix),
        label_heading=label_heading,
        description=description,
        emphasis_label=emphasis_label,
        shown=int(shown) if shown else None,
    )
    return _figure(context, drawn, palette)


@register.simple_tag(takes_context=True)
def grouped_bar_chart(
    context: template.Context,
    title: str,
    categories: Iterable[Any],
    series: Any,
    *,
    stacked: bool = False,
    measure: str = "مقدار",
    decimals: int = 0,
    suffix: str = "",
    label_heading: str = "عنوان",
    description: str = "",
    palette: str = "standard",
) -> SafeString:
    """``{% grouped_bar_chart "آرا به تفکیک فهرست" stations series stacked=True %}``; ``series`` maps each
    series name to its values (or is a list of objects with ``name`` and ``values``)."""
    drawn = charts.GroupedBarChart(
        title,
        tuple(str(c) for c in categories),
        _series(series),
        is_stacked=bool(stacked),
        measure=charts.Measure(measure, int(decimals), suffix),
        label_heading=label_heading,
        description=description,
    )
    return _figure(context, drawn, palette)


@register.simple_tag(takes_context=True)
def line_chart(
    context: template.Context,
    title: str,
    x_labels: Iterable[Any],
    series: Any,
    *,
    measure: str = "مقدار",
    decimals: int = 0,
    suffix: str = "",
    x_heading: str = "ساعت",
    zero_based: bool = True,
    description: str = "",
    palette: str = "standard",
) -> SafeString:
    """``{% line_chart "احراز هویت به تفکیک ساعت" hours series measure="احراز هویت" %}``"""
    drawn = charts.LineChart(
        title,
        tuple(str(x) for x in x_labels),
        _series(series),
        charts.Measure(measure, int(decimals), suffix),
        x_heading=x_heading,
        description=description,
        is_zero_based=bool(zero_based),
    )
    return _figure(context, drawn, palette)


@register.simple_tag(takes_context=True)
def choropleth(
    context: template.Context,
    title: str,
    regions: Iterable[Any],
    view_box: str,
    *,
    value: str = "value",
    measure: str = "مقدار",
    decimals: int = 0,
    suffix: str = "",
    classes: int = charts.DEFAULT_CLASSES,
    thresholds: Sequence[Any] | None = None,
    label_heading: str = "منطقه",
    description: str = "",
    palette: str = "standard",
) -> SafeString:
    """``{% choropleth map.title map.regions map.view_box value="population" measure="جمعیت" %}``: regions
    with ``code``, ``name``, ``d`` and optionally ``href`` and ``note``; quantile classes unless
    ``thresholds`` are given."""
    shapes = tuple(
        charts.MapRegion(
            str(_field(r, "code")),
            str(_field(r, "name")),
            str(_field(r, "d")),
            _optional_number(_field(r, value)),
            href=_field(r, "href") or None,
            note=str(_field(r, "note") or ""),
        )
        for r in regions
    )
    known = [s.value for s in shapes if s.value is not None]
    breaks = charts.fixed_breaks([_number(t) for t in thresholds]) if thresholds else None
    drawn = charts.Choropleth(
        title,
        view_box,
        shapes,
        breaks or charts.quantile_breaks(known, int(classes)),
        charts.Measure(measure, int(decimals), suffix),
        label_heading=label_heading,
        description=description,
    )
    return _figure(context, drawn, palette)


def _figure(context: template.Context, drawn: charts.Chart, palette: str) -> SafeString:
    count = _next_count(context)
    digest = hashlib.sha256(f"{type(drawn).__name__}:{drawn.title}".encode()).hexdigest()[:6]
    figure = charts.render(drawn, palette=charts.palette_named(palette), id_prefix=f"chart-{digest}-{count}")
    values = {
        "figure": figure,
        "chart_id": f"chart-{digest}-{count}",
        "svg": mark_safe(figure.svg),  # noqa: S308 — the chart core escapes every text it writes
        "legend": [(mark_safe(e.swatch), e.label) for e in figure.legend],  # noqa: S308 — same
        "links_stylesheet": count == 1,
    }
    return render_to_string("web/charts/figure.html", values)


def _next_count(context: template.Context) -> int:
    """Charts drawn so far on this page, counted on the request (the same across included templates)."""
    holder: Any = context.get("request")
    if holder is None:
        holder = context.dicts[0]
        holder[_COUNTER] = holder.get(_COUNTER, 0) + 1
        return int(holder[_COUNTER])
    count = getattr(holder, _COUNTER, 0) + 1
    setattr(holder, _COUNTER, count)
    return int(count)


def _field(row: Any, name: str) -> Any:
    """``row[name]`` for a mapping, by position for a pair or triple, else the attribute (called if callable)."""
    if isinstance(row, Mapping):
        found = row.get(name)
    elif isinstance(row, list | tuple):
        position = _POSITIONS.get(name, 2)
        found = row[position] if position < len(row) else None
    else:
        found = getattr(row, name, None)
    return found() if callable(found) else found


def _number(raw: Any) -> charts.Number:
    found = _optional_number(raw)
    if found is None:
        raise charts.InvalidChart("میله‌ای بی‌مقدار نمی‌توان کشید.", details={"path": "value"})
    return found


def _optional_number(raw: Any) -> charts.Number | None:
    if raw is None or raw == "":
        return None
    if isinstance(raw, int | float | Decimal) and not isinstance(raw, bool):
        return raw
    try:
        return Decimal(normalize_digits(str(raw)).replace("\u066c", "").replace(",", ""))
    except InvalidOperation:
        raise charts.InvalidChart(f"مقدار «{raw}» عدد نیست.", details={"path": "value"}) from None


def _series(raw: Any) -> tuple[charts.Series, ...]:
    """Series from a mapping (name → values), or from pairs or objects with a name and values."""
    items = raw.items() if isinstance(raw, Mapping) else raw
    found = []
    for item in items:
        name, values = (item[0], item[1]) if isinstance(item, list | tuple) else (item.name, item.values)
        found.append(charts.Series(str(name), tuple(_optional_number(v) for v in values)))
    return tuple(found)
