"""Nice axis ticks: steps of 1, 2 or 5 times a power of ten, covering the data with few intervals."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from ostan.core.charts.errors import InvalidChart
from ostan.core.charts.values import Number, as_decimal, decimals_of

NICE_MULTIPLES = (1, 2, 5)  # the steps people read without effort (Heckbert, "Nice numbers for graph labels")
DEFAULT_MAX_INTERVALS = 5


@dataclass(frozen=True)
class Scale:
    """Ticks from ``low`` to ``high`` in equal ``step`` s; the axis runs exactly over them."""

    ticks: tuple[Decimal, ...]
    step: Decimal

    @property
    def low(self) -> Decimal:
        return self.ticks[0]

    @property
    def high(self) -> Decimal:
        return self.ticks[-1]

    @property
    def decimals(self) -> int:
        return decimals_of(self.step)

    def position(self, value: Number) -> float:
        """Where ``value`` lies on the axis, 0 at ``low`` and 1 at ``high``."""
        return float((as_decimal(value) - self.low) / (self.high - self.low))


def nice_scale(low: Number, high: Number, *, max_intervals: int = DEFAULT_MAX_INTERVALS) -> Scale:
    """The smallest nice step whose ticks cover ``[low, high]`` in at most ``max_intervals`` intervals.

    A span of zero is widened to reach zero (or to 0..1 when everything is zero), so a single value or a
    series of equal values still gets an axis.
    """
    if max_intervals < 2:
        raise InvalidChart("محور نمودار دست‌کم دو بازه می‌خواهد.", details={"path": "max_intervals"})
    lo, hi = as_decimal(low, path="low"), as_decimal(high, path="high")
    if lo > hi:
        raise InvalidChart("کران پایین محور از کران بالا بزرگ‌تر است.", details={"path": "low"})
    if lo == hi:
        lo, hi = min(lo, Decimal(0)), max(hi, Decimal(0))
        if lo == hi:
            hi = Decimal(1)
    raw = (hi - lo) / max_intervals
    exponent = raw.adjusted()
    while True:
        for multiple in NICE_MULTIPLES:
            step = Decimal(multiple).scaleb(exponent)
            first = (lo / step).to_integral_value(rounding=ROUND_FLOOR)
            last = (hi / step).to_integral_value(rounding=ROUND_CEILING)
            if last - first <= max_intervals:
                return Scale(tuple((first + i) * step for i in range(int(last - first) + 1)), step)
        exponent += 1
