"""What a form, the API or a file line gives: a catalogue entry, and a number typed in any digit style.

Every problem is reported in Persian, field by field, before anything is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from ostan.core.network import Aggregation, Direction, PeriodKind
from ostan.core.network.indicators import MIN_SUPPRESSION_THRESHOLD
from ostan.core.text import normalize, normalize_digits

if TYPE_CHECKING:
    from ostan.core.network import Period
    from ostan.indicators.models import Indicator
    from ostan.territory.models import Unit

CODE_PATTERN = re.compile(r"[a-z][a-z0-9_-]{0,59}")
NAME_MAX_LENGTH = 200
VALUE_LIMIT = Decimal(10) ** 14  # the column holds 18 digits, 4 after the point
# Persian and Arabic decimal separators, thousands separators and spaces people type in numbers.
_DECIMAL_POINTS = str.maketrans({"٫": ".", "/": "."})
_THOUSANDS = re.compile(r"[٬,\s\u200c]")


class NotANumber(ValueError):
    """The text is not a number; its message is Persian."""


def parse_number(text: str) -> Decimal:
    """«۱۲٫۵», «١٢,٥٠٠», «12.5» → Decimal; a Persian error for anything else (and for more than 4 decimals)."""
    cleaned = _THOUSANDS.sub("", normalize_digits(str(text)).strip()).translate(_DECIMAL_POINTS)
    if cleaned.startswith("−"):
        cleaned = "-" + cleaned[1:]
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise NotANumber(f"«{text}» عدد نیست.") from None
    if not value.is_finite() or abs(value) >= VALUE_LIMIT:
        raise NotANumber(f"«{text}» بیرون از بازهٔ پذیرفتنی است.")
    if value != value.quantize(Decimal("0.0001")):
        raise NotANumber(f"«{text}» بیش از چهار رقم اعشار دارد.")
    return value


@dataclass(frozen=True)
class IndicatorEntry:
    code: str
    name: str
    unit_of_measure: str
    direction: str
    aggregation: str
    source: str
    definition: str = ""
    frequency: str = PeriodKind.MONTH.value
    numerator: str = ""  # codes, for a ratio
    denominator: str = ""
    factor: Decimal = Decimal(1)
    poor_threshold: Decimal | None = None
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    suppress_below: int | None = None
    is_public: bool = True
    is_active: bool = True


def problems_of(entry: IndicatorEntry) -> dict[str, str]:
    """The entry's own field errors (references to other indicators are checked by the action)."""
    problems: dict[str, str] = {}
    if not CODE_PATTERN.fullmatch(entry.code):
        problems["code"] = "کد شاخص با حرف کوچک لاتین آغاز می‌شود و تا ۶۰ نویسه از حروف کوچک لاتین، رقم، - یا _ دارد."
    if not normalize(entry.name) or len(entry.name) > NAME_MAX_LENGTH:
        problems["name"] = "نام شاخص را (حداکثر ۲۰۰ نویسه) وارد کنید."
    if not entry.unit_of_measure.strip():
        problems["unit_of_measure"] = "واحد سنجش را وارد کنید (مثلاً «نفر» یا «درصد»)."
    if not entry.source.strip():
        problems["source"] = "منبع شاخص را وارد کنید (چه کسی آن را می‌سنجد)."
    if entry.direction not in Direction._value2member_map_:
        problems["direction"] = "جهت مطلوب را برگزینید."
    if entry.aggregation not in Aggregation._value2member_map_:
        problems["aggregation"] = "شیوهٔ تجمیع را برگزینید."
    if entry.frequency not in PeriodKind._value2member_map_:
        problems["frequency"] = "دورهٔ گزارش را برگزینید."
    is_ratio = entry.aggregation == Aggregation.RATIO.value
    if is_ratio and not (entry.numerator and entry.denominator):
        problems["numerator"] = "شاخص نسبی صورت و مخرج لازم دارد."
    if not is_ratio and (entry.numerator or entry.denominator):
        problems["aggregation"] = "صورت و مخرج فقط برای شاخص نسبی است؛ شیوهٔ تجمیع را «نسبت» کنید."
    if is_ratio and entry.numerator and entry.numerator == entry.denominator:
        problems["denominator"] = "صورت و مخرج باید دو شاخص متفاوت باشند."
    if entry.factor <= 0:
        problems["factor"] = "ضریب باید مثبت باشد (۱۰۰ برای درصد، ۱۰۰۰ برای در هزار)."
    if entry.minimum is not None and entry.maximum is not None and entry.minimum > entry.maximum:
        problems["maximum"] = "بیشینه نباید از کمینه کمتر باشد."
    if entry.suppress_below is not None and entry.suppress_below < MIN_SUPPRESSION_THRESHOLD:
        problems["suppress_below"] = "آستانهٔ پنهان‌سازی دست‌کم ۲ است (خالی بگذارید اگر پنهان‌سازی لازم نیست)."
    return problems


VALUE_COLUMNS = {
    "indicator": "indicator", "شاخص": "indicator", "کدشاخص": "indicator",
    "unit": "unit", "واحد": "unit", "کدواحد": "unit",
    "period": "period", "دوره": "period",
    "value": "value", "مقدار": "value",
}  # fmt: skip
VALUE_REQUIRED = frozenset({"indicator", "unit", "period", "value"})


type Key = str | int  # a form field (the indicator's code) or a file line


@dataclass(frozen=True)
class Cell:
    key: Key
    indicator: Indicator
    unit: Unit
    period: Period
    value: Decimal


@dataclass(frozen=True)
class Outlier:
    indicator: str  # Persian name
    unit: str
    period: str  # Persian label
    value: Decimal
    median: float


@dataclass(frozen=True)
class Recorded:
    saved: int
    outliers: tuple[Outlier, ...]
