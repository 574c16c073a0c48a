"""Lunar Hijri dates for the holiday calendar: the tabular (arithmetical) calendar, corrected where known.

Iran's lunar months begin with the sighting of the new moon, announced by the Leader's office a day or
so ahead, so no formula gives them. The tabular calendar used here (civil epoch: 1 Muharram 1 AH =
Friday 16 July 622 Julian; leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29 of each 30-year cycle;
odd months 30 days, even months 29, Dhu al-Hijja 30 in a leap year) lands within a day of the sighted
dates. Where the published official calendar is known, :data:`PUBLISHED_MONTH_STARTS` pins a month's
first day, and every later month keeps that month's offset from the tabular calendar until the next
pinned month, so month lengths stay 29 or 30. Every date this module gives is provisional: the app lets
an administrator correct a lunar holiday once the month is announced.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass

# 1 Muharram 1 AH, Friday 16 July 622 Julian = 19 July 622 on the proleptic Gregorian calendar Python uses.
EPOCH_ORDINAL = dt.date(622, 7, 19).toordinal()
LEAP_YEARS_IN_CYCLE = frozenset({2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29})
CYCLE_YEARS = 30
CYCLE_DAYS = 30 * 354 + len(LEAP_YEARS_IN_CYCLE)

MUHARRAM, SAFAR, RABI_AL_AWWAL, RABI_AL_THANI, JUMADA_AL_AWWAL, JUMADA_AL_THANI = range(1, 7)
RAJAB, SHABAN, RAMADAN, SHAWWAL, DHU_AL_QADA, DHU_AL_HIJJA = range(7, 13)

# First days of lunar months as given by the official calendar of 1405 (شورای فرهنگ عمومی, reported by
# ILNA on 8 Aban 1404): 29 Esfand 1404 is 30 Ramadan, and Eid al-Fitr falls on 1 Farvardin, Eid al-Adha on
# 6 Khordad and Tasua on 3 Tir 1405.
PUBLISHED_MONTH_STARTS: dict[tuple[int, int], dt.date] = {
    (1447, RAMADAN): dt.date(2026, 2, 19),
    (1447, SHAWWAL): dt.date(2026, 3, 21),
    (1447, DHU_AL_HIJJA): dt.date(2026, 5, 18),
    (1448, MUHARRAM): dt.date(2026, 6, 16),
}


@dataclass(frozen=True, order=True)
class HijriMonth:
    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12 or self.year < 1:
            raise ValueError(f"no such Hijri month: {self.year}/{self.month}")

    def next(self) -> HijriMonth:
        return HijriMonth(self.year + 1, 1) if self.month == 12 else HijriMonth(self.year, self.month + 1)

    @property
    def index(self) -> int:
        return self.year * 12 + self.month


def is_leap_year(year: int) -> bool:
    return (year - 1) % CYCLE_YEARS + 1 in LEAP_YEARS_IN_CYCLE


def _days_before_year(year: int) -> int:
    cycles, rest = divmod(year - 1, CYCLE_YEARS)
    leaps = sum(1 for y in range(1, rest + 1) if y in LEAP_YEARS_IN_CYCLE)
    return cycles * CYCLE_DAYS + rest * 354 + leaps


def tabular_month_start(month: HijriMonth) -> dt.date:
    """The first day of ``month`` on the tabular calendar."""
    before = sum(30 if m % 2 else 29 for m in range(1, month.month))
    return dt.date.fromordinal(EPOCH_ORDINAL + _days_before_year(month.year) + before)


_PINNED = sorted((HijriMonth(y, m), start) for (y, m), start in PUBLISHED_MONTH_STARTS.items())
_PINNED_INDEXES = [month.index for month, _ in _PINNED]


def _offset(month: HijriMonth) -> int:
    """Days between the official and the tabular start, carried from the latest pinned month at or before."""
    position = bisect.bisect_right(_PINNED_INDEXES, month.index)
    if position == 0:
        return 0
    pinned, start = _PINNED[position - 1]
    return start.toordinal() - tabular_month_start(pinned).toordinal()


def month_start(month: HijriMonth) -> dt.date:
    """The first day of ``month``: pinned when published, else tabular with the carried offset."""
    return tabular_month_start(month) + dt.timedelta(days=_offset(month))


def month_length(month: HijriMonth) -> int:
    return (month_start(month.next()) - month_start(month)).days


def to_gregorian(year: int, month: int, day: int) -> dt.date:
    """The Gregorian date of ``day`` of a Hijri month; ``day`` must exist in that month."""
    hm = HijriMonth(year, month)
    if not 1 <= day <= month_length(hm):
        raise ValueError(f"no such Hijri day: {year}/{month}/{day}")
    return month_start(hm) + dt.timedelta(days=day - 1)


def last_day(year: int, month: int) -> dt.date:
    hm = HijriMonth(year, month)
    return month_start(hm.next()) - dt.timedelta(days=1)


def years_overlapping(start: dt.date, end: dt.date) -> range:
    """Hijri years with at least one day in ``[start, end]`` (a margin year each side, to be safe)."""
    first = (start.toordinal() - EPOCH_ORDINAL) * CYCLE_YEARS // CYCLE_DAYS
    last = (end.toordinal() - EPOCH_ORDINAL) * CYCLE_YEARS // CYCLE_DAYS + 2
    return range(max(first, 1), last + 1)
