"""How the network core shows exact figures: fractions rounded half-even, once, at the end.

Roll-ups compute with :class:`fractions.Fraction` so that a mean of equal values is that value and a
sum of shares is exactly one; only the figure handed to a screen is rounded.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction


def to_decimal(value: Fraction | int | Decimal, places: Decimal) -> Decimal:
    """``value`` rounded half-even to the exponent of ``places`` (e.g. ``Decimal("0.01")``), exactly."""
    step = Fraction(places)
    return (Decimal(round(Fraction(value) / step)) * places).quantize(places)
