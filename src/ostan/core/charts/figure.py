"""What a renderer returns: the SVG, its legend and the table of the same numbers, ready for a template.

``svg`` and each legend ``swatch`` are finished markup (every text already escaped); the titles, labels
and table cells are plain text for the template to escape as it escapes everything else.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Cell:
    text: str
    href: str | None = None
    is_number: bool = False


@dataclass(frozen=True)
class DataTable:
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


@dataclass(frozen=True)
class LegendEntry:
    label: str
    swatch: str  # a small decorative SVG (aria-hidden)


@dataclass(frozen=True)
class Figure:
    kind: str  # "bar", "grouped_bar", "stacked_bar", "line", "choropleth"
    title: str
    description: str
    svg: str
    legend: tuple[LegendEntry, ...]
    table: DataTable
