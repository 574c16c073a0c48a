"""An account's audit entries told in words: which of its fields each change touched, old and new."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from ostan.access.models import Organisation
from ostan.auditlog.models import Entry
from ostan.core.access import Role
from ostan.core.jalali import format_datetime
from ostan.territory.models import Unit

FIELD_LABELS = {
    "username": "نام کاربری",
    "first_name": "نام",
    "posts": "سمت‌ها",
    "mobile": "تلفن همراه",
    "is_active": "فعال",
    "must_change_password": "گذرواژهٔ موقت",
    "login_locked_until": "ورود بسته تا",
}


@dataclass(frozen=True)
class HistoryRow:
    entry: Entry
    changes: list[str]


def _post(post: Mapping[str, Any], units: Mapping[int, Unit], organisations: Mapping[int, Organisation]) -> str:
    role = str(post.get("role"))
    text = Role(role).label if role in Role._value2member_map_ else role
    unit = units.get(post.get("unit"))  # type: ignore[arg-type]
    text += f"، {unit.get_kind_display()} {unit.name}" if unit else "، سراسر کشور"
    organisation = organisations.get(post.get("organisation"))  # type: ignore[arg-type]
    return text + (f" ({organisation.name})" if organisation else "")


def _shown(
    field: str, value: Any, units: Mapping[int, Unit], organisations: Mapping[int, Organisation] | None = None
) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return "بله" if value else "خیر"
    if field == "posts" and isinstance(value, list):
        return "، ".join(_post(p, units, organisations or {}) for p in value if isinstance(p, dict)) or "—"
    if field == "login_locked_until" and isinstance(value, str):
        return format_datetime(dt.datetime.fromisoformat(value), timezone.get_current_timezone())
    return str(value)


def _changes(entry: Entry, units: Mapping[int, Unit], organisations: Mapping[int, Organisation]) -> list[str]:
    before = entry.before if isinstance(entry.before, dict) else {}
    after = entry.after if isinstance(entry.after, dict) else {}
    lines = []
    for field, label in FIELD_LABELS.items():
        if field not in after or (field in before and before[field] == after[field]):
            continue
        new = _shown(field, after[field], units, organisations)
        old = _shown(field, before[field], units, organisations) if field in before else ""
        lines.append(f"{label}: {old} ← {new}" if field in before else f"{label}: {new}")
    return lines


def _ids(entries: Iterable[Entry], key: str) -> set[int]:
    ids: set[int] = set()
    for entry in entries:
        for side in (entry.before, entry.after):
            posts = side.get("posts") if isinstance(side, dict) else None
            for post in posts if isinstance(posts, list) else []:
                if isinstance(post, dict) and isinstance(post.get(key), int):
                    ids.add(post[key])
    return ids


def history(entries: list[Entry]) -> list[HistoryRow]:
    units = Unit.objects.in_bulk(_ids(entries, "unit"))
    organisations = Organisation.objects.in_bulk(_ids(entries, "organisation"))
    return [HistoryRow(entry, _changes(entry, units, organisations)) for entry in entries]
