"""The 3W matrix as a flat table for CSV and XLSX: one line per unit, category and institution."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from ostan.core.network import WhoDoesWhatWhere
from ostan.network.committees import CATEGORY_NAMES

HEADER = ("واحد", "مسیر واحد", "موضوع", "نهاد", "شمار اقدام", "بودجهٔ معلوم (ریال)", "اقدام بی‌بودجهٔ معلوم")


def matrix_lines(matrix: WhoDoesWhatWhere, institution_names: Mapping[str, str]) -> Iterator[tuple[object, ...]]:
    for row in matrix.rows:
        for (category, institution), tally in row.cells.items():
            yield (row.name, row.unit_path, CATEGORY_NAMES.get(category, category),
                   institution_names.get(institution, institution), tally.action_count, tally.budget,
                   tally.unbudgeted)  # fmt: skip
