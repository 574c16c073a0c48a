"""Rows for the public pages, read from the published documents (never recomputed for display)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ostan.elections.models import Constituency
from ostan.publication.models import BulletinEntry, StationPublication
from ostan.territory.models import PATH_SEPARATOR, Unit

# The board's machine kinds (ostan.core.polling.bulletin.KINDS, and the constituency file) in Persian; the
# JSON payloads keep the machine keys.
KIND_LABELS = {
    "seed": "بذر قرعه",
    "devices": "کلیدهای دستگاه‌ها",
    "roll": "فهرست رأی‌دهندگان",
    "constituency": "پروندهٔ حوزه",
    "minutes": "صورتجلسهٔ شعبه",
    "ballots": "برگه‌های رأی شعبه",
    "result": "نتیجهٔ حوزه",
    "notice": "اطلاعیه",
    "circular": "ارسال بخشنامه یا گزارش",
    "circular_ack": "تأیید دریافت بخشنامه",
    "station": "ثبت شعبه و کلیدهای دستگاه‌ها",
    "opening": "گشایش دوره",
    "manifest": "بیانیهٔ انتخابات",
    "rollup": "جمع آرای واحد",
}
_CONSTITUENCY_SUBJECT = re.compile(r"round(\d+)-(\d+)")
STATUS_LABELS = {"member": "عضو اصلی", "alternate": "علی‌البدل", "not_elected": "—"}


@dataclass(frozen=True)
class CandidateRow:
    rank: int
    code: str
    name: str
    votes: int
    status: str

    @property
    def is_member(self) -> bool:
        return self.status == STATUS_LABELS["member"]


def result_rows(result: Mapping[str, object]) -> list[CandidateRow]:
    candidates = result.get("candidates")
    rows = []
    for c in candidates if isinstance(candidates, list) else []:
        rows.append(
            CandidateRow(int(c["rank"]), str(c["code"]), str(c["name"]), int(c["votes"]), STATUS_LABELS[c["status"]])
        )
    return rows


@dataclass(frozen=True)
class StationRow:
    publication: StationPublication
    turnout_share: float | None  # ballots ÷ check-ins, for spotting outliers between stations


def station_rows(publications: Iterable[StationPublication]) -> list[StationRow]:
    return [StationRow(p, p.ballots_cast * 100 / p.checked_in if p.checked_in else None) for p in publications]


@dataclass(frozen=True)
class EntryRow:
    entry: BulletinEntry
    kind_label: str
    subject_label: str


def entry_rows(entries: Iterable[BulletinEntry]) -> list[EntryRow]:
    """Board entries with their kind and subject in Persian: a constituency's name for its files and
    result, «شعبهٔ A001» for a station's, a unit's name for a unit's path (two queries for a page)."""
    entries = list(entries)
    constituency_pks = {
        int(m.group(2)) for e in entries if (m := _CONSTITUENCY_SUBJECT.fullmatch(e.subject or "")) is not None
    }
    names = dict(Constituency.objects.filter(pk__in=constituency_pks).values_list("pk", "name"))
    unit_codes = {e.subject.rsplit(PATH_SEPARATOR, 1)[-1] for e in entries if PATH_SEPARATOR in (e.subject or "")}
    units = dict(Unit.objects.filter(code__in=unit_codes).values_list("code", "name")) if unit_codes else {}
    return [EntryRow(e, KIND_LABELS.get(e.kind, e.kind), _subject_label(e, names, units)) for e in entries]


def _subject_label(entry: BulletinEntry, constituencies: Mapping[int, str], units: Mapping[str, str]) -> str:
    subject = entry.subject or ""
    found = _CONSTITUENCY_SUBJECT.fullmatch(subject)
    if found is not None and int(found.group(2)) in constituencies:
        return f"حوزهٔ {constituencies[int(found.group(2))]}"
    if PATH_SEPARATOR in subject:
        return units.get(subject.rsplit(PATH_SEPARATOR, 1)[-1], subject)
    if subject and entry.kind in {"minutes", "ballots", "notice", "station"}:
        return f"شعبهٔ {subject}"
    return subject or "—"
