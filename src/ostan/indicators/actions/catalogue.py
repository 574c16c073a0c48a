"""The catalogue, kept by the provincial administrator: indicators with their formula, thresholds and rules.

A ratio's two parts must be summable indicators of the catalogue reported as often as the ratio; an
indicator a ratio is built on stays summable; a code never changes, and neither does the reporting period
of an indicator that has values.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction

from ostan.auditlog.actions import action, record, snapshot
from ostan.core.access import Actor, OutOfScope
from ostan.core.network import Aggregation, InvalidIndicator
from ostan.core.network.validation import Comparison
from ostan.core.text import normalize, search_key
from ostan.indicators import generations
from ostan.indicators.catalogue import core_indicator
from ostan.indicators.entries import IndicatorEntry, problems_of
from ostan.indicators.errors import IndicatorNotFound, InvalidIndicatorEntry
from ostan.indicators.events import IndicatorEvent
from ostan.indicators.models import ComparisonRule, Indicator, Value
from ostan.indicators.permissions import MANAGE_CATALOGUE

AUDITED = (
    "code", "name", "definition", "unit_of_measure", "direction", "aggregation", "source", "frequency", "numerator",
    "denominator", "factor", "poor_threshold", "minimum", "maximum", "suppress_below", "is_public", "is_active",
)  # fmt: skip


def _ensure_manager(actor: Actor) -> None:
    if not actor.is_system and MANAGE_CATALOGUE.reach_for(actor.role) is None:
        raise OutOfScope(MANAGE_CATALOGUE.refusal)


def _part(code: str, field: str, entry: IndicatorEntry, problems: dict[str, str]) -> Indicator | None:
    if not code:
        return None
    found = Indicator.objects.filter(code=code).first()
    if found is None:
        problems[field] = f"شاخصی با کد «{code}» در فهرست نیست."
    elif found.aggregation != Aggregation.SUM.value:
        problems[field] = f"«{found.name}» جمع‌پذیر نیست؛ صورت و مخرج باید شاخص‌هایی با تجمیع «جمع» باشند."
    elif found.frequency != entry.frequency:
        problems[field] = f"«{found.name}» با دورهٔ دیگری گزارش می‌شود؛ دورهٔ گزارش شاخص نسبی باید همان باشد."
    return found


def _refuse_changes(indicator: Indicator, entry: IndicatorEntry, problems: dict[str, str]) -> None:
    if entry.code != indicator.code:
        problems["code"] = "کد شاخص عوض نمی‌شود."
    is_part = (
        Indicator.objects.filter(numerator=indicator).exists()
        or Indicator.objects.filter(denominator=indicator).exists()
    )
    if is_part and entry.aggregation != Aggregation.SUM.value:
        problems["aggregation"] = "شاخص‌های نسبی بر این شاخص ساخته شده‌اند؛ تجمیع آن باید «جمع» بماند."
    has_values = Value.objects.filter(indicator=indicator).exists()
    if has_values and entry.frequency != indicator.frequency:
        problems["frequency"] = "این شاخص مقدار ثبت‌شده دارد؛ دورهٔ گزارش آن عوض نمی‌شود."
    if has_values and entry.aggregation == Aggregation.RATIO.value:
        problems["aggregation"] = "این شاخص مقدار ثبت‌شده دارد و نسبی نمی‌شود."


def _fill(
    indicator: Indicator, entry: IndicatorEntry, numerator: Indicator | None, denominator: Indicator | None
) -> None:
    indicator.code, indicator.name = entry.code, normalize(entry.name)
    indicator.search_key = search_key(f"{entry.name} {entry.code}")
    indicator.definition, indicator.unit_of_measure = normalize(entry.definition), normalize(entry.unit_of_measure)
    indicator.direction, indicator.aggregation = entry.direction, entry.aggregation
    indicator.source, indicator.frequency = normalize(entry.source), entry.frequency
    indicator.numerator, indicator.denominator, indicator.factor = numerator, denominator, entry.factor
    indicator.poor_threshold, indicator.minimum, indicator.maximum = entry.poor_threshold, entry.minimum, entry.maximum
    indicator.suppress_below, indicator.is_public, indicator.is_active = (
        entry.suppress_below, entry.is_public, entry.is_active,
    )  # fmt: skip


@action()
def save_indicator(*, actor: Actor, entry: IndicatorEntry, indicator_id: int | None = None) -> Indicator:
    """Add an indicator to the catalogue, or change one (rules in the module docstring)."""
    _ensure_manager(actor)
    with transaction.atomic(durable=True):
        indicator = Indicator()
        if indicator_id is not None:
            found = Indicator.objects.select_for_update().filter(pk=indicator_id).first()
            if found is None:
                raise IndicatorNotFound("چنین شاخصی در فهرست نیست.")
            indicator = found
        problems = problems_of(entry)
        if indicator.pk is not None:
            _refuse_changes(indicator, entry, problems)
        numerator = _part(entry.numerator, "numerator", entry, problems)
        denominator = _part(entry.denominator, "denominator", entry, problems)
        if problems:
            raise InvalidIndicatorEntry("ورودی نامعتبر است؛ خطای هر بخش را ببینید.", details=problems)
        before = snapshot(indicator, AUDITED) if indicator.pk is not None else None
        _fill(indicator, entry, numerator, denominator)
        codes = {p.pk: p.code for p in (numerator, denominator) if p is not None}
        try:
            core_indicator(indicator, codes)
        except InvalidIndicator as exc:
            raise InvalidIndicatorEntry(exc.message, details={"field": "aggregation"}) from None
        try:
            indicator.save()
        except IntegrityError:
            raise InvalidIndicatorEntry(
                f"شاخصی با کد «{entry.code}» پیش‌تر ثبت شده است.", details={"field": "code"}
            ) from None
        generations.bump()
        record(
            actor=actor, event=IndicatorEvent.INDICATOR_SAVED, obj=indicator, unit_path="",
            before=before, after=snapshot(indicator, AUDITED),
        )  # fmt: skip
    return indicator


@action()
def save_rule(*, actor: Actor, left: str, comparison: str, right: str) -> ComparisonRule:
    """A validation rule «left ≤ right» between two entered indicators of one unit and period."""
    _ensure_manager(actor)
    with transaction.atomic(durable=True):
        found = {i.code: i for i in Indicator.objects.filter(code__in=[left, right])}
        problems: dict[str, str] = {}
        for field, code in (("left", left), ("right", right)):
            if code not in found:
                problems[field] = f"شاخصی با کد «{code}» در فهرست نیست."
            elif found[code].is_ratio:
                problems[field] = f"«{found[code].name}» نسبی است و وارد نمی‌شود؛ قاعده را بر صورت و مخرج آن بگذارید."
        if comparison not in Comparison._value2member_map_:
            problems["comparison"] = "مقایسه را برگزینید."
        if left == right:
            problems["right"] = "دو سوی قاعده باید دو شاخص متفاوت باشند."
        if problems:
            raise InvalidIndicatorEntry("قاعده نامعتبر است.", details=problems)
        rule, _ = ComparisonRule.objects.get_or_create(left=found[left], comparison=comparison, right=found[right])
        generations.bump()
        record(
            actor=actor, event=IndicatorEvent.RULE_SAVED, obj=rule, unit_path="",
            after={"left": left, "comparison": comparison, "right": right},
        )  # fmt: skip
    return rule
