"""Working days: which days an office works, and counting them.

A :class:`WorkingCalendar` is the weekend (Python weekday numbers; Friday is always in it, Thursday is
the usual second day for offices that close on Thursdays) and a set of holiday dates (see
``holidays.py`` for the official ones). Everything else is a working day.

Counting rule used throughout the service desk: ``working_days_between(start, end)`` counts the working
days ``d`` with ``start < d <= end`` — the start day itself never counts, the end day does. So
``working_days_between(day, add_working_days(day, n)) == n`` for every ``day`` and ``n >= 0``, and the
count is negative when ``end`` is before ``start``.

Counting does not walk day by day: whole weeks are multiplied out and holidays are found by bisection
in a sorted tuple, so a year's count costs the same as a day's.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field

from ostan.core.servicedesk.errors import InvalidCalendar

MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY = range(7)
# Friday is the weekly public holiday (قانون کار، ماده ۶۲); most government offices also close on Thursdays.
DEFAULT_WEEKEND = frozenset({FRIDAY})
THURSDAY_AND_FRIDAY = frozenset({THURSDAY, FRIDAY})


@dataclass(frozen=True)
class WorkingCalendar:
    holidays: frozenset[dt.date] = frozenset()
    weekend: frozenset[int] = DEFAULT_WEEKEND
    # Ordinals of holidays that fall on a weekday, sorted: the only days counting must subtract one by one.
    _weekday_holidays: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if FRIDAY not in self.weekend:
            raise InvalidCalendar("جمعه همیشه تعطیل است و باید در تعطیلات هفتگی بیاید.", details={"path": "weekend"})
        if not self.weekend <= set(range(7)) or len(self.weekend) == 7:
            raise InvalidCalendar("تعطیلات هفتگی باید از روزهای هفته باشد و دست‌کم یک روز کاری بماند.")
        ordinals = sorted(d.toordinal() for d in self.holidays if d.weekday() not in self.weekend)
        object.__setattr__(self, "_weekday_holidays", tuple(ordinals))

    @classmethod
    def iranian(cls, holidays: frozenset[dt.date] = frozenset(), *, is_thursday_off: bool = False) -> WorkingCalendar:
        """Friday off always; Thursday too for offices that close on Thursdays."""
        return cls(holidays=holidays, weekend=THURSDAY_AND_FRIDAY if is_thursday_off else DEFAULT_WEEKEND)

    @property
    def working_days_per_week(self) -> int:
        return 7 - len(self.weekend)

    def is_working_day(self, day: dt.date) -> bool:
        return day.weekday() not in self.weekend and day not in self.holidays

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days ``d`` with ``start < d <= end``; negative (the same count, signed) if ``end < start``."""
        if end < start:
            return -self._count_after(end, start)
        return self._count_after(start, end)

    def add_working_days(self, day: dt.date, n: int) -> dt.date:
        """The ``n``-th working day after ``day`` (``n >= 1``); ``n == 0`` gives ``day``; ``n < 0`` goes back.

        Going back, ``add_working_days(day, -k)`` is the latest working day ``r < day`` with
        ``working_days_between(r, day) == k`` when ``day`` is itself a working day.
        """
        if n == 0:
            return day
        if n > 0:
            return self._search(day, n, forward=True)
        return self._search(day, -n, forward=False)

    def next_working_day(self, day: dt.date) -> dt.date:
        """The first working day strictly after ``day``."""
        return self.add_working_days(day, 1)

    def working_day_on_or_after(self, day: dt.date) -> dt.date:
        return day if self.is_working_day(day) else self.next_working_day(day)

    def _count_after(self, start: dt.date, end: dt.date) -> int:
        """Working days in ``(start, end]`` for ``start <= end``."""
        days = end.toordinal() - start.toordinal()
        weeks, rest = divmod(days, 7)
        count = weeks * self.working_days_per_week
        first_weekday = (start.weekday() + 1) % 7
        count += sum(1 for i in range(rest) if (first_weekday + i) % 7 not in self.weekend)
        lo = bisect.bisect_right(self._weekday_holidays, start.toordinal())
        hi = bisect.bisect_right(self._weekday_holidays, end.toordinal())
        return count - (hi - lo)

    def _search(self, day: dt.date, n: int, *, forward: bool) -> dt.date:
        """The nearest date ``d`` beyond ``day`` with exactly ``n`` working days between them (bisection)."""
        # Every week holds at least one working weekday and each holiday removes at most one, so the answer
        # lies within 7 × (n + holidays + 1) days.
        span = 7 * (n + len(self._weekday_holidays) + 1)
        lo, hi = 1, span
        while lo < hi:
            mid = (lo + hi) // 2
            if forward:
                reached = self._count_after(day, day + dt.timedelta(days=mid))
            else:
                reached = self._count_after(day - dt.timedelta(days=mid), day) - (1 if self.is_working_day(day) else 0)
                reached += 1 if self.is_working_day(day - dt.timedelta(days=mid)) else 0
            if reached >= n:
                hi = mid
            else:
                lo = mid + 1
        return day + dt.timedelta(days=lo) if forward else day - dt.timedelta(days=lo)
