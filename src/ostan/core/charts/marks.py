"""The marks that tell series apart besides colour (dash patterns, marker shapes), and legend swatches."""

from __future__ import annotations

from ostan.core.charts.markup import element, num

DASHES = (None, "6 3", "2 3", "8 3 2 3", "4 2")
MARKERS = ("circle", "square", "triangle", "diamond", "cross")
SWATCH_SIZE = 14


def marker(shape: str, x: float, y: float, r: float, colour: str) -> str:
    """A marker of ``shape`` centred on (x, y) with radius ``r``."""
    if shape == "circle":
        return element("circle", {"cx": x, "cy": y, "r": r, "fill": colour})
    if shape == "square":
        return element("rect", {"x": x - r, "y": y - r, "width": 2 * r, "height": 2 * r, "fill": colour})
    if shape == "triangle":
        return _polygon([(x, y - r * 1.2), (x + r * 1.1, y + r * 0.8), (x - r * 1.1, y + r * 0.8)], colour)
    if shape == "diamond":
        return _polygon([(x, y - r * 1.3), (x + r * 1.3, y), (x, y + r * 1.3), (x - r * 1.3, y)], colour)
    d = f"M{num(x - r)} {num(y - r)}L{num(x + r)} {num(y + r)}M{num(x - r)} {num(y + r)}L{num(x + r)} {num(y - r)}"
    return element("path", {"d": d, "stroke": colour, "stroke-width": 2.0, "fill": "none"})


def _polygon(points: list[tuple[float, float]], colour: str) -> str:
    return element("polygon", {"points": " ".join(f"{num(px)},{num(py)}" for px, py in points), "fill": colour})


def _swatch(body: str, width: int = SWATCH_SIZE) -> str:
    return element(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "viewBox": f"0 0 {width} {SWATCH_SIZE}",
            "width": width,
            "height": SWATCH_SIZE,
            "aria-hidden": "true",
            "focusable": "false",
            "class": "chart-swatch",
        },
        body,
    )


def box_swatch(fill: str, *, stroke: str | None = None) -> str:
    return _swatch(element("rect", {"x": 1, "y": 1, "width": 12, "height": 12, "fill": fill, "stroke": stroke}))


def hatch_swatch(background: str, line: str, *, id_prefix: str) -> str:
    """The «بدون داده» swatch: the same hatching as the map, so it cannot be read as the lowest class."""
    pattern_id = f"{id_prefix}-key"
    return _swatch(
        hatch_pattern(pattern_id, background, line, size=4.0)
        + element("rect", {"x": 1, "y": 1, "width": 12, "height": 12, "fill": f"url(#{pattern_id})", "stroke": line})
    )


def line_swatch(colour: str, *, dash: str | None, shape: str, width: float) -> str:
    line = element(
        "line", {"x1": 1, "y1": 7, "x2": 27, "y2": 7, "stroke": colour, "stroke-width": width, "stroke-dasharray": dash}
    )
    return _swatch(line + marker(shape, 14.0, 7.0, 3.5, colour), width=28)


def hatch_pattern(pattern_id: str, background: str, line: str, *, size: float) -> str:
    return element(
        "pattern",
        {
            "id": pattern_id,
            "width": size,
            "height": size,
            "patternUnits": "userSpaceOnUse",
            "patternTransform": "rotate(45)",
        },
        element("rect", {"width": size, "height": size, "fill": background}),
        element("line", {"x1": 0.0, "y1": 0.0, "x2": 0.0, "y2": size, "stroke": line, "stroke-width": size / 3}),
    )
