"""Checking one candidate or party list typed into a form or sent to the API, field by field.

Each problem is reported against its field (Persian), so the form shows it next to the input; the
actions call these inside their transaction, after locking the constituency, so codes stay unique.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace

from django.db.models import QuerySet

from ostan.core import national_code
from ostan.core.text import normalize, only_digits
from ostan.elections.models import Candidate, Constituency, EducationLevel, Gender, PartyList, VettingStatus
from ostan.elections.rosters import MAX_CODE_DIGITS

NAME_MAX_LENGTH = 100  # Candidate.first_name / last_name
LIST_NAME_MAX_LENGTH = 200  # PartyList.name / party


@dataclass(frozen=True)
class CandidateEntry:
    code: str
    first_name: str
    last_name: str
    national_code: str = ""
    gender: str = ""
    is_veteran: bool = False
    education: int = EducationLevel.NONE
    vetting_status: str = VettingStatus.APPROVED
    list_code: str = ""  # empty: an independent


@dataclass(frozen=True)
class ListEntry:
    code: str
    name: str
    party: str = ""


def plain_text(value: str) -> str:
    """Normalised text without control characters (PostgreSQL refuses NUL; none belong in a name)."""
    return normalize("".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in value))


def _code(raw: str, what: str, errors: dict[str, str]) -> str:
    digits = only_digits(plain_text(raw)) if raw.strip() else None
    if digits is None or len(digits) > MAX_CODE_DIGITS:
        errors["code"] = f"{what} لازم است و فقط رقم است (حداکثر {MAX_CODE_DIGITS} رقم)."
        return ""
    return digits


def _name(raw: str, field: str, what: str, limit: int, errors: dict[str, str], *, required: bool = True) -> str:
    value = plain_text(raw)
    if required and not value:
        errors[field] = f"{what} را وارد کنید."
    elif len(value) > limit:
        errors[field] = f"{what} حداکثر {limit} نویسه است."
    return value


def _others(constituency: Constituency, own_pk: int | None) -> QuerySet[Candidate]:
    """The constituency's candidates other than the one being edited."""
    found = Candidate.objects.filter(constituency=constituency)
    return found if own_pk is None else found.exclude(pk=own_pk)


def _national_code(raw: str, constituency: Constituency, own_pk: int | None, errors: dict[str, str]) -> str:
    if not raw.strip():
        return ""
    try:
        code = national_code.parse(plain_text(raw))
    except national_code.InvalidNationalCode as exc:
        errors["national_code"] = exc.message
        return ""
    if _others(constituency, own_pk).filter(national_code=code).exists():
        errors["national_code"] = "نامزدی با این کد ملی پیش‌تر در این حوزه ثبت شده است."
    return code


def _choices(entry: CandidateEntry, errors: dict[str, str]) -> None:
    if entry.gender not in {"", *Gender.values}:
        errors["gender"] = "جنسیت نامعتبر است."
    if entry.education not in EducationLevel.values:
        errors["education"] = "مقطع تحصیلی نامعتبر است."
    if entry.vetting_status not in VettingStatus.values:
        errors["vetting_status"] = "وضعیت صلاحیت نامعتبر است."


def _party_list(entry: CandidateEntry, constituency: Constituency, errors: dict[str, str]) -> PartyList | None:
    if not entry.list_code:
        return None
    found = constituency.party_lists.filter(code=only_digits(entry.list_code) or "").first()
    if not constituency.is_proportional:
        errors["list_code"] = "در حوزه‌های اکثریتی نامزد عضو فهرست نمی‌شود."
    elif found is None:
        errors["list_code"] = f"فهرست «{entry.list_code}» در این حوزه تعریف نشده است."
    return found


def checked_candidate(
    entry: CandidateEntry, constituency: Constituency, own_pk: int | None = None
) -> tuple[CandidateEntry, PartyList | None, dict[str, str]]:
    """The cleaned entry, its list, and every field's problem (empty when the entry may be stored)."""
    errors: dict[str, str] = {}
    code = _code(entry.code, "کد نامزد", errors)
    if code and _others(constituency, own_pk).filter(code=code).exists():
        errors["code"] = f"کد نامزد «{code}» پیش‌تر در این حوزه ثبت شده است."
    elif code and constituency.party_lists.filter(code=code).exists():
        errors["code"] = f"کد نامزد «{code}» با کد یک فهرست یکی است."
    cleaned = replace(
        entry,
        code=code,
        first_name=_name(entry.first_name, "first_name", "نام", NAME_MAX_LENGTH, errors),
        last_name=_name(entry.last_name, "last_name", "نام خانوادگی", NAME_MAX_LENGTH, errors),
        national_code=_national_code(entry.national_code, constituency, own_pk, errors),
    )
    _choices(cleaned, errors)
    return cleaned, _party_list(cleaned, constituency, errors), errors


def checked_list(entry: ListEntry, constituency: Constituency) -> tuple[ListEntry, dict[str, str]]:
    errors: dict[str, str] = {}
    if not constituency.is_proportional:
        errors["code"] = "در حوزه‌های اکثریتی فهرست انتخاباتی تعریف نمی‌شود."
    code = _code(entry.code, "کد فهرست", errors)
    if code and constituency.party_lists.filter(code=code).exists():
        errors["code"] = f"کد فهرست «{code}» پیش‌تر در این حوزه ثبت شده است."
    elif code and constituency.candidates.filter(code=code).exists():
        errors["code"] = f"کد فهرست «{code}» با کد یک نامزد یکی است."
    name = _name(entry.name, "name", "نام فهرست", LIST_NAME_MAX_LENGTH, errors)
    party = _name(entry.party, "party", "نام حزب یا جبهه", LIST_NAME_MAX_LENGTH, errors, required=False)
    return ListEntry(code=code, name=name, party=party), errors
