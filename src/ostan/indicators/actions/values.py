"""Values, from a council secretary's form (one unit and period) or from a CSV/XLSX file (any units in scope).

Both are all or nothing. Every cell is checked first: the indicator is entered (not a ratio, active) and
reported in periods of this kind; the unit lies in the actor's territory; no cell repeats; no value of the
same indicator and period sits at an enclosing or enclosed unit (it would be counted twice in roll-ups);
each value lies in the indicator's range and keeps the catalogue's comparison rules with the other values
of its unit and period (those entered with it, else those stored). Every problem is reported, by form field
or by file line; only then is anything written, in one transaction with one audit entry. A value far from
the unit's own history is saved but flagged as an outlier (``ostan.core.network.validation``).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ostan.auditlog.actions import action, record
from ostan.core.access import Actor, OutOfScope, allows, ensure
from ostan.core.network import IndicatorValue, InvalidPeriod, Period, PeriodKind, parse_period
from ostan.core.network.paths import lineage
from ostan.core.network.validation import HISTORY_WINDOW, Comparison, RangeRule, flag_outliers, validate_values
from ostan.core.network.validation import ComparisonRule as CoreRule
from ostan.core.tables import FileRejected, LineError, read_table
from ostan.core.text import to_persian_digits
from ostan.indicators import generations
from ostan.indicators.entries import (
    VALUE_COLUMNS,
    VALUE_REQUIRED,
    Cell,
    Key,
    NotANumber,
    Outlier,
    Recorded,
    parse_number,
)
from ostan.indicators.errors import InvalidValues
from ostan.indicators.events import IndicatorEvent
from ostan.indicators.models import Channel, ComparisonRule, Indicator, Value
from ostan.indicators.permissions import ENTER_VALUES
from ostan.territory.models import Unit
from ostan.territory.scope import target_of

CHUNK = 200  # prefixes OR-ed in one query


def _own_problems(cell: Cell) -> str | None:
    indicator = cell.indicator
    if indicator.is_ratio:
        return f"«{indicator.name}» نسبی است و از صورت و مخرج خود محاسبه می‌شود؛ وارد نمی‌شود."
    if not indicator.is_active:
        return f"شاخص «{indicator.name}» فعال نیست."
    if indicator.frequency != cell.period.kind.value:
        kind = indicator.get_frequency_display()
        return f"«{indicator.name}» {kind} گزارش می‌شود؛ دورهٔ {cell.period.label} از این نوع نیست."
    return None


def _nested(cells: Sequence[Cell]) -> dict[Key, str]:
    """Cells whose indicator and period already have a value at an enclosing or enclosed unit."""
    problems: dict[Key, str] = {}
    wanted = {(c.indicator.pk, c.period) for c in cells}
    units = sorted({c.unit.path for c in cells})
    fields = ("indicator_id", "period_kind", "year", "number", "unit__path", "unit__name")
    ids = {i for i, _ in wanted}
    above = {path for unit in units for path in lineage(unit)} - set(units)
    stored = list(Value.objects.filter(unit__path__in=above, indicator_id__in=ids).values_list(*fields))
    for start in range(0, len(units), CHUNK):  # one OR of prefixes per chunk: SQLite caps an expression's depth
        below = Q(pk__in=[])
        for unit in units[start : start + CHUNK]:
            below |= Q(unit__path__startswith=unit + "/")
        stored += Value.objects.filter(below, indicator_id__in=ids).values_list(*fields)
    at: dict[tuple[int, Period], list[tuple[str, str]]] = defaultdict(list)
    for indicator_id, kind, year, number, path, name in stored:
        at[(indicator_id, Period(PeriodKind(kind), year, number))].append((path, name))
    for c in cells:
        at[(c.indicator.pk, c.period)].append((c.unit.path, c.unit.name))
    for c in cells:
        for path, name in at[(c.indicator.pk, c.period)]:
            if path != c.unit.path and (path.startswith(c.unit.path + "/") or c.unit.path.startswith(path + "/")):
                problems[c.key] = (
                    f"«{c.indicator.name}» برای {c.period.label} در «{name}» هم ثبت شده؛ "
                    "یک مقدار در واحد بالادست و زیرمجموعه‌اش دوبار شمرده می‌شود."
                )
                break
    return problems


def _rule_problems(cells: Sequence[Cell]) -> dict[Key, str]:
    """Range and comparison rules, with the stored values of the same units and periods beside the new ones."""
    ranges = [
        RangeRule(c.indicator.code, c.indicator.minimum, c.indicator.maximum)
        for c in {c.indicator.pk: c for c in cells}.values()
        if c.indicator.minimum is not None or c.indicator.maximum is not None
    ]
    rules = list(ComparisonRule.objects.select_related("left", "right"))
    comparisons = [CoreRule(r.left.code, Comparison(r.comparison), r.right.code) for r in rules]
    names = {c.indicator.code: c.indicator.name for c in cells} | {
        i.code: i.name for r in rules for i in (r.left, r.right)
    }
    new = {(c.indicator.code, c.unit.path, c.period): c for c in cells}
    listed = [IndicatorValue(c.indicator.code, c.unit.path, c.period, c.value) for c in cells]
    if comparisons:
        listed += [v for v in _stored_beside(cells, {i for r in comparisons for i in (r.left, r.right)}) if
                   (v.indicator, v.unit_path, v.period) not in new]  # fmt: skip
    problems: dict[Key, str] = {}
    for violation in validate_values(listed, ranges=ranges, comparisons=comparisons):
        own = new.get((violation.indicator, violation.unit_path, violation.period))
        if own is None:  # the left side is stored: blame the new right side
            own = next(c for c in cells if c.unit.path == violation.unit_path and c.period == violation.period)
        message = violation.message
        for code, name in names.items():
            message = message.replace(f"«{code}»", f"«{name}»")
        problems.setdefault(own.key, message)
    return problems


def _stored_beside(cells: Sequence[Cell], codes: set[str]) -> list[IndicatorValue]:
    places = {(c.unit.pk, c.period) for c in cells}
    if not places:
        return []
    first, last = min(c.period.first_day for c in cells), max(c.period.first_day for c in cells)
    rows = Value.objects.filter(
        unit_id__in={u for u, _ in places}, indicator__code__in=codes, starts_on__gte=first, starts_on__lte=last
    ).values_list("indicator__code", "unit_id", "unit__path", "period_kind", "year", "number", "value")
    found = []
    for code, unit_id, path, kind, year, number, value in rows:
        period = Period(PeriodKind(kind), year, number)
        if (unit_id, period) in places:
            found.append(IndicatorValue(code, path, period, value))
    return found


def _check_cells(cells: Sequence[Cell]) -> dict[Key, str]:
    """Every cell's first problem, by key (rules in the module docstring; scope is the caller's)."""
    problems: dict[Key, str] = {}
    seen: dict[tuple[int, int, Period], Key] = {}
    for c in cells:
        own = _own_problems(c)
        if own is not None:
            problems[c.key] = own
        place = (c.indicator.pk, c.unit.pk, c.period)
        if place in seen:
            problems.setdefault(c.key, f"این مقدار پیش‌تر در سطر {to_persian_digits(seen[place])} آمده است.")
        seen.setdefault(place, c.key)
    good = [c for c in cells if c.key not in problems]
    for found in (_nested(good), _rule_problems(good)):
        for key, message in found.items():
            problems.setdefault(key, message)
    return problems


def _outliers(cells: Sequence[Cell]) -> dict[tuple[int, int, Period], Outlier]:
    """The new values far from their unit's own earlier values (history: the stored values of the kind)."""
    if not cells:
        return {}
    earliest = min(c.period.first_day for c in cells) - dt.timedelta(days=31 * HISTORY_WINDOW)
    stored = Value.objects.filter(
        indicator_id__in={c.indicator.pk for c in cells}, unit_id__in={c.unit.pk for c in cells},
        starts_on__gte=earliest,
    ).values_list("indicator_id", "unit_id", "period_kind", "year", "number", "value")  # fmt: skip
    new = {(c.indicator.pk, c.unit.pk, c.period): c for c in cells}
    series = {(i, u, Period(PeriodKind(k), y, n)): v for i, u, k, y, n, v in stored} | {
        place: c.value for place, c in new.items()
    }
    values = [IndicatorValue(str(i), f"u{u}", period, v) for (i, u, period), v in series.items()]
    found = {}
    for flag in flag_outliers(values):
        place = (int(flag.indicator), int(flag.unit_path[1:]), flag.period)
        cell = new.get(place)
        if cell is not None:
            found[place] = Outlier(cell.indicator.name, cell.unit.name, cell.period.label, cell.value, flag.median)
    return found


def _write(cells: Sequence[Cell], channel: str) -> tuple[Outlier, ...]:
    flagged = _outliers(cells)
    now = timezone.now()
    rows = [
        Value(
            indicator=c.indicator,
            unit=c.unit,
            period_kind=c.period.kind.value,
            year=c.period.year,
            number=c.period.number,
            starts_on=c.period.first_day,
            ends_on=c.period.last_day,
            value=c.value,
            is_outlier=(c.indicator.pk, c.unit.pk, c.period) in flagged,
            channel=channel,
            entered_at=now,
        )
        for c in cells
    ]
    Value.objects.bulk_create(
        rows,
        batch_size=1000,
        update_conflicts=True,
        unique_fields=["indicator", "unit", "period_kind", "year", "number"],
        update_fields=["value", "is_outlier", "channel", "entered_at", "starts_on", "ends_on"],
    )
    return tuple(flagged.values())


@action()
def record_values(
    *, actor: Actor, unit: Unit, period: Period, values: Mapping[str, Decimal], channel: str = Channel.FORM
) -> Recorded:
    """One unit's values for one period, by indicator code (a blank is left out); all or nothing."""
    ensure(actor, ENTER_VALUES, target_of(unit))
    with transaction.atomic(durable=True):
        indicators = {i.code: i for i in Indicator.objects.filter(code__in=list(values))}
        unknown = {code: "چنین شاخصی در فهرست نیست." for code in values if code not in indicators}
        cells = [Cell(code, indicators[code], unit, period, v) for code, v in values.items() if code in indicators]
        problems = {str(k): m for k, m in _check_cells(cells).items()} | unknown
        if problems:
            raise InvalidValues(f"{to_persian_digits(len(problems))} مقدار پذیرفته نشد؛ هیچ مقداری ثبت نشد.", problems)
        before = dict(
            Value.objects.filter(
                unit=unit, indicator__in=indicators.values(), period_kind=period.kind.value, year=period.year,
                number=period.number,
            ).values_list("indicator__code", "value")
        )  # fmt: skip
        outliers = _write(cells, channel)
        generations.bump()
        record(
            actor=actor, event=IndicatorEvent.VALUES_RECORDED, unit=unit, object_type="indicators.value",
            object_label=f"{unit.name} {period.label}"[:300],
            before={code: str(v) for code, v in before.items()} or None,
            after={"period": str(period), **{c.indicator.code: str(c.value) for c in cells}},
        )  # fmt: skip
    return Recorded(len(cells), outliers)


def _line_cells(actor: Actor, rows: Iterable[tuple[int, Mapping[str, str]]]) -> tuple[list[Cell], list[LineError]]:
    listed = list(rows)
    indicators = {i.code: i for i in Indicator.objects.filter(code__in={c.get("indicator", "") for _, c in listed})}
    units = {u.code: u for u in Unit.objects.filter(code__in={c.get("unit", "") for _, c in listed})}
    cells, errors = [], []
    for line, row in listed:
        problems = []
        indicator, unit = indicators.get(row.get("indicator", "")), units.get(row.get("unit", ""))
        if indicator is None:
            problems.append(f"شاخصی با کد «{row.get('indicator', '')}» در فهرست نیست.")
        if unit is None:
            problems.append(f"واحدی با کد «{row.get('unit', '')}» نیست.")
        elif not allows(actor, ENTER_VALUES, target_of(unit)):
            problems.append(f"«{unit.name}» خارج از حوزهٔ مسئولیت شماست.")
        try:
            period = parse_period(row.get("period", ""))
        except InvalidPeriod as exc:
            problems.append(exc.message)
        try:
            value = parse_number(row.get("value", ""))
        except NotANumber as exc:
            problems.append(str(exc))
        if problems:
            errors.append(LineError(line, "؛ ".join(problems)))
        else:
            assert indicator is not None
            assert unit is not None
            cells.append(Cell(line, indicator, unit, period, value))
    return cells, errors


@action()
def import_values(*, actor: Actor, file_name: str, data: bytes) -> Recorded:
    """Every value of a CSV/XLSX file (columns: indicator, unit, period, value), or none."""
    if not actor.is_system and ENTER_VALUES.reach_for(actor.role) is None:
        raise OutOfScope(ENTER_VALUES.refusal)
    rows = read_table(file_name, data, VALUE_COLUMNS, VALUE_REQUIRED)
    with transaction.atomic(durable=True):
        cells, errors = _line_cells(actor, ((row.line, row.cells) for row in rows))
        errors += [LineError(int(line), message) for line, message in _check_cells(cells).items()]
        if errors:
            count = to_persian_digits(len({e.line for e in errors}))
            raise FileRejected(
                f"{count} سطر پرونده خطا دارد؛ هیچ مقداری ثبت نشد.", sorted(errors, key=lambda e: e.line)
            )
        outliers = _write(cells, Channel.IMPORT)
        generations.bump()
        record(
            actor=actor, event=IndicatorEvent.VALUES_IMPORTED, object_type="indicators.value",
            object_label=file_name[:300], unit_path=actor.unit_path or "",
            after={"file": file_name, "values": len(cells), "outliers": len(outliers)},
        )  # fmt: skip
    return Recorded(len(cells), outliers)
