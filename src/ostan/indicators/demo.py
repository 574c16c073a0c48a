"""The demo county's indicators: a catalogue of eleven, with a validation rule and targets, and monthly
values since Farvardin 1402 for its neighbourhoods and some of its villages, with a few poor places (so
the network shows a gap) and a few missing reports (so completeness has someone to chase).

Made through the actions as the system (the values as one imported file, the way a health centre would
send them). Values are generated from a fixed seed, so every run makes the same ones; running it again
changes nothing.
"""

from __future__ import annotations

import random
from decimal import Decimal

from django.utils import timezone

from ostan.core.access import Actor
from ostan.core.network import Period, PeriodKind, period_containing
from ostan.indicators import actions
from ostan.indicators.entries import IndicatorEntry
from ostan.indicators.models import Indicator, Target, Value
from ostan.territory import actions as territory
from ostan.territory.models import PATH_SEPARATOR, Unit, UnitKind

DEMO_SYSTEM = Actor.system("بارگذاری دادهٔ نمایشی شاخص‌ها")
SEED = 1402
FIRST_MONTH = Period.month(1402, 1)
NEIGHBOURHOODS = ("امامزاده یحیی", "سنگلج", "عودلاجان", "بازار", "چاله‌میدان", "پامنار")
VILLAGES = 20  # of the county's villages, by code
POOR = 2  # the last neighbourhoods are the poor ones: high infant mortality, low vaccination, unemployment
HEALTH, RELIEF, EDUCATION, CENSUS = "مرکز بهداشت شهرستان", "کمیتهٔ امداد امام خمینی", "آموزش و پرورش", "مرکز آمار"


def _catalogue() -> list[IndicatorEntry]:
    e = IndicatorEntry
    d = Decimal
    return [
        e("births", "تولد زنده", "نفر", "higher", "sum", HEALTH, "نوزادان زنده‌به‌دنیاآمدهٔ ماه"),
        e("infant_deaths", "مرگ کودکان زیر یک سال", "نفر", "lower", "sum", HEALTH, suppress_below=5),
        e(
            "infant_mortality", "میزان مرگ شیرخواران", "در هزار تولد زنده", "lower", "ratio", HEALTH,
            "مرگ کودکان زیر یک سال به ازای هزار تولد زنده", numerator="infant_deaths", denominator="births",
            factor=d(1000), poor_threshold=d(15), suppress_below=5,
        ),
        e("children_under5", "کودکان زیر پنج سال", "نفر", "higher", "sum", HEALTH, minimum=d(0)),
        e("vaccinated_under5", "کودکان زیر پنج سال با واکسیناسیون کامل", "نفر", "higher", "sum", HEALTH, minimum=d(0)),
        e(
            "vaccination_coverage", "پوشش واکسیناسیون کودکان", "درصد", "higher", "ratio", HEALTH,
            numerator="vaccinated_under5", denominator="children_under5", factor=d(100), poor_threshold=d(90),
        ),
        e(
            "unemployment", "نرخ بیکاری", "درصد", "lower", "population_weighted_mean", CENSUS,
            "برآورد ماهانهٔ بیکاری جمعیت فعال", poor_threshold=d(12), minimum=d(0), maximum=d(100),
        ),
        e("relief_households", "خانوارهای تحت حمایت کمیتهٔ امداد", "خانوار", "lower", "sum", RELIEF, suppress_below=5),
        e("clinic_wait", "انتظار نوبت درمانگاه", "روز", "lower", "mean", HEALTH, poor_threshold=d(7), minimum=d(0)),
        e(
            "waste_coverage", "پوشش جمع‌آوری پسماند", "درصد", "higher", "population_weighted_mean", "شهرداری و دهیاری",
            poor_threshold=d(80), minimum=d(0), maximum=d(100),
        ),
        e(
            "school_dropout", "ترک تحصیل دانش‌آموزان", "نفر", "lower", "sum", EDUCATION, "در هر فصل",
            frequency=PeriodKind.QUARTER.value, suppress_below=5,
        ),
    ]  # fmt: skip


def _units(county: Unit) -> list[Unit]:
    """The county's neighbourhoods (made in its first city if it has none) and its first villages."""
    under = Unit.objects.filter(path__startswith=county.path + PATH_SEPARATOR)
    neighbourhoods = list(under.filter(kind=UnitKind.NEIGHBOURHOOD).order_by("path")[: len(NEIGHBOURHOODS)])
    city = under.filter(kind=UnitKind.CITY).order_by("path").first()
    if not neighbourhoods and city is not None:
        neighbourhoods = [territory.create_neighbourhood(actor=DEMO_SYSTEM, city=city, name=n) for n in NEIGHBOURHOODS]
    villages = list(under.filter(kind=UnitKind.VILLAGE).order_by("code")[:VILLAGES])
    chosen = neighbourhoods + villages
    draw = random.Random(SEED)
    for unit in chosen:
        size = draw.randint(4_000, 25_000) if unit.kind == UnitKind.NEIGHBOURHOOD else draw.randint(150, 2_500)
        if unit.population is None:
            territory.set_population(
                actor=DEMO_SYSTEM, unit=unit, population=size, year=1395, reason="برآورد نمایشی برای شاخص‌ها"
            )
    return list(Unit.objects.filter(pk__in=[u.pk for u in chosen]).order_by("path"))


def _months(last: Period) -> list[Period]:
    months, current = [], FIRST_MONTH
    while current <= last:
        months.append(current)
        current = current.next()
    return months


def _lines(units: list[Unit], last: Period) -> list[str]:
    draw = random.Random(SEED)
    poor = {u.pk for u in [u for u in units if u.kind == UnitKind.NEIGHBOURHOOD][-POOR:]}
    lines = ["indicator,unit,period,value"]
    for unit in units:
        people = unit.population or 1000
        is_poor = unit.pk in poor
        for i, month in enumerate(_months(last)):
            if month == last and unit.kind == UnitKind.VILLAGE and draw.random() < 0.3:
                continue  # not reported yet: completeness shows it
            births = max(1, round(people * 0.0015 * draw.uniform(0.7, 1.3)))
            deaths = draw.choice((0, 0, 0, 1)) + (draw.choice((0, 1, 1, 2)) if is_poor else 0)
            children = round(people * 0.08)
            share = draw.uniform(0.78, 0.86) if is_poor else draw.uniform(0.93, 0.99)
            trend = i * 0.02  # things get slowly better
            row = {
                "births": births, "infant_deaths": deaths, "children_under5": children,
                "vaccinated_under5": min(children, round(children * share)),
                "unemployment": round(draw.uniform(13, 17) - trend if is_poor else draw.uniform(7, 11) - trend / 2, 1),
                "relief_households": round(people * (0.03 if is_poor else 0.008) * draw.uniform(0.9, 1.1)),
                "clinic_wait": round(draw.uniform(6, 12) if is_poor else draw.uniform(1, 5), 1),
                "waste_coverage": round(draw.uniform(70, 82) if is_poor else draw.uniform(88, 99), 1),
            }  # fmt: skip
            lines += [f"{code},{unit.code},{month},{value}" for code, value in row.items()]
            if month.number % 3 == 0:
                quarter = Period.quarter(month.year, month.number // 3)
                lines.append(f"school_dropout,{unit.code},{quarter},{draw.randint(0, 9 if is_poor else 3)}")
    return lines


def create_demo_indicators(*, county_code: str) -> list[str]:
    """Create (or find) the catalogue, targets and values of the demo county; lines to print."""
    for entry in _catalogue():
        if not Indicator.objects.filter(code=entry.code).exists():
            actions.save_indicator(actor=DEMO_SYSTEM, entry=entry)
    actions.save_rule(actor=DEMO_SYSTEM, left="vaccinated_under5", comparison="<=", right="children_under5")
    county = Unit.objects.filter(code=county_code).first()
    if county is None:
        return ["شاخص‌ها: شهرستان نمایشی یافت نشد؛ مقداری ساخته نشد."]
    units = _units(county)
    last = period_containing(timezone.localdate(), PeriodKind.MONTH).previous()
    if not Value.objects.filter(unit__in=units).exists():
        data = "\n".join(_lines(units, last)).encode()
        actions.import_values(actor=DEMO_SYSTEM, file_name="demo-indicators.csv", data=data)
    for code, value in (("vaccination_coverage", 95), ("unemployment", 10), ("infant_mortality", 12)):
        if not Target.objects.filter(indicator__code=code, unit=county, year=last.year).exists():
            actions.set_target(
                actor=DEMO_SYSTEM, indicator_code=code, unit=county, year=last.year, value=Decimal(value)
            )
    neighbourhood = next((u for u in units if u.kind == UnitKind.NEIGHBOURHOOD), None)
    first = neighbourhood or (units[0] if units else county)
    return [
        f"{Indicator.objects.count()} indicators, {Value.objects.filter(unit__in=units).count()} values over "
        f"{len(units)} neighbourhoods and villages since {FIRST_MONTH} (/indicators/)",
        f"dashboard: /indicators/units/{county.code}/ · trend, pivot and map: "
        f"/indicators/i/infant_mortality/?unit={county.code}",
        f"demo_secretary (council secretary of {first.parent.name if first.parent else county.name}) enters a month "
        f"for «{first.name}» at /indicators/units/{first.code}/entry/, imports CSV/XLSX at /indicators/import/, "
        f"sees the city's dashboard at /indicators/units/{first.parent.code if first.parent else county.code}/",
        "demo_governorate keeps the catalogue (/indicators/new/) and rules; demo_governor sets the county's targets "
        f"(/indicators/units/{county.code}/targets/)",
    ]
