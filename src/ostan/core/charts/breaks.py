"""Class breaks for a choropleth: quantiles of the data, or thresholds fixed by the caller.

A value ``v`` falls in class ``i`` when ``thresholds[i-1] <= v < thresholds[i]``: each threshold opens the
class above it, which is how the legend reads («از … تا کمتر از …»).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from ostan.core.charts.errors import InvalidBreaks
from ostan.core.charts.values import Number, as_decimal

# More than seven shades of one hue cannot be told apart reliably on a screen or in print
# (ColorBrewer's sequential schemes are rated for legibility up to seven classes on screens).
MAX_CLASSES = 7
DEFAULT_CLASSES = 5
DEFAULT_SIGNIFICANT = 2  # quantile thresholds rounded to two significant digits read as «۱٫۲ میلیون», not «۱٬۲۳۴٬۵۶۷»
METHODS = ("quantile", "fixed")


@dataclass(frozen=True)
class Breaks:
    thresholds: tuple[Decimal, ...]
    method: str = "fixed"

    def __post_init__(self) -> None:
        if self.method not in METHODS:
            raise InvalidBreaks(f"روش رده‌بندی «{self.method}» شناخته نیست.", details={"path": "method"})
        if len(self.thresholds) + 1 > MAX_CLASSES:
            raise InvalidBreaks(
                f"نقشه بیش از {MAX_CLASSES} رده نمی‌پذیرد؛ رنگ‌های بیشتر از هم بازشناختنی نیستند.",
                details={"path": "thresholds", "max_classes": MAX_CLASSES},
            )
        if any(a >= b for a, b in zip(self.thresholds, self.thresholds[1:], strict=False)):
            raise InvalidBreaks("مرزهای رده‌ها باید صعودی و بی‌تکرار باشند.", details={"path": "thresholds"})

    @property
    def classes(self) -> int:
        return len(self.thresholds) + 1

    def class_of(self, value: Number) -> int:
        return bisect_right(self.thresholds, as_decimal(value))


def fixed_breaks(thresholds: Sequence[Number]) -> Breaks:
    """Breaks at the caller's thresholds (for example a policy's bands), checked for order."""
    return Breaks(tuple(as_decimal(t, path=f"thresholds[{i}]") for i, t in enumerate(thresholds)), "fixed")


def quantile_breaks(
    values: Iterable[Number], classes: int = DEFAULT_CLASSES, *, significant: int | None = DEFAULT_SIGNIFICANT
) -> Breaks:
    """Thresholds that share the values out about equally between ``classes`` classes.

    Threshold ``i`` is the value at rank ``⌊i·n/k⌋`` of the sorted data, so with distinct values and no
    rounding every class holds ⌊n/k⌋ or ⌈n/k⌉ of them. Rounded to ``significant`` digits the classes are
    near-equal instead; ties and rounding can merge classes, and a class left empty is always merged away.
    """
    if not 1 <= classes <= MAX_CLASSES:
        raise InvalidBreaks(
            f"شمار رده‌ها باید میان ۱ و {MAX_CLASSES} باشد.", details={"path": "classes", "max_classes": MAX_CLASSES}
        )
    data = sorted(as_decimal(v, path=f"values[{i}]") for i, v in enumerate(values))
    if not data:
        return Breaks((), "quantile")
    n = len(data)
    candidates = [data[(i * n) // classes] for i in range(1, classes)]
    if significant is not None:
        candidates = [round_significant(t, significant) for t in candidates]
    thresholds: list[Decimal] = []
    for t in candidates:
        if data[0] < t <= data[-1] and (not thresholds or t > thresholds[-1]):
            thresholds.append(t)
    return Breaks(tuple(_without_empty_classes(thresholds, data)), "quantile")


def _without_empty_classes(thresholds: list[Decimal], data: list[Decimal]) -> list[Decimal]:
    kept: list[Decimal] = []
    for i, t in enumerate(thresholds):
        upper = thresholds[i + 1] if i + 1 < len(thresholds) else None
        # t opens [t, upper); dropping t merges that class into the one below, which keeps its own values
        if any(t <= v and (upper is None or v < upper) for v in data):
            kept.append(t)
    return kept


def round_significant(value: Decimal, digits: int) -> Decimal:
    """``1429475`` to 2 digits → ``1400000``; halves round up; whole numbers stay whole."""
    if digits < 1:
        raise InvalidBreaks("رقم‌های معنادار باید دست‌کم یکی باشد.", details={"path": "significant"})
    if value == 0:
        return Decimal(0)
    quantum = Decimal(1).scaleb(value.adjusted() - digits + 1)
    rounded = value.quantize(quantum, rounding=ROUND_HALF_UP)
    return Decimal(int(rounded)) if rounded == rounded.to_integral_value() else rounded.normalize()
