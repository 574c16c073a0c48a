"""The outcome figures' records of a province read into the core's book (``ostan.core.programs.OutcomeBook``)."""

from __future__ import annotations

from decimal import Decimal

from ostan.core.programs import MINISTER_FIGURES, FigureRecord, JalaliPeriod, OutcomeBook
from ostan.programs import models
from ostan.territory.models import Unit


def book_for(figure_code: str, province: Unit) -> OutcomeBook:
    """Every target and actual of one figure (and its base) within ``province``, as the core's book."""
    codes = {figure_code} | {f.base_code for f in MINISTER_FIGURES if f.code == figure_code and f.base_code}
    rows = models.OutcomeRecord.objects.filter(figure_code__in=codes, unit__path__startswith=province.path)
    records = [(r.kind, FigureRecord(r.figure_code, r.unit.path, JalaliPeriod.parse(r.period_key), Decimal(r.value)))
               for r in rows.select_related("unit")]  # fmt: skip
    return OutcomeBook(
        targets=tuple(r for k, r in records if k == models.OutcomeKind.TARGET),
        actuals=tuple(r for k, r in records if k == models.OutcomeKind.ACTUAL),
    )
