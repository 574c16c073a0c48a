"""An organisation as a form, the API or a file line gives it: checked field by field before anything is written.

Every problem is reported in Persian, so an office fixes a whole file in one go.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ostan.access.kinds import OrganisationKind
from ostan.core.text import normalize, search_key

CODE_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,40}")
NAME_MAX_LENGTH = 200
UNIT_CODE_SEPARATORS = re.compile(r"[\s,،;؛]+")
EMAIL_PATTERN = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
PHONE_PATTERN = re.compile(r"[0-9+\-\s()]{3,40}")
_KIND_WORDS = {search_key(label): kind for kind, label in OrganisationKind.choices} | {
    kind.value: kind for kind in OrganisationKind
}


@dataclass(frozen=True)
class OrganisationEntry:
    code: str
    name: str
    kind: str
    seat_code: str
    parent_code: str = ""
    unit_codes: tuple[str, ...] = ()
    phone: str = ""
    email: str = ""
    address: str = ""
    contact_person: str = ""


def kind_of(text: str) -> str | None:
    typed = normalize(text or "")
    return _KIND_WORDS.get(typed) or _KIND_WORDS.get(search_key(typed))


def problems_of(entry: OrganisationEntry) -> dict[str, str]:
    """The entry's field errors, by field (empty when it is well formed; references are checked later)."""
    problems: dict[str, str] = {}
    if not CODE_PATTERN.fullmatch(entry.code):
        problems["code"] = "کد سازمان باید ۱ تا ۴۰ نویسه از حروف لاتین، رقم، - یا _ باشد."
    if not entry.name or len(entry.name) > NAME_MAX_LENGTH:
        problems["name"] = "نام سازمان را (حداکثر ۲۰۰ نویسه) وارد کنید."
    if entry.kind not in OrganisationKind.values:
        problems["kind"] = "نوع سازمان شناخته نیست؛ یکی از انواع فهرست را بنویسید (مثلاً «شهرداری» یا «مسجد»)."
    if not entry.seat_code:
        problems["seat"] = "کد واحد محل استقرار را وارد کنید."
    if entry.parent_code and entry.parent_code == entry.code:
        problems["parent"] = "سازمان نمی‌تواند بالادست خودش باشد."
    if entry.email and not EMAIL_PATTERN.fullmatch(entry.email):
        problems["email"] = "نشانی رایانامه درست نیست."
    if entry.phone and not PHONE_PATTERN.fullmatch(entry.phone):
        problems["phone"] = "شمارهٔ تلفن فقط رقم، فاصله، + و - دارد."
    return problems


def entry_from(cells: dict[str, str]) -> OrganisationEntry:
    """An entry from normalised cells (a file line or a form's cleaned data)."""
    units = tuple(c for c in UNIT_CODE_SEPARATORS.split(cells.get("units", "")) if c)
    kind_text = cells.get("kind", "")
    return OrganisationEntry(
        code=cells.get("code", "").strip(),
        name=normalize(cells.get("name", "")),
        kind=kind_of(kind_text) or kind_text,
        seat_code=cells.get("seat", "").strip(),
        parent_code=cells.get("parent", "").strip(),
        unit_codes=units,
        phone=cells.get("phone", "").strip(),
        email=cells.get("email", "").strip(),
        address=normalize(cells.get("address", "")),
        contact_person=normalize(cells.get("contact_person", "")),
    )


COLUMNS = {
    "code": "code", "کد": "code", "کدسازمان": "code",
    "name": "name", "نام": "name", "نامسازمان": "name",
    "kind": "kind", "نوع": "kind",
    "parent": "parent", "parent_code": "parent", "بالادست": "parent", "کدبالادست": "parent",
    "seat": "seat", "seat_code": "seat", "محلاستقرار": "seat", "کدمحلاستقرار": "seat", "کدواحد": "seat",
    "units": "units", "unit_codes": "units", "واحدهایتحتپوشش": "units", "تحتپوشش": "units",
    "phone": "phone", "تلفن": "phone",
    "email": "email", "رایانامه": "email", "ایمیل": "email",
    "address": "address", "نشانی": "address",
    "contact_person": "contact_person", "مسئولارتباط": "contact_person",
}  # fmt: skip
REQUIRED = frozenset({"code", "name", "kind", "seat"})
