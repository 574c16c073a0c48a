"""Reporting periods in the Jalali calendar: months, quarters (seasons) and years.

Canonical spellings, which :func:`parse_period` reads in any digit style (ASCII, Persian, Arabic-Indic)
and :meth:`Period.__str__` writes: a month «1405-03» (also «1405/3»), a quarter «1405Q2» (also
«1405-Q2», «1405q2»), a year «1405». Quarter *n* is months 3n−2..3n, i.e. the seasons: Q1 is spring
(Farvardin–Khordad) and Q4 winter (Dey–Esfand, 29 or 30 days in Esfand). Day ranges are Gregorian
dates, both ends inclusive, as storage is Gregorian.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import total_ordering

import jdatetime

from ostan.core.jalali import MONTHS
from ostan.core.network.errors import InvalidPeriod
from ostan.core.text import normalize_digits, to_persian_digits


class PeriodKind(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


_SPAN = {PeriodKind.MONTH: 1, PeriodKind.QUARTER: 3, PeriodKind.YEAR: 12}  # months in a period
_COUNT = {PeriodKind.MONTH: 12, PeriodKind.QUARTER: 4, PeriodKind.YEAR: 1}  # periods in a year
SEASONS = ("بهار", "تابستان", "پاییز", "زمستان")
_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})\s*[-/]\s*(\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})\s*-?\s*[Qq]\s*(\d)$")


@total_ordering
@dataclass(frozen=True)
class Period:
    """One Jalali month, quarter or year; ``number`` is the month (1..12), the quarter (1..4) or 1."""

    kind: PeriodKind
    year: int
    number: int = 1

    def __post_init__(self) -> None:
        if not 1 <= self.year <= 3000 or not 1 <= self.number <= _COUNT[self.kind]:
            raise InvalidPeriod(f"دورهٔ «{self.year}/{self.number}» در تقویم خورشیدی وجود ندارد.")

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        return cls(PeriodKind.MONTH, year, month)

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        return cls(PeriodKind.QUARTER, year, quarter)

    @classmethod
    def whole_year(cls, year: int) -> Period:
        return cls(PeriodKind.YEAR, year, 1)

    @property
    def first_month(self) -> int:
        return (self.number - 1) * _SPAN[self.kind] + 1

    @property
    def first_day(self) -> dt.date:
        day: dt.date = jdatetime.date(self.year, self.first_month, 1).togregorian()
        return day

    @property
    def last_day(self) -> dt.date:
        return self.next().first_day - dt.timedelta(days=1)

    def next(self) -> Period:
        if self.number < _COUNT[self.kind]:
            return Period(self.kind, self.year, self.number + 1)
        return Period(self.kind, self.year + 1, 1)

    def previous(self) -> Period:
        if self.number > 1:
            return Period(self.kind, self.year, self.number - 1)
        return Period(self.kind, self.year - 1, _COUNT[self.kind])

    def contains_date(self, day: dt.date) -> bool:
        return self.first_day <= day <= self.last_day

    def contains(self, other: Period) -> bool:
        """Whether ``other`` (of this kind or a finer one) lies inside this period."""
        last = self.first_month + _SPAN[self.kind] - 1
        return (
            other.year == self.year
            and _SPAN[other.kind] <= _SPAN[self.kind]
            and self.first_month <= other.first_month <= last
        )

    def months(self) -> tuple[Period, ...]:
        return tuple(Period.month(self.year, self.first_month + i) for i in range(_SPAN[self.kind]))

    @property
    def label(self) -> str:
        """The Persian name: «خرداد ۱۴۰۵», «بهار ۱۴۰۵», «سال ۱۴۰۵»."""
        if self.kind is PeriodKind.MONTH:
            name = MONTHS[self.number - 1]
        elif self.kind is PeriodKind.QUARTER:
            name = SEASONS[self.number - 1]
        else:
            name = "سال"
        return f"{name} {to_persian_digits(self.year)}"

    def _key(self) -> tuple[int, int, int]:
        return (self.year, self.first_month, -_SPAN[self.kind])

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._key() < other._key()

    def __str__(self) -> str:
        if self.kind is PeriodKind.MONTH:
            return f"{self.year:04d}-{self.number:02d}"
        if self.kind is PeriodKind.QUARTER:
            return f"{self.year:04d}Q{self.number}"
        return f"{self.year:04d}"


def parse_period(text: str) -> Period:
    """«1405-03», «۱۴۰۵Q2», «١٤٠٥» → the period; a Persian error for anything else."""
    cleaned = normalize_digits(text).strip()
    if match := _YEAR.match(cleaned):
        return Period.whole_year(int(match[1]))
    for pattern, kind in ((_MONTH, PeriodKind.MONTH), (_QUARTER, PeriodKind.QUARTER)):
        if match := pattern.match(cleaned):
            number = int(match[2])
            if not 1 <= number <= _COUNT[kind]:
                break
            return Period(kind, int(match[1]), number)
    raise InvalidPeriod(
        f"دورهٔ «{text}» خوانده نشد؛ ماه را «۱۴۰۵-۰۳»، فصل را «۱۴۰۵Q2» و سال را «۱۴۰۵» بنویسید.",
        details={"text": text},
    )


def period_containing(day: dt.date, kind: PeriodKind) -> Period:
    j = jdatetime.date.fromgregorian(date=day)
    number = {PeriodKind.MONTH: j.month, PeriodKind.QUARTER: (j.month - 1) // 3 + 1, PeriodKind.YEAR: 1}[kind]
    return Period(kind, j.year, number)


def periods_between(first: Period, last: Period) -> tuple[Period, ...]:
    """Every period from ``first`` to ``last``, both included; both must be of one kind."""
    if first.kind is not last.kind:
        raise InvalidPeriod("ابتدا و انتهای بازه باید از یک نوع دوره باشند.", details={"first": str(first)})
    if last < first:
        raise InvalidPeriod("انتهای بازه پیش از ابتدای آن است.", details={"first": str(first), "last": str(last)})
    return tuple(_walk(first, last))


def _walk(first: Period, last: Period) -> Iterator[Period]:
    current = first
    while current <= last:
        yield current
        current = current.next()
