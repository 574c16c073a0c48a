"""Outcome figures the way the minister reports them: a worked province, the roll-up rules, refusals."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ostan.core.programs import (
    MINISTER_FIGURES,
    FigureRecord,
    InvalidOutcomeFigure,
    InvalidOutcomeRecord,
    InvalidUnitPath,
    JalaliPeriod,
    OutcomeBook,
    OutcomeFigure,
    OverlappingOutcomeRecords,
    roll_up,
    roll_up_all,
    roll_up_by_unit,
)

PROVINCE = "IR/IR-15"
C1, C2, C3 = (f"{PROVINCE}/IR-15-0{i}" for i in (1, 2, 3))
YEAR = JalaliPeriod.for_year(1404)
SPRING, SUMMER = JalaliPeriod.for_quarter(1404, 1), JalaliPeriod.for_quarter(1404, 2)
FARVARDIN, ORDIBEHESHT, TIR = (JalaliPeriod.for_month(1404, m) for m in (1, 2, 4))
RATE = OutcomeFigure("unemployment_rate", "نرخ بیکاری", "درصد", is_additive=False)


def record(code: str, unit: str, period: JalaliPeriod, value: str | int) -> FigureRecord:
    return FigureRecord(code, unit, period, Decimal(value))


ACTUALS = (
    # Permits: county 1 reports monthly, county 2 its spring in one figure, county 3 from Tir.
    record("anonymous_permits", C1, FARVARDIN, 100),
    record("anonymous_permits", C1, ORDIBEHESHT, 150),
    record("anonymous_permits", C2, SPRING, 250),
    record("anonymous_permits", C3, TIR, 40),
    # 60 of 560 stalled projects restarted; the stock is counted for the year.
    record("stalled_projects", C1, YEAR, 300),
    record("stalled_projects", C2, YEAR, 260),
    record("stalled_projects_restarted", C1, YEAR, 35),
    record("stalled_projects_restarted", C2, SPRING, 25),
    # Capital in همت, with decimals.
    record("investor_capital", C1, YEAR, "70.5"),
    record("investor_capital", C2, YEAR, "45.5"),
    record("unemployment_rate", PROVINCE, YEAR, "9.5"),
)
TARGETS = (
    record("anonymous_permits", PROVINCE, YEAR, 600),  # the governor's target for the province
    record("anonymous_permits", C1, YEAR, 300),  # the plan's share for county 1
    record("investor_capital", PROVINCE, YEAR, 150),
)
BOOK = OutcomeBook((*MINISTER_FIGURES, RATE), TARGETS, ACTUALS)


def test_permits_add_up_across_counties_and_months() -> None:
    spring = roll_up(BOOK, "anonymous_permits", unit_path=PROVINCE, period=SPRING)
    assert (spring.actual, spring.target) == (Decimal(500), None)  # 100 + 150 + 250; the target is yearly
    year = roll_up(BOOK, "anonymous_permits", unit_path=PROVINCE, period=YEAR)
    assert (year.actual, year.target, year.attainment) == (Decimal(540), Decimal(600), Fraction(9, 10))
    assert year.summary == "مجوز بی‌نام صادرشده: ۵۴۰ فقره، ۹۰٪ هدف ۶۰۰ فقره"


def test_a_county_has_its_own_target_inside_the_provinces() -> None:
    c1 = roll_up(BOOK, "anonymous_permits", unit_path=C1, period=YEAR)
    assert (c1.actual, c1.target, c1.attainment) == (Decimal(250), Decimal(300), Fraction(5, 6))


def test_sixty_of_five_hundred_and_sixty_stalled_projects() -> None:
    r = roll_up(BOOK, "stalled_projects_restarted", unit_path=PROVINCE, period=YEAR)
    assert (r.actual, r.base, r.share) == (Decimal(60), Decimal(560), Fraction(60, 560))
    assert r.base_figure == BOOK.figure("stalled_projects")
    assert r.summary == "طرح راکد راه‌اندازی‌شده: ۶۰ از ۵۶۰ (۱۰٪)"  # 10.7% rounded down
    spring = roll_up(BOOK, "stalled_projects_restarted", unit_path=PROVINCE, period=SPRING)
    assert (spring.actual, spring.base, spring.share) == (Decimal(25), None, None)  # the stock is yearly


def test_capital_in_hemmat_keeps_its_decimals() -> None:
    r = roll_up(BOOK, "investor_capital", unit_path=PROVINCE, period=YEAR)
    assert (r.actual, r.attainment) == (Decimal(116), Fraction(116, 150))
    assert r.summary == "سرمایهٔ سرمایه‌گذاران آغازکرده: ۱۱۶ همت، ۷۷٪ هدف ۱۵۰ همت"
    c1 = roll_up(BOOK, "investor_capital", unit_path=C1, period=YEAR)
    assert c1.summary == "سرمایهٔ سرمایه‌گذاران آغازکرده: ۷۰٫۵ همت"


def test_nothing_recorded_is_none_and_said_so() -> None:
    r = roll_up(BOOK, "idle_units_restarted", unit_path=PROVINCE, period=YEAR)
    assert (r.actual, r.target, r.attainment, r.share) == (None, None, None, None)
    assert r.summary == "واحد تولیدی راکد راه‌اندازی‌شده: گزارشی ثبت نشده است"
    zero = OutcomeBook(actuals=(record("idle_units_restarted", C3, TIR, 0),))
    assert roll_up(zero, "idle_units_restarted", unit_path=PROVINCE, period=YEAR).actual == 0


def test_a_record_for_a_longer_period_is_not_split() -> None:
    # County 3's permits of Tir (summer) are not part of spring; the yearly stock is not part of spring.
    assert roll_up(BOOK, "anonymous_permits", unit_path=C3, period=SPRING).actual is None
    assert roll_up(BOOK, "stalled_projects", unit_path=PROVINCE, period=SPRING).actual is None


def test_a_higher_record_stands_for_the_records_beneath_it() -> None:
    # The province reports its own spring total (520, not the counties' 500): it replaces them.
    book = OutcomeBook(actuals=(*ACTUALS[:4], record("anonymous_permits", PROVINCE, SPRING, 520)))
    assert roll_up(book, "anonymous_permits", unit_path=PROVINCE, period=SPRING).actual == 520
    assert roll_up(book, "anonymous_permits", unit_path=PROVINCE, period=YEAR).actual == 520 + 40
    assert roll_up(book, "anonymous_permits", unit_path=C1, period=SPRING).actual == 250  # the county's own view


def test_records_that_would_count_twice_are_refused() -> None:
    # The province's spring and county 1's whole year share county 1's spring.
    book = OutcomeBook(
        actuals=(record("anonymous_permits", PROVINCE, SPRING, 500), record("anonymous_permits", C1, YEAR, 900))
    )
    with pytest.raises(OverlappingOutcomeRecords) as error:
        roll_up(book, "anonymous_permits", unit_path=PROVINCE, period=YEAR)
    assert error.value.details == {"records": [(PROVINCE, "1404-Q1"), (C1, "1404")]}
    assert error.value.status == 409
    assert roll_up(book, "anonymous_permits", unit_path=C1, period=YEAR).actual == 900


def test_a_non_additive_figure_is_never_computed_from_parts() -> None:
    assert roll_up(BOOK, "unemployment_rate", unit_path=PROVINCE, period=YEAR).actual == Decimal("9.5")
    assert roll_up(BOOK, "unemployment_rate", unit_path="IR", period=YEAR).actual is None
    assert roll_up(BOOK, "unemployment_rate", unit_path=PROVINCE, period=SPRING).actual is None


def test_the_ministers_national_figures_from_provinces() -> None:
    book = OutcomeBook(
        actuals=(
            record("anonymous_permits", PROVINCE, YEAR, 1900),
            record("anonymous_permits", "IR/IR-20", YEAR, 2240),
            record("investors_started", PROVINCE, YEAR, 276),
            record("units_full_capacity", "IR/IR-20", YEAR, 4195),
        )
    )
    rows = roll_up_all(book, unit_path="IR", period=YEAR)
    assert [r.figure.code for r in rows] == [f.code for f in MINISTER_FIGURES]
    assert rows[0].summary == "مجوز بی‌نام صادرشده: ۴٬۱۴۰ فقره"
    assert rows[1].summary == "سرمایه‌گذار آغازکرده: ۲۷۶ نفر"
    assert rows[4].summary == "واحد احیاشده تا ظرفیت کامل: ۴٬۱۹۵ واحد"


def test_side_by_side_for_counties() -> None:
    rows = roll_up_by_unit(BOOK, "anonymous_permits", unit_paths=[C1, C2, C3], period=YEAR)
    assert [r.actual for r in rows] == [Decimal(250), Decimal(250), Decimal(40)]


@pytest.mark.parametrize(
    ("build", "error"),
    [
        (lambda: OutcomeBook(actuals=(record("no_such_figure", C1, YEAR, 1),)), InvalidOutcomeRecord),
        (lambda: OutcomeBook(actuals=(record("anonymous_permits", C1, YEAR, -1),)), InvalidOutcomeRecord),
        (lambda: OutcomeBook(targets=(record("anonymous_permits", C1, YEAR, 1),) * 2), InvalidOutcomeRecord),
        (lambda: OutcomeBook((*MINISTER_FIGURES, MINISTER_FIGURES[0])), InvalidOutcomeFigure),
        (lambda: OutcomeBook((OutcomeFigure("x", "ایکس", "واحد", base_code="y"),)), InvalidOutcomeRecord),
        (lambda: OutcomeBook((RATE, OutcomeFigure("x", "ایکس", "واحد", base_code=RATE.code))), InvalidOutcomeFigure),
        (lambda: OutcomeFigure("Permits", "مجوز", "فقره"), InvalidOutcomeFigure),
        (lambda: OutcomeFigure("permits", "", "فقره"), InvalidOutcomeFigure),
        (lambda: OutcomeFigure("rate", "نرخ", "درصد", is_additive=False, base_code="x"), InvalidOutcomeFigure),
        (lambda: OutcomeFigure("x", "ایکس", "واحد", base_code="x"), InvalidOutcomeFigure),
        (lambda: record("anonymous_permits", "/IR", YEAR, 1), InvalidUnitPath),
        (lambda: roll_up(BOOK, "no_such_figure", unit_path=C1, period=YEAR), InvalidOutcomeRecord),
    ],
)
def test_inconsistent_figures_and_records_are_refused(build: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        build()  # type: ignore[operator]


def test_a_negative_value_is_allowed_for_a_rate() -> None:
    growth = OutcomeFigure("growth", "رشد اشتغال", "درصد", is_additive=False)
    book = OutcomeBook((growth,), actuals=(record("growth", C1, YEAR, "-1.5"),))
    assert roll_up(book, "growth", unit_path=C1, period=YEAR).summary == "رشد اشتغال: -۱٫۵ درصد"


monthly = st.lists(
    st.tuples(st.sampled_from([C1, C2, C3, C1 + "/D1"]), st.integers(1, 12), st.integers(0, 1000)),
    unique_by=lambda t: (t[0], t[1]),
    max_size=25,
)


@settings(max_examples=60)
@given(monthly)
def test_additive_figures_add_up_over_units_and_periods(rows: list[tuple[str, int, int]]) -> None:
    # County 1 and its district both report: the district's months are county 1's unless county 1 reports
    # the same month itself, so leave those months out of the district to keep the records disjoint.
    county_months = {m for unit, m, _ in rows if unit == C1}
    rows = [r for r in rows if not (r[0] == C1 + "/D1" and r[1] in county_months)]
    book = OutcomeBook(
        actuals=tuple(record("anonymous_permits", u, JalaliPeriod.for_month(1404, m), v) for u, m, v in rows)
    )

    def total(unit: str, period: JalaliPeriod) -> Decimal:
        return roll_up(book, "anonymous_permits", unit_path=unit, period=period).actual or Decimal(0)

    assert total(PROVINCE, YEAR) == sum(Decimal(v) for _, _, v in rows)
    assert total(PROVINCE, YEAR) == sum(total(c, YEAR) for c in (C1, C2, C3))
    assert total(PROVINCE, YEAR) == sum(total(PROVINCE, JalaliPeriod.for_quarter(1404, q)) for q in (1, 2, 3, 4))
