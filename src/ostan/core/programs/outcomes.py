"""Programme outcome figures counted the way the Interior Minister reports them, rolled up by territory.

A figure has a code, a Persian name, a unit of measure and is **additive** or not. Targets and actuals are
records of (figure, unit path, Jalali period, value). Rules of a roll-up for a territory and a period:

- **Additive** figures (permits, investors, capital, units restarted) add up. The records counted are those
  of units within the territory and periods within the period. A record stands for everything under it:
  records beneath it (a unit below it, a period inside its period) are not added again, so a province's
  own quarterly total replaces its counties' months. Two records that would still count the same outcome
  twice (a province's spring beside a county's whole year) are refused with
  :class:`OverlappingOutcomeRecords` rather than summed. A record for a longer period than the one asked
  for (a year, when a quarter is asked) is not split: it is left out.
- **Non-additive** figures (rates, indices) are never computed from parts: the roll-up shows the record for
  exactly that unit and period, or nothing.
- **"60 of 560"**: a figure may name a ``base_code``, the stock it is a part of (stalled projects restarted
  out of all stalled projects); the base rolls up by the same rules and the **share** is actual ÷ base.
- **Attainment** is actual ÷ target, when both are recorded and the target is positive; it may pass 100%.
- Nothing recorded is None, never zero: "no report" and "reported none" differ.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from ostan.core.programs import wording
from ostan.core.programs.errors import InvalidOutcomeFigure, InvalidOutcomeRecord, OverlappingOutcomeRecords
from ostan.core.programs.periods import JalaliPeriod
from ostan.core.programs.unit_paths import check_path, is_within, lineage

_CODE = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class OutcomeFigure:
    code: str
    name: str
    unit_of_measure: str
    is_additive: bool = True
    base_code: str | None = None  # the stock this figure counts a part of ("60 of 560")

    def __post_init__(self) -> None:
        if not _CODE.match(self.code):
            raise InvalidOutcomeFigure(
                f"کد شاخص «{self.code}» باید با حرف کوچک لاتین آغاز شود و فقط حرف، رقم و _ داشته باشد.",
                details={"path": "code"},
            )
        if not self.name.strip() or not self.unit_of_measure.strip():
            raise InvalidOutcomeFigure("نام و واحد اندازه‌گیری شاخص لازم است.", details={"path": self.code})
        if self.base_code is not None and (not self.is_additive or self.base_code == self.code):
            raise InvalidOutcomeFigure(
                "فقط شاخص جمع‌پذیر می‌تواند بخشی از شاخص دیگری شمرده شود، و نه از خودش.", details={"path": self.code}
            )


# The figures of the Interior Minister's reports (governance.md §3: 4,140 anonymous permits, 276 investors
# with 116 همت, 820 idle units restarted, 4,195 revived to full capacity, 60 of 560 stalled projects).
MINISTER_FIGURES = (
    OutcomeFigure("anonymous_permits", "مجوز بی‌نام صادرشده", "فقره"),
    OutcomeFigure("investors_started", "سرمایه‌گذار آغازکرده", "نفر"),
    OutcomeFigure("investor_capital", "سرمایهٔ سرمایه‌گذاران آغازکرده", "همت"),  # همت: thousand billion tomans
    OutcomeFigure("idle_units_restarted", "واحد تولیدی راکد راه‌اندازی‌شده", "واحد"),
    OutcomeFigure("units_full_capacity", "واحد احیاشده تا ظرفیت کامل", "واحد"),
    OutcomeFigure("stalled_projects", "طرح راکد و نیمه‌تمام", "طرح"),
    OutcomeFigure("stalled_projects_restarted", "طرح راکد راه‌اندازی‌شده", "طرح", base_code="stalled_projects"),
)


@dataclass(frozen=True)
class FigureRecord:
    """A target or an actual: ``value`` of figure ``figure_code`` for the unit and the period."""

    figure_code: str
    unit_path: str
    period: JalaliPeriod
    value: Decimal

    def __post_init__(self) -> None:
        check_path(self.unit_path)


@dataclass(frozen=True)
class OutcomeBook:
    """The figures' catalogue with every target and actual recorded against it, checked as a whole."""

    figures: tuple[OutcomeFigure, ...] = MINISTER_FIGURES
    targets: tuple[FigureRecord, ...] = ()
    actuals: tuple[FigureRecord, ...] = ()

    def __post_init__(self) -> None:
        codes = [f.code for f in self.figures]
        if len(set(codes)) != len(codes):
            raise InvalidOutcomeFigure("کد هر شاخص باید یکتا باشد.", details={"path": "figures"})
        for f in self.figures:
            if f.base_code is not None and not self.figure(f.base_code).is_additive:
                raise InvalidOutcomeFigure(f"شاخص پایهٔ «{f.name}» باید جمع‌پذیر باشد.", details={"path": f.code})
        _check_records(self, self.targets, "targets")
        _check_records(self, self.actuals, "actuals")

    def figure(self, code: str) -> OutcomeFigure:
        for f in self.figures:
            if f.code == code:
                return f
        raise InvalidOutcomeRecord(f"شاخص «{code}» تعریف نشده است.", details={"path": "figure_code", "value": code})


def _check_records(book: OutcomeBook, records: Sequence[FigureRecord], field: str) -> None:
    seen: set[tuple[str, str, JalaliPeriod]] = set()
    for i, r in enumerate(records):
        figure = book.figure(r.figure_code)
        if figure.is_additive and r.value < 0:
            raise InvalidOutcomeRecord(
                f"مقدار «{figure.name}» نمی‌تواند منفی باشد.", details={"path": f"{field}[{i}].value"}
            )
        key = (r.figure_code, r.unit_path, r.period)
        if key in seen:
            raise InvalidOutcomeRecord(
                f"«{figure.name}» برای {r.period.label} این واحد دو بار ثبت شده است.", details={"path": f"{field}[{i}]"}
            )
        seen.add(key)


@dataclass(frozen=True)
class FigureRollup:
    figure: OutcomeFigure
    unit_path: str
    period: JalaliPeriod
    actual: Decimal | None
    target: Decimal | None
    base: Decimal | None  # the "of 560" for figures with a base; None otherwise or when not recorded
    base_figure: OutcomeFigure | None = None

    @property
    def attainment(self) -> Fraction | None:
        if self.actual is None or self.target is None or self.target <= 0:
            return None
        return Fraction(self.actual) / Fraction(self.target)

    @property
    def share(self) -> Fraction | None:
        if self.actual is None or self.base is None or self.base <= 0:
            return None
        return Fraction(self.actual) / Fraction(self.base)

    @property
    def summary(self) -> str:
        """«طرح راکد راه‌اندازی‌شده: ۶۰ از ۵۶۰ (۱۰٪)», «مجوز بی‌نام صادرشده: ۵۴۰ فقره، ۹۰٪ هدف ۶۰۰ فقره»."""
        name, unit = self.figure.name, self.figure.unit_of_measure
        if self.actual is None:
            return f"{name}: گزارشی ثبت نشده است"
        text = f"{name}: {wording.quantity(self.actual)}"
        share, attainment = self.share, self.attainment
        if share is not None and self.base is not None:
            text += f" از {wording.quantity(self.base)} ({wording.percent(share)})"
        else:
            text += f" {unit}"
        if attainment is not None and self.target is not None:
            text += f"، {wording.percent(attainment)} هدف {wording.quantity(self.target)} {unit}"
        return text


def roll_up(book: OutcomeBook, code: str, *, unit_path: str, period: JalaliPeriod) -> FigureRollup:
    """One figure for the territory ``unit_path`` (itself and everything under it) over ``period``."""
    check_path(unit_path)
    figure = book.figure(code)
    base_figure = book.figure(figure.base_code) if figure.base_code is not None else None
    return FigureRollup(
        figure=figure,
        unit_path=unit_path,
        period=period,
        actual=_aggregate(figure, book.actuals, unit_path, period),
        target=_aggregate(figure, book.targets, unit_path, period),
        base=_aggregate(base_figure, book.actuals, unit_path, period) if base_figure is not None else None,
        base_figure=base_figure,
    )


def roll_up_all(book: OutcomeBook, *, unit_path: str, period: JalaliPeriod) -> tuple[FigureRollup, ...]:
    """Every figure of the catalogue, in catalogue order."""
    return tuple(roll_up(book, f.code, unit_path=unit_path, period=period) for f in book.figures)


def roll_up_by_unit(
    book: OutcomeBook, code: str, *, unit_paths: Iterable[str], period: JalaliPeriod
) -> tuple[FigureRollup, ...]:
    """One figure side by side for several units (a province's counties, say), in the order given."""
    return tuple(roll_up(book, code, unit_path=u, period=period) for u in unit_paths)


def _aggregate(
    figure: OutcomeFigure, records: Sequence[FigureRecord], unit_path: str, period: JalaliPeriod
) -> Decimal | None:
    mine = [r for r in records if r.figure_code == figure.code]
    if not figure.is_additive:
        exact = [r.value for r in mine if r.unit_path == unit_path and r.period == period]
        return exact[0] if exact else None
    inside = [r for r in mine if is_within(r.unit_path, unit_path) and period.contains(r.period)]
    if not inside:
        return None
    counted = _uncovered(inside)
    _refuse_overlaps(figure, counted)
    return sum((r.value for r in counted), Decimal(0))


def _by_path(records: Iterable[FigureRecord]) -> Mapping[str, list[FigureRecord]]:
    index: dict[str, list[FigureRecord]] = {}
    for r in records:
        index.setdefault(r.unit_path, []).append(r)
    return index


def _uncovered(records: Sequence[FigureRecord]) -> list[FigureRecord]:
    """The records no other record stands for (none at or above its unit over a period containing its own)."""
    index = _by_path(records)

    def is_covered(r: FigureRecord) -> bool:
        return any(q is not r and q.period.contains(r.period) for p in lineage(r.unit_path) for q in index.get(p, ()))

    return [r for r in records if not is_covered(r)]


def _refuse_overlaps(figure: OutcomeFigure, records: Sequence[FigureRecord]) -> None:
    index = _by_path(records)
    for r in records:
        for above in lineage(r.unit_path)[1:]:
            for q in index.get(above, ()):
                if q.period.overlaps(r.period):
                    raise OverlappingOutcomeRecords(
                        f"«{figure.name}» هم برای {q.period.label} در {q.unit_path} و هم برای {r.period.label} "
                        f"در {r.unit_path} ثبت شده و جمع آن‌ها یک کار را دو بار می‌شمارد.",
                        details={"records": [(q.unit_path, q.period.key), (r.unit_path, r.period.key)]},
                    )
