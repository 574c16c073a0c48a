"""Golden SVGs: whole figures kept byte for byte, so any change to the drawing is seen in review.

To accept a deliberate change: ``OSTAN_UPDATE_GOLDEN=1 pytest tests/core/charts/test_golden.py``, then
look at the new files (open them in a browser) before committing them.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ostan.core.charts import (
    HIGH_CONTRAST,
    STANDARD,
    Bar,
    BarChart,
    Chart,
    Choropleth,
    GroupedBarChart,
    LineChart,
    MapRegion,
    Measure,
    Palette,
    Series,
    fixed_breaks,
    render,
)

GOLDEN = Path(__file__).parent / "golden"
HOURS = ("۰۸:۰۰", "۰۹:۰۰", "۱۰:۰۰", "۱۱:۰۰", "۱۲:۰۰", "۱۳:۰۰", "۱۴:۰۰")

CASES: dict[str, tuple[Chart, Palette]] = {
    "bar_votes": (
        BarChart(
            "آرای نامزدهای شورای شهر کرمانشاه",
            (
                Bar("محمد رضایی", 12840, True),
                Bar("فاطمه حسینی‌نژاد", 11205, True),
                Bar("<script>alert(1)</script>", 9870),
                Bar("\"&'", 321),
            ),
            Measure("رأی"),
            label_heading="نامزد",
            emphasis_label="عضو اصلی",
        ),
        STANDARD,
    ),
    "line_turnout": (
        LineChart(
            "مشارکت به تفکیک ساعت",
            HOURS,
            (
                Series("کرمانشاه", (2.1, 5.3, 9.8, 14.2, 18.9, 22.0, 25.5)),
                Series("سنقر", (1.5, 4.0, None, 11.0, 15.0, 19.2, 23.3)),
            ),
            Measure("مشارکت", 1, "٪"),
        ),
        STANDARD,
    ),
    "stacked_lists_high_contrast": (
        GroupedBarChart(
            "آرا به تفکیک فهرست",
            ("شعبه ۱", "شعبه ۲"),
            (Series("فهرست امید", (120, 340)), Series("منفردها", (40, None))),
            is_stacked=True,
            measure=Measure("رأی"),
        ),
        HIGH_CONTRAST,
    ),
    "choropleth_two_provinces": (
        Choropleth(
            "جمعیت استان‌ها",
            "0 0 203 200",
            (
                MapRegion("05", "کرمانشاه", "M0 0l200 0 0 100 -200 0z", 1952434, href="/territory/u/05/"),
                MapRegion("06", "خوزستان", "M200 0L203 0L203 100L200 100Z", 4710509),
                MapRegion("07", "فارس", "M0 100H200V200H0Z", None),
            ),
            fixed_breaks([2_000_000]),
            Measure("جمعیت"),
            label_heading="استان",
        ),
        STANDARD,
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_golden_svg(case: str) -> None:
    chart, palette = CASES[case]
    svg = render(chart, palette=palette, id_prefix=case.replace("_", "-")).svg + "\n"
    path = GOLDEN / f"{case}.svg"
    if os.environ.get("OSTAN_UPDATE_GOLDEN"):
        path.write_text(svg, encoding="utf-8")
    assert svg == path.read_text(encoding="utf-8")
