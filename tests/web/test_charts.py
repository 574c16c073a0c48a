"""The chart tags: a figure with its caption, an escaped SVG, a legend and a table of the same numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.test import Client, RequestFactory

from ostan.core.charts import Choropleth, InvalidChart, MapRegion, Measure

SQUARE = "M0 0L100 0L100 100L0 100Z"
# Physical sides and sizes in a declaration; media features such as (max-width: …) have a dash before them.
PHYSICAL = re.compile(
    rb"(?<![\w-])(?:width|height|top|bottom|left|right)\s*:|(?:margin|padding|border)-(?:left|right|top|bottom)"
    rb"|text-align:\s*(?:left|right)"
)


def render(source: str, **context: object) -> str:
    return Template("{% load charts %}" + source).render(Context(context))


@dataclass(frozen=True)
class Row:
    name: str
    votes: int
    is_member: bool


ROWS = [Row("محمد رضایی", 12840, True), Row("<script>alert(1)</script>", 9870, False), Row("\"&'", 0, False)]


def test_bar_chart_gives_figure_caption_svg_legend_and_table() -> None:
    html = render(
        '{% bar_chart "آرای نامزدها" rows label="name" value="votes" measure="رأی" label_heading="نامزد"'
        ' emphasis="is_member" emphasis_label="عضو اصلی" %}',
        rows=ROWS,
    )
    assert html.count("<figure") == 1
    assert '<figcaption class="chart-caption">آرای نامزدها</figcaption>' in html
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in html
    assert 'role="img"' in html
    assert "<bdi>عضو اصلی</bdi>" in html
    table = html[html.index("<table>") : html.index("</table>")]
    assert '<th scope="col">نامزد</th><th scope="col">رأی</th>' in table
    assert '<th scope="row"><bdi>محمد رضایی</bdi></th><td class="num">۱۲٬۸۴۰</td>' in table
    assert "<details" in html
    assert "<summary>" in html


def test_user_text_is_inert_in_svg_table_and_legend() -> None:
    html = render('{% bar_chart title rows label="name" value="votes" %}', title="<b>عنوان</b>", rows=ROWS)
    assert "<script" not in html
    assert "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&quot;&amp;&#x27;" in html


def test_rows_may_be_pairs_or_mappings_with_persian_digits() -> None:
    pairs = render('{% bar_chart "آرا" rows %}', rows=[("الف", 3), ("ب", Decimal("2.5"))])
    assert "الف — مقدار: ۳" in pairs
    mappings = render('{% bar_chart "آرا" rows %}', rows=[{"label": "الف", "value": "۱۲٬۳۴۵"}])
    assert "الف — مقدار: ۱۲٬۳۴۵" in mappings
    with pytest.raises(InvalidChart):
        render('{% bar_chart "آرا" rows %}', rows=[("الف", None)])


def test_line_grouped_and_stacked_tags() -> None:
    hours = ["۰۸:۰۰", "۰۹:۰۰", "۱۰:۰۰"]
    line = render(
        '{% line_chart "مشارکت به تفکیک ساعت" hours series measure="مشارکت" decimals=1 suffix="٪" %}',
        hours=hours,
        series={"کرمانشاه": [2.1, 5.3, None], "سنقر": [1.0, 2.0, 3.5]},
    )
    assert "chart-line" in line
    assert "کرمانشاه — ۰۹:۰۰: ۵٫۳٪" in line
    assert line.count("<li>") == 2  # one legend entry per series
    stacked = render(
        '{% grouped_bar_chart "آرا به تفکیک فهرست" stations series stacked=True measure="رأی" %}',
        stations=["شعبه ۱", "شعبه ۲"],
        series=[("فهرست الف", [1, 2]), ("فهرست ب", [3, 4])],
    )
    assert "chart-stacked_bar" in stacked
    assert '<th scope="col">جمع</th>' in stacked


def test_choropleth_tag_and_a_chart_built_in_python() -> None:
    regions = [
        {"code": "05", "name": "کرمانشاه", "d": SQUARE, "population": 1952434, "href": "/territory/u/05/"},
        {"code": "06", "name": "خوزستان", "d": SQUARE, "population": None},
    ]
    html = render('{% choropleth "جمعیت" regions "0 0 100 100" value="population" measure="جمعیت" %}', regions=regions)
    assert '<a href="/territory/u/05/" aria-label="کرمانشاه — جمعیت: ۱٬۹۵۲٬۴۳۴">' in html
    assert "بدون داده (۱)" in html
    assert '<a href="/territory/u/05/"><bdi>کرمانشاه</bdi></a>' in html  # the table links too
    built = Choropleth("جمعیت", "0 0 100 100", (MapRegion("1", "الف", SQUARE, 5),), measure=Measure("جمعیت"))
    assert "الف — جمعیت: ۵" in render("{% chart drawn palette='high_contrast' %}", drawn=built)


def test_each_chart_of_a_page_has_its_own_ids_and_the_first_links_the_stylesheet() -> None:
    request = RequestFactory().get("/")
    source = '{% bar_chart "آرا" rows %}{% bar_chart "آرا" rows %}'
    html = Template("{% load charts %}" + source).render(Context({"rows": [("الف", 1)], "request": request}))
    ids = re.findall(r'<title id="([^"]+)"', html)
    assert len(ids) == 2
    assert len(set(ids)) == 2
    assert html.count('href="/static/ostan/charts.css"') == 1


@pytest.mark.django_db
def test_the_stylesheet_is_served_and_uses_logical_properties(client: Client) -> None:
    response = client.get("/static/ostan/charts.css")
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content  # type: ignore[attr-defined]
    assert not PHYSICAL.search(body), PHYSICAL.search(body)
