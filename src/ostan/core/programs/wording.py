"""How the programmes core writes figures for people: Persian digits, whole percentages, Jalali dates.

Percentages are rounded *down*, so «۱۰۰٪» appears only when a target is really reached and a project at
59.9% of its time is not shown as past 60%.
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal
from fractions import Fraction

from ostan.core.jalali import format_date
from ostan.core.text import format_number, to_persian_digits

PERCENT_SIGN = "\u066a"  # ٪ Arabic percent sign, the one Persian typography uses
DECIMAL_SEPARATOR = "\u066b"  # ٫ Arabic decimal separator


def percent(share: Fraction) -> str:
    """0.4 → «۴۰٪» (rounded down; shares above 1 show as they are, e.g. «۱۲۰٪»)."""
    return f"{to_persian_digits(math.floor(share * 100))}{PERCENT_SIGN}"


def quantity(value: Decimal | int) -> str:
    """116 → «۱۱۶», 4140 → «۴٬۱۴۰», 2.5 → «۲٫۵»: thousands grouped, the Persian decimal separator."""
    number = Decimal(value)
    whole = int(number)
    fraction = abs(number - whole)
    grouped = format_number(abs(whole))
    sign = "-" if number < 0 else ""
    if not fraction:
        return sign + grouped
    decimals = format(fraction.normalize(), "f").split(".")[1]
    return f"{sign}{grouped}{DECIMAL_SEPARATOR}{to_persian_digits(decimals)}"


def count(value: int) -> str:
    """A whole count in Persian digits, grouped: 2 → «۲»."""
    return format_number(value)


def day(value: dt.date) -> str:
    """A Gregorian date shown as the Jalali «۱ آذر ۱۴۰۵»."""
    return format_date(value, long=True)
