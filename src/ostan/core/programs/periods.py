"""Jalali reporting periods: a year, a quarter (= a season: بهار is months 1–3) or a month.

Periods nest (month ⊂ quarter ⊂ year) and two different periods of one kind never overlap, which is what
lets outcome roll-ups add records without counting a month twice. Written as keys ``1404``, ``1404-Q3``
and ``1404-07``; shown as «سال ۱۴۰۴», «پاییز ۱۴۰۴», «مهر ۱۴۰۴».
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

import jdatetime

from ostan.core.jalali import MONTHS
from ostan.core.programs.errors import InvalidPeriod
from ostan.core.text import normalize_digits, to_persian_digits

SEASONS = ("بهار", "تابستان", "پاییز", "زمستان")
_KEY = re.compile(r"^(\d{4})(?:-Q([1-4])|-(\d{2}))?$")


class PeriodKind(StrEnum):
    YEAR = "year"
    QUARTER = "quarter"
    MONTH = "month"


_KIND_NAMES = {PeriodKind.YEAR: "سال", PeriodKind.QUARTER: "فصل", PeriodKind.MONTH: "ماه"}
_MONTHS_IN = {PeriodKind.YEAR: 12, PeriodKind.QUARTER: 3, PeriodKind.MONTH: 1}
_COUNT = {PeriodKind.YEAR: 1, PeriodKind.QUARTER: 4, PeriodKind.MONTH: 12}


@dataclass(frozen=True, order=True)
class JalaliPeriod:
    year: int
    kind: PeriodKind
    number: int = 1  # 1 for a year, 1–4 for a quarter, 1–12 for a month

    def __post_init__(self) -> None:
        # The year after is needed for a period's last day, hence one short of jdatetime's last year.
        if not 1 <= self.number <= _COUNT[self.kind] or not jdatetime.MINYEAR <= self.year < jdatetime.MAXYEAR:
            name = _KIND_NAMES[self.kind]
            raise InvalidPeriod(
                f"{name} شمارهٔ {to_persian_digits(self.number)} از سال {to_persian_digits(self.year)} وجود ندارد.",
                details={"path": "period"},
            )

    @classmethod
    def for_year(cls, year: int) -> JalaliPeriod:
        return cls(year, PeriodKind.YEAR)

    @classmethod
    def for_quarter(cls, year: int, quarter: int) -> JalaliPeriod:
        return cls(year, PeriodKind.QUARTER, quarter)

    @classmethod
    def for_month(cls, year: int, month: int) -> JalaliPeriod:
        return cls(year, PeriodKind.MONTH, month)

    @classmethod
    def containing(cls, day: dt.date, kind: PeriodKind) -> JalaliPeriod:
        """The period of ``kind`` that the Gregorian ``day`` falls in."""
        j = jdatetime.date.fromgregorian(date=day)
        number = {PeriodKind.YEAR: 1, PeriodKind.QUARTER: (j.month - 1) // 3 + 1, PeriodKind.MONTH: j.month}[kind]
        return cls(j.year, kind, number)

    @classmethod
    def parse(cls, key: str) -> JalaliPeriod:
        """``1404``, ``1404-Q3`` or ``1404-07`` (any digit style) → the period."""
        match = _KEY.match(normalize_digits(key.strip()))
        if not match:
            raise InvalidPeriod(f"دورهٔ «{key}» خوانا نیست؛ به شکل 1404، 1404-Q3 یا 1404-07 بنویسید.")
        year, quarter, month = match.groups()
        if quarter:
            return cls.for_quarter(int(year), int(quarter))
        if month:
            return cls.for_month(int(year), int(month))
        return cls.for_year(int(year))

    @property
    def key(self) -> str:
        if self.kind is PeriodKind.QUARTER:
            return f"{self.year}-Q{self.number}"
        if self.kind is PeriodKind.MONTH:
            return f"{self.year}-{self.number:02d}"
        return str(self.year)

    @property
    def label(self) -> str:
        year = to_persian_digits(self.year)
        if self.kind is PeriodKind.QUARTER:
            return f"{SEASONS[self.number - 1]} {year}"
        if self.kind is PeriodKind.MONTH:
            return f"{MONTHS[self.number - 1]} {year}"
        return f"سال {year}"

    @property
    def first_month(self) -> int:
        return (self.number - 1) * _MONTHS_IN[self.kind] + 1

    @property
    def last_month(self) -> int:
        return self.first_month + _MONTHS_IN[self.kind] - 1

    def contains(self, other: JalaliPeriod) -> bool:
        """True when ``other`` is this period or lies inside it."""
        return self.year == other.year and self.first_month <= other.first_month and other.last_month <= self.last_month

    def overlaps(self, other: JalaliPeriod) -> bool:
        return self.contains(other) or other.contains(self)

    @property
    def first_day(self) -> dt.date:
        day: dt.date = jdatetime.date(self.year, self.first_month, 1).togregorian()
        return day

    @property
    def last_day(self) -> dt.date:
        if self.last_month == 12:
            return JalaliPeriod.for_year(self.year + 1).first_day - dt.timedelta(days=1)
        return JalaliPeriod.for_month(self.year, self.last_month + 1).first_day - dt.timedelta(days=1)
