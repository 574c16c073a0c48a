"""How the programmes' pages write shares and quantities: the core's own wording (rounded down, Persian)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from django import template

from ostan.core.programs import wording

register = template.Library()


@register.filter
def share(value: Fraction | None) -> str:
    """A share 0…1 as «۴۰٪»; «—» for none."""
    return "—" if value is None else wording.percent(Fraction(value))


@register.filter
def quantity(value: Decimal | int | None) -> str:
    return "—" if value is None else wording.quantity(Decimal(value))


@register.filter
def percent_number(value: Fraction | None) -> int:
    """A share as a whole number 0…100 (for a progress bar's value)."""
    return 0 if value is None else int(Fraction(value) * 100)
