"""Validating the rows of a candidates or lists file, line by line, before anything is written.

Every problem of every line is reported (Persian), so an office fixes the whole file in one go.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from ostan.core import national_code
from ostan.core.tables import LineError, Row
from ostan.core.text import only_digits, search_key
from ostan.elections.models import EducationLevel, Gender, VettingStatus

MAX_CODE_DIGITS = 8

LIST_COLUMNS = {
    "code": "code", "کد": "code", "کدفهرست": "code",
    "name": "name", "نام": "name", "نامفهرست": "name",
    "party": "party", "حزب": "party", "جبهه": "party", "حزبیاجبهه": "party",
}  # fmt: skip
LIST_REQUIRED = frozenset({"code", "name"})

CANDIDATE_COLUMNS = {
    "code": "code", "کد": "code", "کدنامزد": "code",
    "national_code": "national_code", "کدملی": "national_code",
    "first_name": "first_name", "نام": "first_name",
    "last_name": "last_name", "نامخانوادگی": "last_name",
    "gender": "gender", "جنسیت": "gender",
    "is_veteran": "is_veteran", "veteran": "is_veteran", "ایثارگر": "is_veteran",
    "education": "education", "تحصیلات": "education", "مدرکتحصیلی": "education",
    "vetting_status": "vetting_status", "صلاحیت": "vetting_status", "وضعیتصلاحیت": "vetting_status",
    "list_code": "list_code", "فهرست": "list_code", "کدفهرست": "list_code",
}  # fmt: skip
CANDIDATE_REQUIRED = frozenset({"code", "first_name", "last_name", "education"})

_EDUCATION_WORDS = {search_key(label): level for level, label in EducationLevel.choices} | {
    search_key(w): v
    for w, v in {
        "بیسواد": 0, "سیکل": 1, "لیسانس": 4, "فوقدیپلم": 3, "فوقلیسانس": 5, "دکترا": 6, "ارشد": 5,
    }.items()
} | {e.name.lower(): e.value for e in EducationLevel} | {str(e.value): e.value for e in EducationLevel}  # fmt: skip
_GENDER_WORDS = {"زن": Gender.FEMALE, "female": Gender.FEMALE, "f": Gender.FEMALE,
                 "مرد": Gender.MALE, "male": Gender.MALE, "m": Gender.MALE}  # fmt: skip
_YES = {"بله", "آری", "اری", "دارد", "1", "yes", "true", "y"}
_NO = {"", "خیر", "نه", "ندارد", "0", "no", "false", "n"}
_VETTING_WORDS = {
    "": VettingStatus.APPROVED, "approved": VettingStatus.APPROVED, "تایید": VettingStatus.APPROVED,
    "تاییدصلاحیت": VettingStatus.APPROVED, "تاییدشده": VettingStatus.APPROVED,
    "rejected": VettingStatus.REJECTED, "رد": VettingStatus.REJECTED, "ردصلاحیت": VettingStatus.REJECTED,
    "pending": VettingStatus.PENDING, "دربررسی": VettingStatus.PENDING, "درحالبررسی": VettingStatus.PENDING,
}  # fmt: skip


@dataclass(frozen=True)
class ListRow:
    code: str
    name: str
    party: str


@dataclass(frozen=True)
class CandidateRow:
    code: str
    national_code: str
    first_name: str
    last_name: str
    gender: str
    is_veteran: bool
    education: int
    vetting_status: str
    list_code: str | None


def _code(raw: str, what: str, problems: list[str]) -> str:
    if not raw:
        problems.append(f"{what} خالی است")
        return ""
    digits = only_digits(raw)
    if digits is None or len(digits) > MAX_CODE_DIGITS:
        problems.append(f"{what} «{raw}» نامعتبر است (فقط رقم، حداکثر {MAX_CODE_DIGITS} رقم)")
        return ""
    return digits


def _seen(code: str, seen: dict[str, int], line: int, what: str, problems: list[str]) -> None:
    if code in seen and seen[code] == 0:
        problems.append(f"{what} «{code}» پیش‌تر در این حوزه ثبت شده است")
    elif code in seen:
        problems.append(f"{what} «{code}» تکراری است (همان سطر {seen[code]})")
    elif code:
        seen[code] = line


def validate_lists(
    rows: list[Row], *, existing_codes: Collection[str], candidate_codes: Collection[str]
) -> tuple[list[ListRow], list[LineError]]:
    valid: list[ListRow] = []
    errors: list[LineError] = []
    seen = {code: 0 for code in existing_codes}
    for row in rows:
        problems: list[str] = []
        code = _code(row.cells.get("code", ""), "کد فهرست", problems)
        _seen(code, seen, row.line, "کد فهرست", problems)
        if code and code in candidate_codes:
            problems.append(f"کد فهرست «{code}» با کد یک نامزد یکی است")
        name = row.cells.get("name", "")
        if not name:
            problems.append("نام فهرست خالی است")
        errors.extend(LineError(row.line, p) for p in problems)
        if not problems:
            valid.append(ListRow(code, name, row.cells.get("party", "")))
    return valid, errors


def _choice(raw: str, words: Mapping[str, object], what: str, problems: list[str]) -> object:
    key = search_key(raw)
    if key not in words:
        problems.append(f"مقدار «{raw}» برای {what} پذیرفته نیست")
        return None
    return words[key]


def _candidate(row: Row, list_codes: Collection[str], problems: list[str]) -> CandidateRow:
    cells = row.cells
    code = _code(cells.get("code", ""), "کد نامزد", problems)
    first_name, last_name = cells.get("first_name", ""), cells.get("last_name", "")
    if not first_name:
        problems.append("نام خالی است")
    if not last_name:
        problems.append("نام خانوادگی خالی است")
    code_of_person = ""
    if raw_national := cells.get("national_code", ""):
        try:
            code_of_person = national_code.parse(raw_national)
        except national_code.InvalidNationalCode as exc:
            problems.append(f"کد ملی «{raw_national}»: {exc.message}")
    education = cells.get("education", "")
    level = _choice(education, _EDUCATION_WORDS, "تحصیلات", problems) if education else None
    if not education:
        problems.append("تحصیلات خالی است")
    gender = _choice(cells["gender"], _GENDER_WORDS, "جنسیت", problems) if cells.get("gender") else ""
    veteran = search_key(cells.get("is_veteran", ""))
    if veteran not in _YES | _NO:
        problems.append(f"مقدار «{cells['is_veteran']}» برای ایثارگر پذیرفته نیست (بله یا خیر)")
    vetting = _choice(cells.get("vetting_status", ""), _VETTING_WORDS, "وضعیت صلاحیت", problems)
    raw_list = cells.get("list_code", "")
    list_code = (only_digits(raw_list) or raw_list) if raw_list else None
    if list_code is not None and list_code not in list_codes:
        problems.append(f"فهرست «{list_code}» در این حوزه تعریف نشده است")
    return CandidateRow(
        code=code,
        national_code=code_of_person,
        first_name=first_name,
        last_name=last_name,
        gender=str(gender or ""),
        is_veteran=veteran in _YES,
        education=int(str(level or 0)),
        vetting_status=str(vetting or VettingStatus.APPROVED),
        list_code=list_code,
    )


def validate_candidates(
    rows: list[Row], *, existing_codes: Collection[str], list_codes: Collection[str]
) -> tuple[list[CandidateRow], list[LineError]]:
    valid: list[CandidateRow] = []
    errors: list[LineError] = []
    seen: dict[str, int] = {code: 0 for code in existing_codes}
    seen_people: dict[str, int] = {}
    for row in rows:
        problems: list[str] = []
        candidate = _candidate(row, list_codes, problems)
        _seen(candidate.code, seen, row.line, "کد نامزد", problems)
        if candidate.code and candidate.code in list_codes:
            problems.append(f"کد نامزد «{candidate.code}» با کد یک فهرست یکی است")
        if candidate.national_code:
            _seen(candidate.national_code, seen_people, row.line, "کد ملی", problems)
        errors.extend(LineError(row.line, p) for p in problems)
        if not problems:
            valid.append(candidate)
    return valid, errors
