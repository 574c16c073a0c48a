"""How many members and alternates a council has, from the latest census population.

The table is data: «قانون تشکیلات، وظایف و انتخابات شوراهای اسلامی کشور» (as amended 1404), seats by
population. Band edges are read as "up to and including" (the sources do not say); a population the
table cannot place raises rather than guesses.
"""

from __future__ import annotations

from dataclasses import dataclass

from ostan.core.counting.errors import InvalidConstituency, InvalidSettlement, OverrideReasonMissing, PopulationUnknown
from ostan.core.text import normalize

__all__ = [
    "SEAT_TABLE",
    "CouncilSize",
    "InvalidSettlement",
    "OverrideReasonMissing",
    "PopulationUnknown",
    "council_size",
    "override_council_size",
]


@dataclass(frozen=True)
class CouncilSize:
    members: int
    alternates: int
    override_reason: str | None = None  # set only by override_council_size


SETTLEMENTS = ("village", "city", "tehran")

# Council law, seats by population: (largest population of the band, inclusive, or None = no limit, size).
SEAT_TABLE: dict[str, tuple[tuple[int | None, CouncilSize], ...]] = {
    "village": (
        (1_500, CouncilSize(3, 2)),
        (None, CouncilSize(5, 3)),
    ),
    "city": (
        (50_000, CouncilSize(5, 3)),
        (200_000, CouncilSize(7, 5)),
        (500_000, CouncilSize(9, 6)),
        (1_000_000, CouncilSize(11, 7)),
        (2_000_000, CouncilSize(13, 8)),
        (None, CouncilSize(15, 10)),
    ),
    # Council law: the Tehran constituency (Tehran, Rey, Tajrish) has a fixed size, whatever its population.
    "tehran": ((None, CouncilSize(21, 11)),),
}


def council_size(settlement: str, population: int | None) -> CouncilSize:
    """Members and alternates for a ``settlement`` ("village" | "city" | "tehran") of ``population``.

    Tehran's size is fixed by the law, so its population may be None; everywhere else None raises
    :class:`PopulationUnknown`.
    """
    bands = SEAT_TABLE.get(settlement)
    if bands is None:
        raise InvalidSettlement(
            f"نوع سکونتگاه «{settlement}» شناخته نیست؛ یکی از village، city یا tehran را بنویسید.",
            details={"settlement": settlement},
        )
    if settlement == "tehran":
        return bands[0][1]
    if population is None:
        raise PopulationUnknown(
            "جمعیت این سکونتگاه در آخرین سرشماری ثبت نشده است؛ بدون آن تعداد اعضای شورا تعیین نمی‌شود.",
            details={"settlement": settlement},
        )
    if population < 0:
        raise PopulationUnknown("جمعیت نمی‌تواند منفی باشد.", details={"population": population})
    for upper, size in bands:
        if upper is None or population <= upper:
            return size
    raise AssertionError("the last band of every settlement is open-ended")  # pragma: no cover


def override_council_size(members: int, alternates: int, *, reason: str) -> CouncilSize:
    """A size set by a decision outside the table; the reason is kept with it and must not be empty."""
    cleaned = normalize(reason)
    if not cleaned:
        raise OverrideReasonMissing("برای تغییر تعداد اعضای شورا نسبت به جدول قانون، دلیل آن را بنویسید.")
    if members < 1 or alternates < 0:
        raise InvalidConstituency("تعداد اعضا باید مثبت و تعداد علی‌البدل‌ها نامنفی باشد.")
    return CouncilSize(members, alternates, override_reason=cleaned)
