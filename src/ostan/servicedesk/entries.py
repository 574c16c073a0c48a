"""What the desk's forms, API and loaders hand to the actions: a service for the catalogue, a filing."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ostan.access.entries import kind_of
from ostan.core.servicedesk import RequestKind
from ostan.core.servicedesk.deadlines import DEFAULT_WORKING_DAYS
from ostan.core.text import normalize, normalize_digits, search_key
from ostan.servicedesk.models import Channel

NAME_MAX = 200


@dataclass(frozen=True)
class ServiceEntry:
    code: str
    name: str
    kinds: tuple[str, ...]
    organisation_kind: str = ""
    organisation_code: str = ""
    description: str = ""
    required_documents: str = ""
    steps: str = ""
    cost: str = ""
    working_days: int = 10


@dataclass(frozen=True)
class Filing:
    service_code: str
    kind: str
    unit_code: str
    text: str
    channel: str = Channel.ONLINE
    # For a clerk filing on a citizen's behalf: who the citizen is.
    citizen_name: str = ""
    national_code: str = ""
    mobile: str = ""


# A catalogue file's columns (ostan.core.tables reads the header by these keys, after search_key folding).
COLUMNS = {
    "code": "code", "کد": "code", "کدخدمت": "code",
    "name": "name", "نام": "name", "نامخدمت": "name",
    "kinds": "kinds", "گونهها": "kinds", "گونههایدرخواست": "kinds", "گونه": "kinds",
    "organisation_kind": "organisation_kind", "نوعدستگاه": "organisation_kind", "نوعدستگاهمسئول": "organisation_kind",
    "organisation": "organisation", "کددستگاه": "organisation", "کددستگاهمسئول": "organisation",
    "description": "description", "شرح": "description",
    "documents": "documents", "required_documents": "documents", "مدارک": "documents", "مدارکلازم": "documents",
    "steps": "steps", "مراحل": "steps",
    "cost": "cost", "هزینه": "cost",
    "working_days": "working_days", "مهلت": "working_days", "مهلتپاسخ": "working_days",
    "مهلتروزکاری": "working_days",
}  # fmt: skip
REQUIRED = frozenset({"code", "name", "kinds"})
LIST_SEPARATORS = re.compile(r"\s*[|؛;\n]\s*")
KIND_SEPARATORS = re.compile(r"[\s,،;؛|]+")
SERVICE_CODE = re.compile(r"[a-z0-9][a-z0-9-]{0,59}")
WORKING_DAYS_MAX = 365
_KIND_WORDS = {search_key(kind.label): kind.value for kind in RequestKind} | {
    kind.value: kind.value for kind in RequestKind
}


def _lines(text: str) -> str:
    return "\n".join(part for part in LIST_SEPARATORS.split(text.strip()) if part)


def service_entry_from(cells: dict[str, str]) -> tuple[ServiceEntry, dict[str, str]]:
    """A catalogue file's line as an entry, and its problems by column (empty when it is well formed)."""
    problems: dict[str, str] = {}
    code = cells.get("code", "").strip().lower()
    if not SERVICE_CODE.fullmatch(code):
        problems["code"] = "کد خدمت ۱ تا ۶۰ نویسه از حروف کوچک لاتین، رقم و - است."
    name = normalize(cells.get("name", "")).strip()
    if not name or len(name) > NAME_MAX:
        problems["name"] = "نام خدمت را (تا ۲۰۰ نویسه) بنویسید."
    words = [w for w in KIND_SEPARATORS.split(cells.get("kinds", "")) if w]
    kinds = [_KIND_WORDS.get(w) or _KIND_WORDS.get(search_key(w)) for w in words]
    if not kinds or None in kinds:
        labels = "، ".join(k.label for k in RequestKind)
        problems["kinds"] = f"گونه‌های درخواست را از این میان بنویسید: {labels}."
    typed_days = normalize_digits(cells.get("working_days", "")).strip()
    days = int(typed_days) if typed_days.isdigit() else (DEFAULT_WORKING_DAYS if not typed_days else -1)
    if not 1 <= days <= WORKING_DAYS_MAX:
        problems["working_days"] = "مهلت پاسخ عددی از ۱ تا ۳۶۵ روز کاری است."
    organisation_kind = cells.get("organisation_kind", "").strip()
    if organisation_kind:
        organisation_kind = kind_of(organisation_kind) or ""
        if not organisation_kind:
            problems["organisation_kind"] = "نوع دستگاه مسئول شناخته نیست (مثلاً «شهرداری» یا «آب و فاضلاب»)."
    entry = ServiceEntry(
        code=code, name=name, kinds=tuple(k for k in kinds if k), organisation_kind=organisation_kind,
        organisation_code=cells.get("organisation", "").strip(),
        description=normalize(cells.get("description", "")),
        required_documents=_lines(normalize(cells.get("documents", ""))),
        steps=_lines(normalize(cells.get("steps", ""))),
        cost=normalize(cells.get("cost", "")).strip()[:200], working_days=max(days, 1),
    )  # fmt: skip
    return entry, problems
