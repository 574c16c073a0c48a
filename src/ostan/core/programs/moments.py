"""Moments and local days: every rule here that speaks of "a day" means the day on the wall in Tehran.

Callers pass an aware moment (``timezone.now()`` in the apps); the core never reads the clock. The time zone
is an argument with Asia/Tehran as its default, as in :mod:`ostan.core.jalali`.
"""

from __future__ import annotations

import datetime as dt

from ostan.core.jalali import TEHRAN
from ostan.core.programs.errors import InvalidMoment

__all__ = ["TEHRAN", "local_day", "require_aware"]


def require_aware(moment: dt.datetime, field: str) -> dt.datetime:
    """``moment`` itself, or a refusal when it carries no time zone."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise InvalidMoment("زمان باید با منطقهٔ زمانی داده شود تا روزِ آن معلوم باشد.", details={"path": field})
    return moment


def local_day(moment: dt.datetime, tz: dt.tzinfo = TEHRAN, *, field: str = "at") -> dt.date:
    """The calendar day ``moment`` falls on in ``tz``."""
    return require_aware(moment, field).astimezone(tz).date()
