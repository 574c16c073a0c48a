"""An account's audit entries told in words: which of its fields each change touched, old and new."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from ostan.accounts.models import Role
from ostan.auditlog.models import Entry
from ostan.core.jalali import format_datetime
from ostan.territory.models import Unit

FIELD_LABELS = {
    "username": "نام کاربری",
    "first_name": "نام",
    "role": "نقش",
    "unit": "واحد",
    "mobile": "تلفن همراه",
    "is_active": "فعال",
    "must_change_password": "گذرواژهٔ موقت",
    "login_locked_until": "ورود بسته تا",
}


@dataclass(frozen=True)
class HistoryRow:
    entry: Entry
    changes: list[str]


def _shown(field: str, value: Any, units: Mapping[int, Unit]) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "بله" if value else "خیر"
    if field == "role" and value in Role.values:
        return str(Role(value).label)
    if field == "unit" and (unit := units.get(value)) is not None:
        return f"{unit.get_kind_display()} {unit.name}"
    if field == "login_locked_until" and isinstance(value, str):
        return format_datetime(dt.datetime.fromisoformat(value), timezone.get_current_timezone())
    return str(value)


def _changes(entry: Entry, units: Mapping[int, Unit]) -> list[str]:
    before = entry.before if isinstance(entry.before, dict) else {}
    after = entry.after if isinstance(entry.after, dict) else {}
    lines = []
    for field, label in FIELD_LABELS.items():
        if field not in after or (field in before and before[field] == after[field]):
            continue
        new = _shown(field, after[field], units)
        lines.append(
            f"{label}: {_shown(field, before[field], units)} ← {new}" if field in before else f"{label}: {new}"
        )
    return lines


def _unit_ids(entries: Iterable[Entry]) -> set[int]:
    ids: set[int] = set()
    for entry in entries:
        for side in (entry.before, entry.after):
            if isinstance(side, dict) and isinstance(side.get("unit"), int):
                ids.add(side["unit"])
    return ids


def history(entries: list[Entry]) -> list[HistoryRow]:
    units = Unit.objects.in_bulk(_unit_ids(entries))
    return [HistoryRow(entry, _changes(entry, units)) for entry in entries]
