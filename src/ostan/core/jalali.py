"""Jalali (Solar Hijri) dates for display and input. Storage is always Gregorian and UTC.

The time zone is an argument, never read from settings: callers pass Asia/Tehran for display.
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import jdatetime

from ostan.core.errors import DomainError
from ostan.core.text import normalize_digits, to_persian_digits

TEHRAN = ZoneInfo("Asia/Tehran")

MONTHS = (
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
)
WEEKDAYS = ("شنبه", "یکشنبه", "دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه")
_DATE_INPUT = re.compile(r"^\s*(\d{3,4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*$")


class InvalidJalaliDate(DomainError):
    code = "invalid_jalali_date"


def to_jalali(day: dt.date) -> jdatetime.date:
    return jdatetime.date.fromgregorian(date=day)


def format_date(day: dt.date, *, persian_digits: bool = True, long: bool = False) -> str:
    """«۱۴۰۵/۰۹/۰۱», or with ``long`` «۱ آذر ۱۴۰۵»."""
    j = to_jalali(day)
    text = f"{j.day} {MONTHS[j.month - 1]} {j.year}" if long else f"{j.year:04d}/{j.month:02d}/{j.day:02d}"
    return to_persian_digits(text) if persian_digits else text


def format_datetime(moment: dt.datetime, tz: dt.tzinfo = TEHRAN, *, persian_digits: bool = True) -> str:
    """An aware moment shown in ``tz`` as «۱۴۰۵/۰۹/۰۱ ۱۴:۰۵»."""
    if moment.tzinfo is None:
        raise ValueError("format_datetime needs an aware datetime")
    local = moment.astimezone(tz)
    text = f"{format_date(local.date(), persian_digits=False)} {local:%H:%M}"
    return to_persian_digits(text) if persian_digits else text


def parse_date(text: str) -> dt.date:
    """«۱۴۰۵/۰۹/۰۱», «1405-9-1» or «١٤٠٥/٠٩/٠١» → the Gregorian date. Persian errors on bad input."""
    match = _DATE_INPUT.match(normalize_digits(text))
    if not match:
        raise InvalidJalaliDate("تاریخ را به شکل سال/ماه/روز وارد کنید؛ مثلاً ۱۴۰۵/۰۹/۰۱.")
    year, month, day = (int(g) for g in match.groups())
    try:
        gregorian: dt.date = jdatetime.date(year, month, day).togregorian()
    except ValueError as exc:
        raise InvalidJalaliDate("چنین روزی در تقویم خورشیدی وجود ندارد.") from exc
    return gregorian


def full_years_between(born: dt.date, on: dt.date) -> int:
    """Completed years from ``born`` to ``on`` (a voter is 18 full years old on election day)."""
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def start_of_day(day: dt.date, tz: dt.tzinfo = TEHRAN) -> dt.datetime:
    """The aware moment a calendar day begins in ``tz`` (a post that starts «۱۴۰۵/۰۹/۱۱» starts at its midnight)."""
    return dt.datetime.combine(day, dt.time.min, tzinfo=tz)
