"""What the programmes' forms, API and loaders hand to the actions, and the line format a page uses for a
project's milestones and indicators (one a line, fields split by «|»; any digit style; Jalali dates):

    milestone:  title | due day (1405/03/15) [| weight]
    indicator:  name | baseline | target [| unit of measure [| weight]]

An indicator whose target is below its baseline counts "less is better" (households in marginal
settlements, tonnes of waste dumped).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from ostan.core.jalali import InvalidJalaliDate, parse_date
from ostan.core.programs import Direction
from ostan.core.text import normalize, normalize_digits, to_persian_digits
from ostan.programs.errors import InvalidProject
from ostan.programs.evidence import Upload

FIELD_SEPARATOR = "|"


@dataclass(frozen=True)
class MilestoneEntry:
    title: str
    due_on: dt.date
    weight: int = 1


@dataclass(frozen=True)
class IndicatorEntry:
    name: str
    baseline: Decimal
    target: Decimal
    unit_of_measure: str = ""
    weight: int = 1

    @property
    def direction(self) -> Direction:
        return Direction.DOWN if self.target < self.baseline else Direction.UP


@dataclass(frozen=True)
class ProjectEntry:
    unit_code: str
    title: str
    challenge: str
    goals: str
    starts_on: dt.date
    ends_on: dt.date
    milestones: tuple[MilestoneEntry, ...] = ()
    indicators: tuple[IndicatorEntry, ...] = ()
    budget: Decimal | None = None
    organisation_codes: tuple[str, ...] = ()
    adopts_experience_id: int | None = None


@dataclass(frozen=True)
class ProgressEntry:
    reported_on: dt.date
    text: str
    done_milestone_ids: tuple[int, ...] = ()
    readings: dict[int, Decimal] = field(default_factory=dict)  # indicator id → value measured that day
    evidence: tuple[Upload, ...] = ()


@dataclass(frozen=True)
class ExperienceEntry:
    problem: str
    what_was_done: str
    cost: str
    results: str
    contacts: str
    title: str = ""  # the project's title when empty


def _fields(line: str) -> list[str]:
    return [part.strip() for part in normalize_digits(normalize(line)).split(FIELD_SEPARATOR)]


def number(text: str, where: str, field_name: str) -> Decimal:
    cleaned = normalize_digits(text).replace("٬", "").replace(",", "").replace("٫", ".").strip()
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise InvalidProject(f"{where}: «{text}» عدد نیست.", details={"field": field_name}) from None
    if not value.is_finite():
        raise InvalidProject(f"{where}: «{text}» عدد نیست.", details={"field": field_name})
    return value


def _weight(text: str, where: str, field_name: str) -> int:
    value = number(text, where, field_name)
    if value != int(value) or not 1 <= value <= 100:
        raise InvalidProject(f"{where}: وزن باید عددی درست از ۱ تا ۱۰۰ باشد.", details={"field": field_name})
    return int(value)


def parse_milestones(text: str) -> tuple[MilestoneEntry, ...]:
    found = []
    for n, line in enumerate((ln for ln in text.splitlines() if ln.strip()), start=1):
        where = f"سطر {to_persian_digits(n)} نقاط عطف"
        parts = _fields(line)
        if len(parts) not in (2, 3) or not parts[0]:
            raise InvalidProject(f"{where}: به شکل «عنوان | موعد» بنویسید.", details={"field": "milestones"})
        try:
            due = parse_date(parts[1])
        except InvalidJalaliDate as exc:
            raise InvalidProject(f"{where}: {exc.message}", details={"field": "milestones"}) from None
        weight = _weight(parts[2], where, "milestones") if len(parts) == 3 and parts[2] else 1
        found.append(MilestoneEntry(parts[0][:200], due, weight))
    return tuple(found)


def parse_indicators(text: str) -> tuple[IndicatorEntry, ...]:
    found = []
    for n, line in enumerate((ln for ln in text.splitlines() if ln.strip()), start=1):
        where = f"سطر {to_persian_digits(n)} شاخص‌ها"
        parts = _fields(line)
        if not 3 <= len(parts) <= 5 or not parts[0]:
            raise InvalidProject(f"{where}: به شکل «نام | مقدار پایه | هدف» بنویسید.", details={"field": "indicators"})
        baseline, target = number(parts[1], where, "indicators"), number(parts[2], where, "indicators")
        if baseline == target:
            raise InvalidProject(f"{where}: هدف با مقدار پایه یکی است.", details={"field": "indicators"})
        measure = parts[3][:40] if len(parts) > 3 else ""
        weight = _weight(parts[4], where, "indicators") if len(parts) > 4 and parts[4] else 1
        found.append(IndicatorEntry(parts[0][:200], baseline, target, measure, weight))
    return tuple(found)
