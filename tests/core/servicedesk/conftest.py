"""Shared builders for the service desk tests: the official calendars and Jalali shorthands."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import jdatetime
from hypothesis import strategies as st

from ostan.core.servicedesk import WorkingCalendar, holiday_dates, official_holidays

TEHRAN = ZoneInfo("Asia/Tehran")
OFFICIAL_DAYS = holiday_dates(h for year in (1404, 1405, 1406) for h in official_holidays(year))
CALENDAR = WorkingCalendar.iranian(OFFICIAL_DAYS)
THURSDAYS_OFF = WorkingCalendar.iranian(OFFICIAL_DAYS, is_thursday_off=True)
# The span the official holidays above cover, with room for deadlines to run on.
FIRST_DAY = dt.date(2025, 3, 21)
LAST_DAY = dt.date(2027, 12, 31)


def j(year: int, month: int, day: int) -> dt.date:
    """A Jalali date as the Gregorian date the code works with."""
    gregorian: dt.date = jdatetime.date(year, month, day).togregorian()
    return gregorian


def tehran(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> dt.datetime:
    """A Jalali day and time in Tehran, as an aware datetime."""
    return dt.datetime.combine(j(year, month, day), dt.time(hour, minute), tzinfo=TEHRAN)


days = st.dates(FIRST_DAY, LAST_DAY)


@st.composite
def calendars(draw: st.DrawFn) -> WorkingCalendar:
    """The official calendar or random holidays, with Friday or Thursday and Friday off."""
    extra = draw(st.frozensets(days, max_size=30))
    base = OFFICIAL_DAYS if draw(st.booleans()) else frozenset()
    return WorkingCalendar.iranian(base | extra, is_thursday_off=draw(st.booleans()))
