"""Right-to-left geometry: names at the right, bars growing leftwards, time running leftwards."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from ostan.core.charts import (
    STANDARD,
    Bar,
    BarChart,
    GroupedBarChart,
    InvalidChart,
    LineChart,
    Measure,
    Series,
    render,
)
from ostan.core.charts.frame import LABEL_SHARE, WIDTH
from ostan.core.charts.labels import text_width

from .conftest import SVG, find_all, parse, texts, titles

VOTES = BarChart(
    "آرای نامزدها",
    (Bar("محمد رضایی", 12840, True), Bar("فاطمه حسینی", 11205, True), Bar("علی محمدی", 9870), Bar("زهرا کریمی", 321)),
    Measure("رأی"),
    label_heading="نامزد",
    emphasis_label="عضو اصلی",
)


def rows(root: ET.Element) -> list[ET.Element]:
    return [g for g in root.iter(f"{SVG}g") if g.get("class") == "chart-row"]


def num(element: ET.Element, name: str) -> float:
    return float(element.get(name, "nan"))


def test_the_svg_is_an_image_in_right_to_left_persian() -> None:
    root = parse(render(VOTES).svg)
    assert root.get("role") == "img"
    assert root.get("direction") == "rtl"
    assert root.get("lang") == "fa"
    assert root.get("viewBox", "").startswith("0 0 400 ")
    assert [t.tag for t in root][:2] == [f"{SVG}title", f"{SVG}desc"]


def test_names_at_the_right_and_bars_growing_leftwards_from_one_baseline() -> None:
    root = parse(render(VOTES).svg)
    baselines, per_vote = set(), set()
    for row, bar in zip(rows(root), VOTES.bars, strict=True):
        name, value = row.findall(f"{SVG}text")
        (rect,) = row.findall(f"{SVG}rect")
        assert name.get("text-anchor") == "start"  # in RTL, the right edge
        assert num(name, "x") > num(rect, "x") + num(rect, "width")
        baselines.add(round(num(rect, "x") + num(rect, "width"), 1))
        assert num(value, "x") < num(rect, "x")  # the figure hangs off the bar's left end
        per_vote.add(round(num(rect, "width") / float(bar.value), 4))
    assert len(baselines) == 1
    assert len(per_vote) == 1  # lengths proportional to the votes


def test_values_in_persian_digits_and_emphasis_in_the_second_colour() -> None:
    figure = render(VOTES)
    root = parse(figure.svg)
    assert "۱۲٬۸۴۰" in texts(root)
    assert "محمد رضایی — رأی: ۱۲٬۸۴۰" in titles(root)
    fills = [r.findall(f"{SVG}rect")[0].get("fill") for r in rows(root)]
    assert fills == [STANDARD.series[1]] * 2 + [STANDARD.series[0]] * 2
    assert [e.label for e in figure.legend] == ["عضو اصلی", "سایر"]
    assert figure.table.columns == ("نامزد", "رأی")
    assert [c.text for c in figure.table.rows[0]] == ["محمد رضایی", "۱۲٬۸۴۰"]
    assert figure.description.startswith("نمودار میله‌ای افقی «رأی» برای ۴ ردیف.")
    assert "بیشترین: «محمد رضایی» با ۱۲٬۸۴۰" in figure.description


def test_a_very_long_name_is_shortened_in_the_drawing_only() -> None:
    name = "سید محمدعلی حسینی‌نژاد فیروزآبادی اصفهانی کرمانشاهی " * 3
    figure = render(BarChart("آرا", (Bar(name, 5), Bar("علی", 3))))
    root = parse(figure.svg)
    drawn = texts(root)[len(texts(root)) - 4]  # rows come after the axis: name, value, name, value
    assert drawn.endswith("…")
    assert name.startswith(drawn[:-1])
    assert text_width(drawn, 14) <= WIDTH * LABEL_SHARE
    assert f"{name} — مقدار: ۵" in titles(root)
    assert figure.table.rows[0][0].text == name


def test_empty_single_and_all_zero_charts() -> None:
    empty = render(BarChart("آرا", ()))
    assert "داده‌ای برای نمایش نیست." in texts(parse(empty.svg))
    assert empty.table.rows == ()
    single = render(BarChart("آرا", (Bar("تنها", 7),)))
    assert single.description.endswith("«تنها»: ۷.")
    assert len(rows(parse(single.svg))) == 1
    zeros = parse(render(BarChart("آرا", (Bar("الف", 0), Bar("ب", 0)))).svg)
    assert [r.findall(f"{SVG}rect")[0].get("width") for r in rows(zeros)] == ["0", "0"]


def test_long_lists_draw_the_first_rows_and_table_all() -> None:
    chart = BarChart("آرا", tuple(Bar(f"نامزد {i}", 100 - i) for i in range(40)), shown=10)
    figure = render(chart)
    root = parse(figure.svg)
    assert len(rows(root)) == 10
    assert "و ۳۰ ردیف دیگر در جدول داده‌ها" in texts(root)
    assert len(figure.table.rows) == 40


def test_stacked_segments_touch_and_end_at_the_total() -> None:
    chart = GroupedBarChart(
        "آرا", ("شعبه ۱", "شعبه ۲"), (Series("فهرست الف", (120, 340)), Series("فهرست ب", (200, None))), is_stacked=True
    )
    figure = render(chart)
    first = rows(parse(figure.svg))[0]
    rects = list(first.iter(f"{SVG}rect"))
    assert len(rects) == 2
    right_edge_of_second = num(rects[1], "x") + num(rects[1], "width")
    assert right_edge_of_second == pytest.approx(num(rects[0], "x"), abs=0.02)  # the second starts where the first ends
    assert figure.table.columns == ("عنوان", "فهرست الف", "فهرست ب", "جمع")
    assert [c.text for c in figure.table.rows[1]] == ["شعبه ۲", "۳۴۰", "—", "۳۴۰"]
    assert [e.label for e in figure.legend] == ["فهرست الف", "فهرست ب"]


def test_grouped_bars_show_a_missing_figure_as_a_dash() -> None:
    chart = GroupedBarChart("آرا", ("الف",), (Series("یک", (5,)), Series("دو", (None,))))
    root = parse(render(chart).svg)
    assert "—" in texts(root)
    assert len(find_all(root, "rect")) == 1


HOURS = tuple(f"{h:02d}:00".translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")) for h in range(8, 21))


def test_line_chart_runs_leftwards_breaks_at_gaps_and_thins_its_labels() -> None:
    values = tuple(float(i * 4) for i in range(13))
    with_gap = (*values[:5], None, *values[6:])
    series = (Series("کرمانشاه", values), Series("سنقر", with_gap))
    chart = LineChart("مشارکت", HOURS, series, Measure("مشارکت", 1, "٪"))
    figure = render(chart)
    root = parse(figure.svg)
    first, second = (g for g in root.iter(f"{SVG}g") if g.get("class") == "chart-series")
    (line,) = first.findall(f"{SVG}polyline")
    xs = [float(p.split(",")[0]) for p in (line.get("points") or "").split()]
    assert xs == sorted(xs, reverse=True)  # ۰۸:۰۰ at the right
    assert len(second.findall(f"{SVG}polyline")) == 2  # the missing hour is a gap, not a zero
    shown_hours = [t for t in texts(root) if t in HOURS]
    assert shown_hours[0] == "۰۸:۰۰"
    assert 4 <= len(shown_hours) < 13
    assert "کرمانشاه — ۱۳:۰۰: ۲۰٫۰٪" in titles(root)
    assert "سنقر — ۱۴:۰۰: ۲۴٫۰٪" in titles(root)
    assert [c.text for c in figure.table.rows[5]] == ["۱۳:۰۰", "۲۰٫۰٪", "—"]
    assert len(figure.legend) == 2
    assert figure.legend[0].swatch != figure.legend[1].swatch


def test_line_chart_with_one_point_or_none() -> None:
    one = parse(render(LineChart("مشارکت", ("۰۸:۰۰",), (Series("الف", (3,)),))).svg)
    assert len(find_all(one, "circle")) == 1
    assert not find_all(one, "polyline")
    assert "داده‌ای برای نمایش نیست." in texts(parse(render(LineChart("مشارکت", (), ())).svg))


def test_inputs_that_cannot_be_drawn_honestly() -> None:
    with pytest.raises(InvalidChart):
        BarChart("آرا", (Bar("الف", -1),))
    with pytest.raises(InvalidChart):
        LineChart("مشارکت", ("۸", "۹"), (Series("الف", (1,)),))
    with pytest.raises(InvalidChart):
        LineChart("مشارکت", ("۸",), tuple(Series(str(i), (1,)) for i in range(6)))
    with pytest.raises(InvalidChart):
        GroupedBarChart("آرا", ("الف",), (Series("یک", (-2,)),))
    assert render(LineChart("تغییر", ("۸", "۹"), (Series("الف", (-2, 3)),))).kind == "line"  # lines may go below zero
