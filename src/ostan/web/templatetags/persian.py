"""Template filters for Persian display: digits, numbers, Jalali dates. Loaded as a builtin."""

from __future__ import annotations

import datetime as dt

from django import template
from django.utils import timezone

from ostan.core import jalali, text

register = template.Library()


@register.filter
def fa_digits(value: object) -> str:
    """Any value with its ASCII digits shown as Persian digits."""
    return "" if value is None else text.to_persian_digits(value)


@register.filter
def fa_number(value: object) -> str:
    """A whole number with Persian digits and thousands separators; «نامعلوم» for None."""
    if value is None or value == "":
        return "نامعلوم"
    try:
        return text.format_number(int(str(value)))
    except ValueError:
        return text.to_persian_digits(value)


@register.filter
def fa_percent(value: object, places: int = 1) -> str:
    if value is None:
        return "—"
    return text.to_persian_digits(f"{float(str(value)):.{int(places)}f}") + "٪"


@register.filter
def jdate(value: dt.date | dt.datetime | None, style: str = "") -> str:
    """Jalali date: ``{{ d|jdate }}`` → ۱۴۰۵/۰۹/۰۱, ``{{ d|jdate:"long" }}`` → ۱ آذر ۱۴۰۵."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return jalali.format_date(value, long=(style == "long"))


@register.filter
def jdatetime(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    return jalali.format_datetime(value, timezone.get_current_timezone())


@register.filter
def label_of(labels: object, key: object) -> object:
    """``{{ labels|label_of:key }}``: the Persian label a mapping gives a machine key, else the key."""
    return labels.get(key, key) if isinstance(labels, dict) else key
