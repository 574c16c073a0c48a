"""Writing SVG: every text and attribute value passes through :func:`escape`, nothing else is needed.

Labels come from users (a candidate may be named ``<script>`` or ``"&'``), so the only way into markup
is an element builder whose attribute names are the code's own and whose values and text are escaped.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Mapping

type AttrValue = str | int | float | None

SVG_NS = "http://www.w3.org/2000/svg"
FONT_STACK = "Vazirmatn, Tahoma, sans-serif"
FSI, PDI = "\u2068", "\u2069"
# Characters XML 1.0 forbids (C0 controls but tab, newline and return; lone surrogates; U+FFFE/FFFF).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def escape(text: str) -> str:
    """Text safe inside an element or a double- or single-quoted attribute."""
    return html.escape(_NOT_XML.sub("", text), quote=True)


def num(value: float) -> str:
    """A coordinate: at most two decimals, no trailing zeros, never «-0»."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def attrs(values: Mapping[str, AttrValue]) -> str:
    parts = []
    for name, value in values.items():
        if value is None:
            continue
        shown = num(value) if isinstance(value, float) else str(value)
        parts.append(f' {name}="{escape(shown)}"')
    return "".join(parts)


def element(name: str, values: Mapping[str, AttrValue] | None = None, *children: str) -> str:
    """``<name …>children</name>``; children are markup already built by this module."""
    opening = f"<{name}{attrs(values or {})}"
    return f"{opening}>{''.join(children)}</{name}>" if children else f"{opening}/>"


def text(content: str, values: Mapping[str, AttrValue]) -> str:
    return element("text", values, escape(isolate(content)))


def isolate(content: str) -> str:
    """Wrap text holding left-to-right letters in a first-strong isolate (FSI … PDI).

    Inside the chart's right-to-left text a Latin name such as ``<script>`` or «Ali (2)» would otherwise
    have its brackets and ellipsis pulled to the wrong ends; isolated, it reads in its own direction
    while the label stays anchored where every other label is.
    """
    if any(unicodedata.bidirectional(c) == "L" for c in content):
        return f"{FSI}{content}{PDI}"
    return content


def title(content: str) -> str:
    return element("title", None, escape(content))


def view_box(width: float, height: float) -> str:
    return f"0 0 {num(width)} {num(height)}"


def svg_root(*, id_prefix: str, box: str, title_text: str, description: str, body: str, kind: str) -> str:
    """The outer ``<svg>``: an image named by its title and described by its desc, scaled by viewBox."""
    head = element("title", {"id": f"{id_prefix}-title"}, escape(title_text)) + element(
        "desc", {"id": f"{id_prefix}-desc"}, escape(description)
    )
    return element(
        "svg",
        {
            "xmlns": SVG_NS,
            "viewBox": box,
            "role": "img",
            "aria-labelledby": f"{id_prefix}-title",
            "aria-describedby": f"{id_prefix}-desc",
            "class": f"chart-svg chart-svg-{kind}",
            "direction": "rtl",
            "lang": "fa",
            "font-family": FONT_STACK,
            "preserveAspectRatio": "xMidYMid meet",
        },
        head,
        body,
    )
