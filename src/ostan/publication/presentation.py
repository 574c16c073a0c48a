"""Rows for the public pages, read from the published documents (never recomputed for display)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ostan.publication.models import StationPublication

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
