"""Numbers as charts show them: Persian digits, ٬ for thousands, ٫ for decimals."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ostan.core.charts import InvalidChart, format_value


@pytest.mark.parametrize(
    ("value", "decimals", "suffix", "expected"),
    [
        (12840, 0, "", "۱۲٬۸۴۰"),
        (0, 0, "", "۰"),
        (1429475, 0, "", "۱٬۴۲۹٬۴۷۵"),
        (87.25, 1, "٪", "۸۷٫۳٪"),  # halves round up
        (Decimal("0.05"), 1, "", "۰٫۱"),
        (1234.5, 2, "", "۱٬۲۳۴٫۵۰"),
        (-3, 0, "", "−۳"),
        (2.5, 0, "", "۳"),
    ],
)
def test_format_value(value: float, decimals: int, suffix: str, expected: str) -> None:
    assert format_value(value, decimals=decimals, suffix=suffix) == expected


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), Decimal("NaN"), True, "12"])
def test_non_numbers_are_refused(bad: object) -> None:
    with pytest.raises(InvalidChart):
        format_value(bad)  # type: ignore[arg-type]
