"""Shared helpers for the chart core's tests: parse the SVG a figure returns and look inside it."""

from __future__ import annotations

import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    """The figure's SVG as XML: it must be well-formed, whatever the labels held."""
    return ET.fromstring(svg)  # noqa: S314 — the SVG is the core's own output, parsed to check it


def find_all(root: ET.Element, tag: str) -> list[ET.Element]:
    return list(root.iter(f"{SVG}{tag}"))


def texts(root: ET.Element, *, raw: bool = False) -> list[str]:
    """The drawn texts; unless ``raw``, without the bidi isolates wrapped around left-to-right labels."""
    found = [t.text or "" for t in find_all(root, "text")]
    return found if raw else [t.removeprefix("\u2068").removesuffix("\u2069") for t in found]


def titles(root: ET.Element) -> list[str]:
    return [t.text or "" for t in find_all(root, "title")]
