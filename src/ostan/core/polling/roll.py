"""The voters' roll: who may vote in which constituency on election day, and roll import rows.

Rules (council election law, Art. 18 and the residence condition; see docs/election-day.md):

- A voter is 18 full years old on election day. "Full years" are counted on the Gregorian calendar by
  :func:`ostan.core.jalali.full_years_between` by default; ``EligibilityRule.age_calendar = "jalali"``
  counts birthdays on the Solar Hijri calendar instead (the two differ by a day around Nowruz; which one
  the executive board applies is unconfirmed). A 29 February (or 30 Esfand) birthday falls on the next
  day, 1 March (1 Farvardin), in common years.
- A voter's constituency is the one whose unit contains the voter's residence unit (unit paths are
  prefixes). Council votes are for one settlement's council, so even in large cities the roll stays
  residence-based; ``EligibilityRule.is_large_city_open`` lets any voter vote in a city of at least
  ``RESIDENCE_FREE_POPULATION`` people instead (the once-per-round check-in still stops double votes).
- In villages and in cities under 100,000 people the voter must have lived there one full year on
  election day. ``residence_since=None`` means the registry records no move: resident since birth.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from ostan.core import jalali
from ostan.core.errors import DomainError
from ostan.core.national_code import parse as parse_national_code
from ostan.core.polling.errors import RollRowError
from ostan.core.text import normalize, to_persian_digits

# Art. 18 (as amended): a voter is 18 full years old on election day.
VOTING_AGE = 18
# Residence condition: villages and cities under 100,000 people need one year's residence.
RESIDENCE_FREE_POPULATION = 100_000
RESIDENCE_YEARS = 1
PATH_SEPARATOR = "/"
SETTLEMENTS = ("village", "city", "tehran")
AGE_CALENDARS = ("gregorian", "jalali")

ELIGIBLE = "eligible"
TOO_YOUNG = "too_young"
OUTSIDE_CONSTITUENCY = "outside_constituency"
RESIDENCE_TOO_SHORT = "residence_too_short"


class Gender(StrEnum):
    FEMALE = "female"
    MALE = "male"


@dataclass(frozen=True)
class Voter:
    national_code: str  # ten ASCII digits, check digit valid
    first_name: str
    last_name: str
    birth_date: dt.date
    gender: Gender
    residence_unit_path: str  # the territory path of the voter's registered residence
    residence_since: dt.date | None  # None: no move recorded, resident since birth


@dataclass(frozen=True)
class EligibilityRule:
    """The policy numbers of eligibility, each a field so a change of reading is a change of data."""

    voting_age: int = VOTING_AGE
    residence_years: int = RESIDENCE_YEARS
    residence_free_population: int = RESIDENCE_FREE_POPULATION
    age_calendar: str = "gregorian"
    is_large_city_open: bool = False

    def __post_init__(self) -> None:
        if self.age_calendar not in AGE_CALENDARS:
            raise DomainError(f"تقویم سن «{self.age_calendar}» شناخته نیست.", code="invalid_eligibility_rule")


@dataclass(frozen=True)
class Eligibility:
    is_eligible: bool
    reason_code: str  # "eligible" | "too_young" | "outside_constituency" | "residence_too_short"
    message: str  # Persian, for the official at the authentication device


def is_within(path: str, ancestor: str) -> bool:
    """True when unit ``path`` is ``ancestor`` or lies under it."""
    return path == ancestor or path.startswith(ancestor + PATH_SEPARATOR)


def full_years(born: dt.date, on: dt.date, calendar: str = "gregorian") -> int:
    """Completed years from ``born`` to ``on`` on the given calendar."""
    if calendar == "jalali":
        b, o = jalali.to_jalali(born), jalali.to_jalali(on)
        return int(o.year - b.year - ((o.month, o.day) < (b.month, b.day)))
    return jalali.full_years_between(born, on)


def needs_residence(settlement: str, population: int, rule: EligibilityRule) -> bool:
    """Villages always, cities only under the population limit."""
    if settlement not in SETTLEMENTS:
        raise DomainError(f"نوع سکونتگاه «{settlement}» شناخته نیست.", code="invalid_settlement")
    return settlement == "village" or population < rule.residence_free_population


def eligibility(
    voter: Voter,
    *,
    election_date: dt.date,
    constituency_unit_path: str,
    constituency_population: int,
    settlement: str,
    rule: EligibilityRule = EligibilityRule(),
) -> Eligibility:
    """May ``voter`` vote in the constituency of ``constituency_unit_path`` on ``election_date``?

    ``settlement`` is "village", "city" or "tehran"; ``constituency_population`` is its census figure.
    Checks run in this order: age, constituency, residence; the first failure is the reason.
    """
    age = full_years(voter.birth_date, election_date, rule.age_calendar)
    if age < rule.voting_age:
        years, limit = to_persian_digits(age), to_persian_digits(rule.voting_age)
        return Eligibility(False, TOO_YOUNG, f"رأی‌دهنده در روز رأی‌گیری {years} سال تمام دارد؛ کمتر از {limit} سال.")
    is_large = settlement != "village" and constituency_population >= rule.residence_free_population
    is_open = rule.is_large_city_open and is_large
    if not is_open and not is_within(voter.residence_unit_path, constituency_unit_path):
        return Eligibility(False, OUTSIDE_CONSTITUENCY, "محل سکونت رأی‌دهنده در این حوزهٔ انتخابیه نیست.")
    since = voter.residence_since
    is_recent = since is not None and full_years(since, election_date, rule.age_calendar) < rule.residence_years
    if is_recent and needs_residence(settlement, constituency_population, rule):
        return Eligibility(False, RESIDENCE_TOO_SHORT, "رأی‌دهنده هنوز یک سال تمام ساکن این حوزه نبوده است.")
    return Eligibility(True, ELIGIBLE, "رأی‌دهنده واجد شرایط است.")


# --- roll import rows ------------------------------------------------------------------------------

FIELDS = ("national_code", "first_name", "last_name", "birth_date", "gender", "residence_unit_path", "residence_since")
FIELD_LABELS = {
    "national_code": "کد ملی",
    "first_name": "نام",
    "last_name": "نام خانوادگی",
    "birth_date": "تاریخ تولد",
    "gender": "جنسیت",
    "residence_unit_path": "محل سکونت",
    "residence_since": "تاریخ سکونت",
}
# Headers an export may carry in Persian; they mean the English field names.
HEADER_ALIASES = {normalize(label): name for name, label in FIELD_LABELS.items()}
GENDERS = {
    "female": Gender.FEMALE,
    "f": Gender.FEMALE,
    "زن": Gender.FEMALE,
    "male": Gender.MALE,
    "m": Gender.MALE,
    "مرد": Gender.MALE,
}
_UNIT_PATH = re.compile(r"[0-9A-Za-z_-]+(?:/[0-9A-Za-z_-]+)*")
_ISO_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")
_HAS_DIGIT = re.compile(r"\d")
# Years below this are Solar Hijri (1300s–1400s), above it Gregorian (1900s–2000s).
GREGORIAN_FROM_YEAR = 1700
MAX_NAME_LENGTH = 100


def _row_error(line: int, field: str, problem: str) -> RollRowError:
    label = FIELD_LABELS.get(field, field)
    return RollRowError(f"سطر {to_persian_digits(line)}، «{label}»: {problem}", details={"line": line, "field": field})


def _cell(row: Mapping[str, str], field: str) -> str:
    for header, value in row.items():
        if header == field or HEADER_ALIASES.get(normalize(header)) == field:
            return normalize(value or "")
    return ""


def parse_date_cell(text: str) -> dt.date:
    """A Jalali date («۱۳۸۵/۰۴/۱۲», «1385-4-12») or an ISO Gregorian one («2006-07-03»)."""
    text = normalize(text)
    if _ISO_DATE.fullmatch(text) and int(text[:4]) >= GREGORIAN_FROM_YEAR:
        try:
            return dt.date.fromisoformat("-".join(part.zfill(2) for part in text.split("-")))
        except ValueError as exc:
            raise jalali.InvalidJalaliDate("چنین روزی در تقویم میلادی وجود ندارد.") from exc
    return jalali.parse_date(text)


def _name(row: Mapping[str, str], field: str, line: int) -> str:
    value = _cell(row, field)
    if not value:
        raise _row_error(line, field, "خالی است.")
    if _HAS_DIGIT.search(value) or len(value) > MAX_NAME_LENGTH:
        raise _row_error(line, field, "باید نامی بدون رقم و کوتاه‌تر از ۱۰۰ نویسه باشد.")
    return value


def _date(row: Mapping[str, str], field: str, line: int, *, is_required: bool) -> dt.date | None:
    value = _cell(row, field)
    if not value:
        if is_required:
            raise _row_error(line, field, "خالی است.")
        return None
    try:
        return parse_date_cell(value)
    except DomainError as exc:
        raise _row_error(line, field, exc.message) from exc


def parse_roll_row(row: Mapping[str, str], line: int) -> Voter:
    """One roll row (CSV/Excel, headers in English or Persian) → a :class:`Voter`, or a Persian error.

    Letters and digits are normalised first (ي→ی, ك→ک, Persian/Arabic digits → ASCII); dates may be
    Jalali or ISO. The error names the line and the field and carries them in ``details``.
    """
    try:
        code = parse_national_code(_cell(row, "national_code"))
    except DomainError as exc:
        raise _row_error(line, "national_code", exc.message) from exc
    first_name, last_name = _name(row, "first_name", line), _name(row, "last_name", line)
    birth_date = _date(row, "birth_date", line, is_required=True)
    assert birth_date is not None  # required above
    gender = GENDERS.get(_cell(row, "gender").casefold())
    if gender is None:
        raise _row_error(line, "gender", "باید «زن» یا «مرد» باشد.")
    path = _cell(row, "residence_unit_path")
    if not _UNIT_PATH.fullmatch(path):
        raise _row_error(line, "residence_unit_path", "مسیر واحد تقسیماتی باید کدهایی جداشده با «/» باشد.")
    since = _date(row, "residence_since", line, is_required=False)
    if since is not None and since < birth_date:
        raise _row_error(line, "residence_since", "تاریخ سکونت پیش از تاریخ تولد است.")
    return Voter(code, first_name, last_name, birth_date, gender, path, since)
