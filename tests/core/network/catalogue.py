"""A small indicator catalogue and a province of three neighbourhoods in two counties, worked by hand."""

from __future__ import annotations

from ostan.core.network.indicators import Aggregation, Catalogue, Direction, Formula, Indicator, IndicatorValue
from ostan.core.network.periods import Period

N1, N2, N3 = "IR/IR-07/IR-07-01/N1", "IR/IR-07/IR-07-01/N2", "IR/IR-07/IR-07-02/N3"
C1, C2, PROVINCE = "IR/IR-07/IR-07-01", "IR/IR-07/IR-07-02", "IR/IR-07"
Q1 = Period.quarter(1405, 1)
HEALTH = "مرکز بهداشت شهرستان"

CATALOGUE = Catalogue(
    (
        Indicator("births", "تولد زنده", "نفر", Direction.HIGHER, Aggregation.SUM, HEALTH),
        Indicator("infant_deaths", "مرگ شیرخوار", "نفر", Direction.LOWER, Aggregation.SUM, HEALTH, suppress_below=5),
        Indicator(
            "imr", "میزان مرگ شیرخوار", "در هزار تولد زنده", Direction.LOWER, Aggregation.RATIO, HEALTH,
            formula=Formula("infant_deaths", "births", 1000), suppress_below=5,
        ),
        Indicator("literacy", "نرخ باسوادی", "درصد", Direction.HIGHER, Aggregation.POPULATION_WEIGHTED_MEAN, "سرشماری"),
        Indicator("clinic_wait", "انتظار نوبت درمانگاه", "روز", Direction.LOWER, Aggregation.MEAN, HEALTH),
    )
)  # fmt: skip
POPULATIONS = {N1: 3000, N2: 1000, N3: 1000}


def values(period: Period = Q1) -> list[IndicatorValue]:
    table = {
        "births": {N1: 400, N2: 100, N3: 500},
        "infant_deaths": {N1: 4, N2: 3, N3: 2},
        "literacy": {N1: 90, N2: 60, N3: 80},
        "clinic_wait": {N1: 3, N2: 5},
    }
    return [IndicatorValue(code, unit, period, value) for code, row in table.items() for unit, value in row.items()]
