"""``{{ value|fa_figure }}``: an indicator's figure in Persian: thousands grouped, at most two decimals after «٫»."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

from django import template

from ostan.core.text import format_number, to_persian_digits

register = template.Library()
SHOWN_PLACES = Decimal("0.01")


@register.filter
def fa_figure(value: object) -> str:
    if value is None or value == "":
        return "—"
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return to_persian_digits(value)
    rounded = number.quantize(SHOWN_PLACES, rounding=ROUND_HALF_EVEN)
    whole = int(rounded)
    fraction = str(abs(rounded) - abs(Decimal(whole)))[2:].rstrip("0")
    sign = "−" if rounded < 0 and whole == 0 else ""
    text = sign + format_number(whole)
    return f"{text}٫{to_persian_digits(fraction)}" if fraction else text
