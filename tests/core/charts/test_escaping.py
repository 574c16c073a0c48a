"""Labels come from users: whatever they hold must come out as inert text, never as markup."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ostan.core.charts import (
    Bar,
    BarChart,
    Choropleth,
    GroupedBarChart,
    InvalidChart,
    InvalidRegion,
    LineChart,
    MapRegion,
    Measure,
    Series,
    escape,
    render,
)

from .conftest import find_all, parse, texts, titles

HOSTILE = ("<script>alert(1)</script>", "\"&'", "</svg><img src=x onerror=alert(1)>", "a]]>b", "<!--", "&amp;")
SQUARE = "M0 0L10 0L10 10L0 10Z"


def test_escape_covers_markup_and_both_quotes() -> None:
    assert escape("<a href=\"x\" title='y'>&</a>") == "&lt;a href=&quot;x&quot; title=&#x27;y&#x27;&gt;&amp;&lt;/a&gt;"
    assert escape("nul\x00 and bell\x07 go") == "nul and bell go"  # XML 1.0 has no place for them


@pytest.mark.parametrize("label", HOSTILE)
def test_hostile_candidate_names_are_inert_in_a_bar_chart(label: str) -> None:
    figure = render(BarChart(label, (Bar(label, 10), Bar("علی", 5)), Measure(label, suffix=label)))
    assert "<script" not in figure.svg
    assert "<img" not in figure.svg
    root = parse(figure.svg)
    assert any(label in t for t in titles(root))
    assert any(t == label or (t.endswith("…") and label.startswith(t[:-1])) for t in texts(root))
    assert figure.table.rows[0][0].text == label  # plain text: the template escapes it as any other value


@pytest.mark.parametrize("label", HOSTILE)
def test_hostile_names_are_inert_in_every_kind(label: str) -> None:
    series = (Series(label, (1, 2)),)
    drawn = [
        GroupedBarChart(label, (label, "ب"), series),
        GroupedBarChart(label, (label, "ب"), series, is_stacked=True),
        LineChart(label, (label, "ب"), series),
        Choropleth(label, "0 0 100 100", (MapRegion("1", label, SQUARE, 3, note=label),)),
    ]
    for chart in drawn:
        figure = render(chart)
        assert "<script" not in figure.svg
        assert "<img" not in figure.svg
        root = parse(figure.svg)
        assert any(label in t for t in titles(root))
        for entry in figure.legend:
            parse(entry.swatch)


@settings(max_examples=60)
@given(st.lists(st.tuples(st.text(max_size=40), st.integers(0, 10**9)), max_size=8), st.text(min_size=1, max_size=30))
def test_any_text_gives_well_formed_svg_with_the_names_intact(rows: list[tuple[str, int]], heading: str) -> None:
    title = heading if heading.strip() else "عنوان"
    figure = render(BarChart(title, tuple(Bar(label, value) for label, value in rows)))
    root = parse(figure.svg)
    shown = titles(root)
    for label, _ in rows:
        clean = escape(label)  # what the markup holds; the parser gives back the label without XML-illegal chars
        assert any(t.startswith(f"{label_after_parse(clean)} — ") for t in shown)


def label_after_parse(escaped: str) -> str:
    return parse(f"<t>{escaped}</t>").text or ""


def test_left_to_right_labels_are_isolated_and_persian_ones_untouched() -> None:
    root = parse(render(BarChart("آرا", (Bar("Ali (2)", 3), Bar("علی", 2)))).svg)
    drawn = texts(root, raw=True)
    assert "\u2068Ali (2)\u2069" in drawn
    assert "علی" in drawn


def test_region_links_may_not_be_scripts() -> None:
    for href in ("javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x", "//evil.example/", " /x"):
        with pytest.raises(InvalidRegion):
            MapRegion("1", "الف", SQUARE, 1, href=href)
    assert MapRegion("1", "الف", SQUARE, 1, href="/territory/u/05/").href == "/territory/u/05/"


def test_region_paths_hold_only_path_data() -> None:
    with pytest.raises(InvalidRegion):
        MapRegion("1", "الف", 'M0 0" onload="alert(1)', 1)
    with pytest.raises(InvalidRegion):
        Choropleth("نقشه", '0 0 1 1" onload="x', ())


def test_every_chart_needs_a_title_and_a_simple_id_prefix() -> None:
    with pytest.raises(InvalidChart):
        BarChart("  ", ())
    with pytest.raises(InvalidChart):
        render(BarChart("آرا", ()), id_prefix='x" onload="y')
    figure = render(BarChart("آرا", ()), id_prefix="chart-a1-2")
    root = parse(figure.svg)
    assert root.get("aria-labelledby") == "chart-a1-2-title"
    assert [e.get("id") for e in find_all(root, "title")] == ["chart-a1-2-title"]
