"""A stored count (the core's JSON) laid out for people: the results page and the CSV download.

Nothing here recounts or decides: it only names the codes and labels the core's figures.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ostan.core import tables

STATUS_LABELS = {"member": "عضو اصلی", "alternate": "علی‌البدل", "not_elected": "—"}
REASON_LABELS = {
    "unknown_code": "کد ناشناخته",
    "repeated_code": "کد تکراری",
    "too_many_codes": "کدهای بیش از تعداد کرسی‌ها",
    "list_and_candidates": "کد فهرست همراه کد نامزد",
    "several_lists": "بیش از یک کد فهرست",
}
DECIDED_BY_LABELS = {
    "veteran_priority": "اولویت ایثارگران",
    "education": "مدرک تحصیلی بالاتر",
    "lot": "قرعه",
    "larger_total": "رأی بیشتر فهرست",
}
INDEPENDENTS = "منفردها"


@dataclass(frozen=True)
class CandidateLine:
    rank: int
    code: str
    name: str
    list_name: str
    own_votes: int
    list_votes: int
    votes: int
    status: str
    status_label: str


@dataclass(frozen=True)
class ListLine:
    code: str
    name: str
    total: int
    share_percent: str
    quota: str
    integer_seats: int
    remainder: str
    remainder_seat: bool
    seats: int
    alternates: int
    candidate_count: int
    is_below_threshold: bool
    members: tuple[str, ...]


@dataclass(frozen=True)
class TieLine:
    kind: str
    tied: tuple[str, ...]
    decided_by: str
    order: tuple[str, ...]
    lot_input: str | None


@dataclass(frozen=True)
class Sheet:
    method: str
    seats: int
    vacant_seats: int
    lot_seed: str
    members: tuple[CandidateLine, ...]
    alternates: tuple[CandidateLine, ...]
    others: tuple[CandidateLine, ...]
    lists: tuple[ListLine, ...]
    ballots: Mapping[str, int]
    reasons: tuple[tuple[str, int], ...]
    tie_breaks: tuple[TieLine, ...]
    explanation: tuple[str, ...]
    list_names: Mapping[str, str] = field(default_factory=dict)


def _percent(fraction: Mapping[str, Any]) -> str:
    return f"{float(fraction['decimal']) * 100:.2f}"


def _candidate_lines(result: Mapping[str, Any], list_names: Mapping[str, str]) -> list[CandidateLine]:
    return [
        CandidateLine(
            rank=c["rank"], code=c["code"], name=c["name"],
            list_name=list_names.get(c["list_code"] or "", INDEPENDENTS) if result["method"] == "proportional" else "",
            own_votes=c["own_votes"], list_votes=c["list_votes"], votes=c["votes"],
            status=c["status"], status_label=STATUS_LABELS.get(c["status"], c["status"]),
        )
        for c in result["candidates"]
    ]  # fmt: skip


def _list_line(entry: Mapping[str, Any], names: Mapping[str, str]) -> ListLine:
    return ListLine(
        code=entry["code"], name=entry["name"] or INDEPENDENTS, total=entry["total"],
        share_percent=_percent(entry["share"]), quota=entry["quota"]["decimal"],
        integer_seats=entry["integer_seats"], remainder=entry["remainder"]["decimal"],
        remainder_seat=entry["remainder_seat"], seats=entry["seats"], alternates=entry["alternates"],
        candidate_count=entry.get("candidate_count", 0), is_below_threshold=entry.get("is_below_threshold", False),
        members=tuple(names.get(code, code) for code in entry["members"]),
    )  # fmt: skip


def _tie_line(tie: Mapping[str, Any], names: Mapping[str, str]) -> TieLine:
    def label(code: str) -> str:
        return f"{names.get(code, code)} ({code})" if code in names else code

    return TieLine(
        kind=tie.get("kind", "candidates"),
        tied=tuple(label(c) for c in tie["candidates"]),
        decided_by=DECIDED_BY_LABELS.get(tie["decided_by"], tie["decided_by"]),
        order=tuple(label(c) for c in tie["order"]),
        lot_input=tie.get("lot_input"),
    )


def sheet(result: Mapping[str, Any]) -> Sheet:
    list_names = {entry["code"]: entry["name"] or INDEPENDENTS for entry in result.get("lists", [])}
    lines = _candidate_lines(result, list_names)
    by_code = {line.code: line for line in lines}
    names = {line.code: line.name for line in lines} | list_names
    ballots = result["ballots"]
    return Sheet(
        method=result["method"],
        seats=result["seats"],
        vacant_seats=result.get("vacant_seats", 0),
        lot_seed=result.get("lot_seed", ""),
        members=tuple(by_code[c] for c in result["members"]),
        alternates=tuple(by_code[c] for c in result["alternates"]),
        others=tuple(line for line in lines if line.status == "not_elected"),
        lists=tuple(_list_line(entry, names) for entry in result.get("lists", [])),
        ballots={k: v for k, v in ballots.items() if k != "reasons"},
        reasons=tuple((REASON_LABELS.get(k, k), v) for k, v in ballots.get("reasons", {}).items()),
        tie_breaks=tuple(_tie_line(t, names) for t in result.get("tie_breaks", [])),
        explanation=tuple(result.get("explanation", [])),
        list_names=list_names,
    )


# The CSV is for people with spreadsheets: Persian headers and statuses. results.json keeps the machine keys.
CSV_HEADER = ("رتبه", "کد نامزد", "نام", "کد فهرست", "رأی شخصی", "رأی فهرست", "جمع رأی", "وضعیت")
CSV_STATUS = {"member": "عضو اصلی", "alternate": "علی‌البدل", "not_elected": "انتخاب نشده"}


def csv_text(result: Mapping[str, Any]) -> str:
    """Every candidate's figures, one row each, in rank order (UTF-8 with BOM so spreadsheets read Persian)."""
    rows: Sequence[Mapping[str, Any]] = result["candidates"]
    lines = ([c["rank"], c["code"], c["name"], c["list_code"] or "", c["own_votes"], c["list_votes"], c["votes"],
              CSV_STATUS.get(c["status"], c["status"])] for c in rows)  # fmt: skip
    return "\ufeff" + tables.csv_text(CSV_HEADER, lines)
