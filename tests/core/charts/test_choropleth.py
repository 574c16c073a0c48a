"""Choropleths: classes by value, a hatched «بدون داده» class, a title and a link per region, names that fit."""

from __future__ import annotations

import pytest

from ostan.core.charts import STANDARD, Choropleth, InvalidRegion, MapRegion, Measure, fixed_breaks, render

from .conftest import SVG, find_all, parse, texts, titles

BIG = "M0 0L200 0L200 100L0 100Z"  # a wide square: «کرمانشاه» fits
SLIVER = "M200 0L203 0L203 100L200 100Z"  # three units wide: no name fits
MID = "M0 100L200 100L200 200L0 200Z"


def regions() -> tuple[MapRegion, ...]:
    return (
        MapRegion("05", "کرمانشاه", BIG, 1952434, href="/territory/u/05/"),
        MapRegion("06", "خوزستان", SLIVER, 4710509, href="/territory/u/06/"),
        MapRegion("07", "فارس", MID, None, note="در تقسیمات ۱۳۹۹ با این کد نیست"),
    )


def test_classes_no_data_titles_and_links() -> None:
    chart = Choropleth("جمعیت", "0 0 203 200", regions(), fixed_breaks([2_000_000]), Measure("جمعیت"), "استان")
    figure = render(chart, id_prefix="map")
    root = parse(figure.svg)
    paths = {p.get("data-code"): p for p in find_all(root, "path")}
    ramp = STANDARD.ramp(2)
    assert paths["05"].get("fill") == ramp[0]
    assert paths["06"].get("fill") == ramp[1]
    assert paths["07"].get("fill") == "url(#map-nodata)"
    assert [p.get("id") for p in find_all(root, "pattern")] == ["map-nodata"]
    links = find_all(root, "a")
    assert [a.get("href") for a in links] == ["/territory/u/05/", "/territory/u/06/"]
    assert links[0].get("aria-label") == "کرمانشاه — جمعیت: ۱٬۹۵۲٬۴۳۴"
    assert "فارس — جمعیت: بدون داده (در تقسیمات ۱۳۹۹ با این کد نیست)" in titles(root)


def test_names_only_where_they_fit() -> None:
    chart = Choropleth("جمعیت", "0 0 203 200", regions(), fixed_breaks([2_000_000]))
    root = parse(render(chart).svg)
    labels = [g for g in root.iter(f"{SVG}g") if g.get("class") == "chart-map-labels"]
    assert [t.text for t in labels[0].iter(f"{SVG}text")] == ["کرمانشاه", "فارس"]
    assert "خوزستان" not in texts(root)


def test_legend_counts_and_table() -> None:
    chart = Choropleth("جمعیت", "0 0 203 200", regions(), fixed_breaks([2_000_000]), Measure("جمعیت"), "استان")
    figure = render(chart)
    assert [e.label for e in figure.legend] == ["کمتر از ۲٬۰۰۰٬۰۰۰ (۱)", "۲٬۰۰۰٬۰۰۰ و بیشتر (۱)", "بدون داده (۱)"]
    for entry in figure.legend:
        assert parse(entry.swatch).get("aria-hidden") == "true"
    assert figure.table.columns == ("استان", "جمعیت", "رده")
    first = figure.table.rows[0]
    assert (first[0].text, first[0].href, first[1].text, first[2].text) == (
        "کرمانشاه",
        "/territory/u/05/",
        "۱٬۹۵۲٬۴۳۴",
        "کمتر از ۲٬۰۰۰٬۰۰۰",
    )
    assert [c.text for c in figure.table.rows[2]] == ["فارس", "بدون داده", "—"]
    assert "۱ منطقه بدون داده" in figure.description


def test_quantile_breaks_by_default_and_middle_class_labels() -> None:
    shapes = tuple(MapRegion(str(i), f"منطقه {i}", BIG, v) for i, v in enumerate([10, 20, 30, 40, 50, 60]))
    figure = render(Choropleth("مقدار", "0 0 200 100", shapes))
    labels = [e.label for e in figure.legend]
    assert len(labels) == 5
    assert labels[0].startswith("کمتر از ")
    assert labels[1].startswith("از ")
    assert " تا کمتر از " in labels[1]
    assert labels[-1].endswith("و بیشتر (۲)")


def test_a_map_with_one_value_or_none() -> None:
    one = render(Choropleth("مقدار", "0 0 200 100", (MapRegion("1", "الف", BIG, 7), MapRegion("2", "ب", MID, 7))))
    assert [e.label for e in one.legend] == ["۷ (۲)"]
    none = render(Choropleth("مقدار", "0 0 200 100", (MapRegion("1", "الف", BIG, None),)))
    assert [e.label for e in none.legend] == ["بدون داده (۱)"]
    assert none.description.endswith("هیچ منطقه‌ای داده ندارد.")


def test_region_codes_are_unique() -> None:
    with pytest.raises(InvalidRegion):
        Choropleth("مقدار", "0 0 1 1", (MapRegion("1", "الف", BIG, 1), MapRegion("1", "ب", MID, 2)))
