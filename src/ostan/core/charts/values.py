"""Numbers as a chart shows them: Persian digits, the Persian thousands (٬) and decimal (٫) separators."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

from ostan.core.charts.errors import InvalidChart
from ostan.core.text import format_number, to_persian_digits

type Number = int | float | Decimal

DECIMAL_SEPARATOR = "\u066b"  # ٫ Arabic decimal separator, the Persian one
MINUS = "\u2212"


def as_decimal(value: Number, *, path: str = "value") -> Decimal:
    """An exact Decimal for a chart value; refuses booleans, NaN and infinities (they cannot be drawn)."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise InvalidChart(f"مقدار «{value}» عدد نیست.", details={"path": path})
    if isinstance(value, float):
        if not math.isfinite(value):
            raise InvalidChart("مقدار نمودار باید عددی متناهی باشد.", details={"path": path})
        return Decimal(repr(value))
    exact = Decimal(value)
    if not exact.is_finite():
        raise InvalidChart("مقدار نمودار باید عددی متناهی باشد.", details={"path": path})
    return exact


def format_value(value: Number, *, decimals: int = 0, suffix: str = "") -> str:
    """``1234567`` → «۱٬۲۳۴٬۵۶۷»; ``87.25`` with one decimal and «٪» → «۸۷٫۳٪» (halves round up)."""
    exact = as_decimal(value)
    rounded = exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    whole, _, fraction = f"{abs(rounded):f}".partition(".")
    sign = MINUS if rounded < 0 else ""
    text = format_number(int(whole))
    if fraction:
        text += DECIMAL_SEPARATOR + to_persian_digits(fraction)
    return sign + text + suffix


def decimals_of(step: Decimal) -> int:
    """How many decimals a tick step needs: 0.25 → 2, 5 → 0, 1E+3 → 0."""
    exponent = step.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0
