"""Iran's official holidays as data, and the administrator's holiday file.

Solar holidays fall on fixed Jalali days (:data:`SOLAR_HOLIDAYS`). Lunar ones fall on fixed Hijri days
(:data:`LUNAR_HOLIDAYS`) and are placed through ``hijri.py``: the tabular calendar pinned to the months
the official 1405 calendar gives. Each lunar holiday is marked ``is_provisional``: Iran's lunar months
follow the sighting of the moon, and an administrator corrects the date in the app once it is announced
(:func:`with_corrections`). A lunar holiday can fall twice in one Jalali year (Eid al-Fitr in 1405) or
on the same day as another holiday (Eid al-Ghadir and 14 Khordad in 1405); both are kept as entries,
and :func:`holiday_dates` gives the set of days a working calendar needs.

The holiday file an administrator uploads is CSV, one holiday per line: Jalali date (any digit style,
``1405/01/14`` or ``۱۴۰۵-۱-۱۴``), name, and optionally the kind (خورشیدی / قمری / اعلامی, or solar /
lunar / declared; declared, e.g. a closure for air pollution, when left out). A header line whose first
cell is «تاریخ» or ``date`` is skipped, as are empty lines. Loading is all-or-nothing: every bad line is
listed with a Persian message in one :class:`HolidayFileError`, and no holiday is returned.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

import jdatetime

from ostan.core.jalali import InvalidJalaliDate, parse_date
from ostan.core.servicedesk import hijri
from ostan.core.servicedesk.errors import HolidayFileError
from ostan.core.text import normalize, search_key, to_persian_digits


class HolidayKind(StrEnum):
    SOLAR = "solar"
    LUNAR = "lunar"
    DECLARED = "declared"  # announced for one occasion (air pollution, heat, an election day)

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {HolidayKind.SOLAR: "خورشیدی", HolidayKind.LUNAR: "قمری", HolidayKind.DECLARED: "اعلامی"}


@dataclass(frozen=True, order=True)
class Holiday:
    date: dt.date
    name: str
    kind: HolidayKind
    is_provisional: bool = False

    def __post_init__(self) -> None:
        if not normalize(self.name):
            raise ValueError("a holiday needs a name")


# قانون تعیین تعطیلات رسمی کشور: the solar holidays, as (Jalali month, day, name).
SOLAR_HOLIDAYS: tuple[tuple[int, int, str], ...] = (
    (1, 1, "آغاز نوروز"),
    (1, 2, "عید نوروز"),
    (1, 3, "عید نوروز"),
    (1, 4, "عید نوروز"),
    (1, 12, "روز جمهوری اسلامی ایران"),
    (1, 13, "روز طبیعت"),
    (3, 14, "رحلت حضرت امام خمینی"),
    (3, 15, "قیام ۱۵ خرداد"),
    (11, 22, "پیروزی انقلاب اسلامی"),
    (12, 29, "روز ملی شدن صنعت نفت ایران"),
)

LAST_DAY = 0  # a lunar holiday on the month's last day (29 or 30): Imam Reza's martyrdom, end of Safar

# The same law's lunar holidays, as (Hijri month, day, name); the official calendar also closes on
# 8 Rabi al-Awwal (Imam Hasan Askari's martyrdom), which is listed with them.
LUNAR_HOLIDAYS: tuple[tuple[int, int, str], ...] = (
    (hijri.MUHARRAM, 9, "تاسوعای حسینی"),
    (hijri.MUHARRAM, 10, "عاشورای حسینی"),
    (hijri.SAFAR, 20, "اربعین حسینی"),
    (hijri.SAFAR, 28, "رحلت حضرت رسول اکرم و شهادت امام حسن مجتبی"),
    (hijri.SAFAR, LAST_DAY, "شهادت امام رضا"),
    (hijri.RABI_AL_AWWAL, 8, "شهادت امام حسن عسکری"),
    (hijri.RABI_AL_AWWAL, 17, "میلاد حضرت رسول اکرم و امام جعفر صادق"),
    (hijri.JUMADA_AL_THANI, 3, "شهادت حضرت فاطمه زهرا"),
    (hijri.RAJAB, 13, "ولادت امام علی"),
    (hijri.RAJAB, 27, "مبعث حضرت رسول اکرم"),
    (hijri.SHABAN, 15, "ولادت حضرت قائم"),
    (hijri.RAMADAN, 21, "شهادت امام علی"),
    (hijri.SHAWWAL, 1, "عید سعید فطر"),
    (hijri.SHAWWAL, 2, "تعطیل به مناسبت عید سعید فطر"),
    (hijri.SHAWWAL, 25, "شهادت امام جعفر صادق"),
    (hijri.DHU_AL_HIJJA, 10, "عید سعید قربان"),
    (hijri.DHU_AL_HIJJA, 18, "عید سعید غدیر خم"),
)

# A correction replaces a provisional holiday of the same name at most this far away: a sighted month
# starts a day or two from the tabular one, while the same holiday's other occurrence is ~354 days off.
CORRECTION_REACH = dt.timedelta(days=3)


def jalali_year_span(year: int) -> tuple[dt.date, dt.date]:
    """The first and last Gregorian days of Jalali ``year``."""
    first: dt.date = jdatetime.date(year, 1, 1).togregorian()
    following: dt.date = jdatetime.date(year + 1, 1, 1).togregorian()
    return first, following - dt.timedelta(days=1)


def official_holidays(year: int) -> tuple[Holiday, ...]:
    """Every official holiday of Jalali ``year``, sorted by date; lunar ones are provisional."""
    solar = [
        Holiday(jdatetime.date(year, month, day).togregorian(), name, HolidayKind.SOLAR)
        for month, day, name in SOLAR_HOLIDAYS
    ]
    return tuple(sorted(solar + _lunar_holidays(year)))


def _lunar_holidays(year: int) -> list[Holiday]:
    first, last = jalali_year_span(year)
    found: list[Holiday] = []
    for hijri_year in hijri.years_overlapping(first, last):
        for month, day, name in LUNAR_HOLIDAYS:
            date = hijri.last_day(hijri_year, month) if day == LAST_DAY else hijri.to_gregorian(hijri_year, month, day)
            if first <= date <= last:
                found.append(Holiday(date, name, HolidayKind.LUNAR, is_provisional=True))
    return found


def holiday_dates(holidays: Iterable[Holiday]) -> frozenset[dt.date]:
    return frozenset(h.date for h in holidays)


def with_corrections(holidays: Iterable[Holiday], corrections: Iterable[Holiday]) -> tuple[Holiday, ...]:
    """``holidays`` with each correction added, dropping the provisional entry it corrects.

    A correction corrects a provisional holiday of the same name (compared by ``search_key``, leaving
    out punctuation and honorifics in parentheses such as «(ع)») whose date lies within
    :data:`CORRECTION_REACH`; a correction that matches none is simply added.
    """
    fixes = list(corrections)
    kept = [h for h in holidays if not (h.is_provisional and any(_corrects(fix, h) for fix in fixes))]
    return tuple(sorted(set(kept) | set(fixes)))


def _corrects(fix: Holiday, provisional: Holiday) -> bool:
    return _name_key(fix.name) == _name_key(provisional.name) and abs(fix.date - provisional.date) <= CORRECTION_REACH


_PARENTHESES = re.compile(r"\([^)]*\)")
_NOT_WORD = re.compile(r"\W+")


def _name_key(name: str) -> str:
    """A name without honorifics in parentheses («شهادت امام رضا (ع)»), punctuation or spelling variants."""
    return search_key(_NOT_WORD.sub(" ", _PARENTHESES.sub(" ", normalize(name))))


_KIND_NAMES = {
    **{search_key(label): kind for kind, label in _KIND_LABELS.items()},
    **{kind.value: kind for kind in HolidayKind},
}
_HEADER_CELLS = {search_key("تاریخ"), "date"}


def holidays_from_csv(lines: Iterable[str], *, filename: str = "-") -> tuple[Holiday, ...]:
    """The administrator's holidays (not provisional), or :class:`HolidayFileError` listing every bad line."""
    holidays: list[Holiday] = []
    errors: list[tuple[int, str]] = []
    seen: dict[tuple[dt.date, str], int] = {}
    reader = csv.reader((line.lstrip("\ufeff") for line in lines), strict=True)
    try:
        for row in reader:
            number = reader.line_num
            cells = [normalize(cell) for cell in row]
            if not any(cells) or (not holidays and not errors and search_key(cells[0]) in _HEADER_CELLS):
                continue
            try:
                holiday = _holiday_row(cells)
            except _LineError as problem:
                errors.append((number, str(problem)))
                continue
            key = (holiday.date, search_key(holiday.name))
            if key in seen:
                errors.append((number, f"تکرار سطر {to_persian_digits(seen[key])} است."))
                continue
            seen[key] = number
            holidays.append(holiday)
    except csv.Error as error:
        errors.append((reader.line_num, f"CSV معتبر نیست ({error})."))
    if not holidays and not errors:
        errors.append((0, "پرونده هیچ تعطیلی ندارد."))
    if errors:
        raise _file_error(filename, errors)
    return tuple(sorted(holidays))


class _LineError(Exception):
    pass


def _holiday_row(cells: list[str]) -> Holiday:
    if len(cells) not in (2, 3):
        raise _LineError("هر سطر باید «تاریخ، نام» و در صورت نیاز «نوع» باشد.")
    try:
        date = parse_date(cells[0])
    except InvalidJalaliDate as error:
        raise _LineError(error.message) from None
    if not cells[1]:
        raise _LineError("نام تعطیلی خالی است.")
    kind = HolidayKind.DECLARED
    if len(cells) == 3 and cells[2]:
        found = _KIND_NAMES.get(search_key(cells[2]))
        if found is None:
            raise _LineError(f"نوع «{cells[2]}» شناخته نیست؛ یکی از خورشیدی، قمری یا اعلامی را بنویسید.")
        kind = found
    return Holiday(date, cells[1], kind)


def _file_error(filename: str, errors: list[tuple[int, str]]) -> HolidayFileError:
    line, message = errors[0]
    where = f"سطر {to_persian_digits(line)}: " if line else ""
    more = f" (و {to_persian_digits(len(errors) - 1)} سطر دیگر)" if len(errors) > 1 else ""
    return HolidayFileError(
        f"پروندهٔ تعطیلات «{filename}»، {where}{message.rstrip('.')}{more}. هیچ تعطیلی بارگذاری نشد.",
        details={"file": filename, "errors": [{"line": n, "message": m} for n, m in errors]},
    )
