"""What a chart is drawn from: frozen inputs, checked on construction so a renderer never meets nonsense.

Labels are whatever people typed (candidate names, unit names): they are kept as given here and escaped
only where markup is written (:mod:`ostan.core.charts.markup`). The core never reorders rows.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from ostan.core.charts.breaks import Breaks
from ostan.core.charts.errors import InvalidChart, InvalidRegion
from ostan.core.charts.palettes import MAX_SERIES
from ostan.core.charts.values import Number, as_decimal

# Path data may hold only SVG path commands and numbers; anything else never reaches a d="…" attribute.
_PATH_DATA = re.compile(r"[MmLlHhVvZzCcSsQqTtAa0-9eE.,+\-\s]*")
_VIEW_BOX = re.compile(r"\s*-?[\d.]+(?:[\s,]+-?[\d.]+){3}\s*")
# A region may link only within the site or to an ordinary web address: never javascript: or data:.
_SAFE_HREF = re.compile(r"(?:/(?!/)|#|\?|https?://)\S*")


@dataclass(frozen=True)
class Measure:
    """What the numbers are: «رأی», «جمعیت», «مشارکت» (with «٪» and one decimal)."""

    name: str = "مقدار"
    decimals: int = 0
    suffix: str = ""

    def __post_init__(self) -> None:
        if not 0 <= self.decimals <= 6:
            raise InvalidChart("شمار رقم‌های اعشار باید میان ۰ و ۶ باشد.", details={"path": "measure.decimals"})


@dataclass(frozen=True)
class Bar:
    label: str
    value: Number
    is_emphasised: bool = False  # e.g. an elected member among the candidates


@dataclass(frozen=True)
class BarChart:
    """Horizontal bars: names at the right, bars growing leftwards from a common baseline."""

    title: str
    bars: tuple[Bar, ...]
    measure: Measure = field(default_factory=Measure)
    label_heading: str = "عنوان"  # the table's first column, e.g. «نامزد»
    description: str = ""  # empty: the core writes one from the data
    emphasis_label: str = ""  # the legend's name for emphasised bars, e.g. «عضو اصلی»
    shown: int | None = None  # draw only the first rows (the table keeps all), for long candidate lists

    def __post_init__(self) -> None:
        _require_title(self.title)
        for i, bar in enumerate(self.bars):
            _require_label(bar.label, f"bars[{i}].label")
            if as_decimal(bar.value, path=f"bars[{i}].value") < 0:
                raise InvalidChart("طول میله نمی‌تواند منفی باشد.", details={"path": f"bars[{i}].value"})
        if self.shown is not None and self.shown < 1:
            raise InvalidChart("شمار میله‌های نمایش‌داده باید مثبت باشد.", details={"path": "shown"})


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[Number | None, ...]  # None: no figure for that category or hour (a gap, not a zero)


@dataclass(frozen=True)
class GroupedBarChart:
    """One row per category with a bar per series side by side, or stacked into one bar."""

    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    is_stacked: bool = False
    measure: Measure = field(default_factory=Measure)
    label_heading: str = "عنوان"
    description: str = ""

    def __post_init__(self) -> None:
        _require_title(self.title)
        for i, category in enumerate(self.categories):
            _require_label(category, f"categories[{i}]")
        _check_series(self.series, len(self.categories), is_signed=False)


@dataclass(frozen=True)
class LineChart:
    """Series over ordered points (hours, days); the first point is drawn at the right, as text runs."""

    title: str
    x_labels: tuple[str, ...]
    series: tuple[Series, ...]
    measure: Measure = field(default_factory=Measure)
    x_heading: str = "ساعت"
    description: str = ""
    is_zero_based: bool = True  # the axis starts at zero unless the caller says the figures need not

    def __post_init__(self) -> None:
        _require_title(self.title)
        for i, label in enumerate(self.x_labels):
            _require_label(label, f"x_labels[{i}]")
        _check_series(self.series, len(self.x_labels), is_signed=True)


@dataclass(frozen=True)
class MapRegion:
    code: str
    name: str
    d: str  # SVG path data in the map's own coordinates
    value: Number | None  # None: the «بدون داده» class
    href: str | None = None
    note: str = ""  # added to the region's tooltip, e.g. why it has no page

    def __post_init__(self) -> None:
        _require_label(self.name, f"regions[{self.code}].name")
        if not _PATH_DATA.fullmatch(self.d) or not self.d.strip():
            raise InvalidRegion(f"مسیر منطقهٔ «{self.code}» دادهٔ مسیر SVG نیست.", details={"path": self.code})
        if self.href is not None and not _SAFE_HREF.fullmatch(self.href):
            raise InvalidRegion(f"پیوند منطقهٔ «{self.code}» پذیرفته نیست.", details={"path": self.code})
        if self.value is not None:
            as_decimal(self.value, path=f"regions[{self.code}].value")


@dataclass(frozen=True)
class Choropleth:
    """Regions shaded by class of value; ``breaks=None`` means quantile breaks over the data."""

    title: str
    view_box: str
    regions: tuple[MapRegion, ...]
    breaks: Breaks | None = None
    measure: Measure = field(default_factory=Measure)
    label_heading: str = "منطقه"
    description: str = ""

    def __post_init__(self) -> None:
        _require_title(self.title)
        if not _VIEW_BOX.fullmatch(self.view_box):
            raise InvalidRegion("viewBox نقشه باید چهار عدد باشد.", details={"path": "view_box"})
        codes = [r.code for r in self.regions]
        if len(set(codes)) != len(codes):
            raise InvalidRegion("کد هر منطقه باید یکتا باشد.", details={"path": "regions"})


def _require_title(title: str) -> None:
    if not title.strip():
        raise InvalidChart("هر نمودار عنوانی می‌خواهد؛ عنوان نام آن برای صفحه‌خوان است.", details={"path": "title"})


def _require_label(label: str, path: str) -> None:
    if not isinstance(label, str):
        raise InvalidChart("برچسب باید متن باشد.", details={"path": path})


def _check_series(series: tuple[Series, ...], length: int, *, is_signed: bool) -> None:
    if len(series) > MAX_SERIES:
        raise InvalidChart(
            f"نمودار بیش از {MAX_SERIES} سری را خوانا نشان نمی‌دهد.", details={"path": "series", "max": MAX_SERIES}
        )
    for i, s in enumerate(series):
        _require_label(s.name, f"series[{i}].name")
        if len(s.values) != length:
            raise InvalidChart(
                f"سری «{s.name}» {len(s.values)} مقدار دارد و باید {length} مقدار داشته باشد.",
                details={"path": f"series[{i}].values"},
            )
        for j, value in enumerate(s.values):
            if value is not None and as_decimal(value, path=f"series[{i}].values[{j}]") < 0 and not is_signed:
                raise InvalidChart("طول میله نمی‌تواند منفی باشد.", details={"path": f"series[{i}].values[{j}]"})


@dataclass(frozen=True)
class MapPoint:
    """A place drawn as a marker on a map's outlines, e.g. a polling station; ``x``/``y`` in map units."""

    code: str
    name: str
    x: float
    y: float
    note: str = ""  # beside the name in the tooltip and the table, e.g. the address
    href: str | None = None

    def __post_init__(self) -> None:
        _require_label(self.name, f"points[{self.code}].name")
        if not (math.isfinite(self.x) and math.isfinite(self.y)):
            raise InvalidRegion(f"مختصات «{self.code}» عدد نیست.", details={"path": self.code})
        if self.href is not None and not _SAFE_HREF.fullmatch(self.href):
            raise InvalidRegion(f"پیوند «{self.code}» پذیرفته نیست.", details={"path": self.code})


@dataclass(frozen=True)
class LocatorMap:
    """Places as markers on plain outlines (a county's, its neighbours'): where something is, not how much."""

    title: str
    view_box: str
    regions: tuple[MapRegion, ...]  # drawn in one neutral fill; their values are not read
    points: tuple[MapPoint, ...]
    point_noun: str = "مکان"  # what each point is, for the legend and the table's heading
    description: str = ""

    def __post_init__(self) -> None:
        _require_title(self.title)
        if not _VIEW_BOX.fullmatch(self.view_box):
            raise InvalidRegion("viewBox نقشه باید چهار عدد باشد.", details={"path": "view_box"})
        codes = [p.code for p in self.points]
        if len(set(codes)) != len(codes):
            raise InvalidRegion("کد هر نقطه باید یکتا باشد.", details={"path": "points"})
