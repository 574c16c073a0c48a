"""The guided election day: where each station and constituency stands, and what comes next.

Officials are walked through the day as VxSuite walks its officials: polls open → check-ins and voting
→ close (confirmed) → minutes signed by the voting device → confirmed by the station's members → the
station published on the board → when every station of a constituency is in, aggregated → published.
One entry point per thing: :func:`station_stage` and :func:`constituency_stage`; each stage names the
next step in Persian and the step's machine key (the page shows its button to whoever may take it).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class StationStage(enum.StrEnum):
    NOT_OPENED = "not_opened"
    OPEN = "open"
    CLOSED = "closed"
    SIGNED = "signed"
    CONFIRMED = "confirmed"
    PUBLISHED = "published"


class ConstituencyStage(enum.StrEnum):
    WAITING = "waiting"  # stations in N of M
    READY = "ready"  # every station in: aggregate
    AGGREGATED = "aggregated"
    PUBLISHED = "published"


class Step(enum.StrEnum):
    """The next action's key: what the page offers a button for."""

    NONE = ""
    CLOSE = "close"
    SIGN = "sign"
    CONFIRM = "confirm"
    PUBLISH_STATION = "publish_station"
    AGGREGATE = "aggregate"
    PUBLISH_RESULT = "publish_result"


STATION_LABELS = {
    StationStage.NOT_OPENED: "هنوز گشوده نشده",
    StationStage.OPEN: "باز",
    StationStage.CLOSED: "بسته",
    StationStage.SIGNED: "صورتجلسه امضاشده",
    StationStage.CONFIRMED: "صورتجلسه تأییدشده",
    StationStage.PUBLISHED: "منتشرشده",
}
CONSTITUENCY_LABELS = {
    ConstituencyStage.WAITING: "در انتظار شعبه‌ها",
    ConstituencyStage.READY: "آمادهٔ تجمیع",
    ConstituencyStage.AGGREGATED: "تجمیع‌شده",
    ConstituencyStage.PUBLISHED: "نتیجه اعلام شد",
}


@dataclass(frozen=True)
class StationFacts:
    is_scheduled_open: bool  # the round's schedule has begun (or sets no opening)
    is_closed: bool
    minutes: int  # minutes stored at close, one per constituency served
    signed: int  # of them, signed by the voting device
    confirmed: int  # of them, confirmed by at least one station member
    is_published: bool

    def __post_init__(self) -> None:
        if not 0 <= self.confirmed <= self.signed <= self.minutes:
            raise ValueError("confirmed ≤ signed ≤ minutes")


@dataclass(frozen=True)
class Next:
    stage: str
    label: str
    step: Step
    advice: str  # what comes next, in Persian


STATION_ADVICE = {
    StationStage.PUBLISHED: "صورتجلسه و برگه‌های شعبه روی تابلوی اعلانات است.",
    StationStage.NOT_OPENED: "رأی‌گیری هنوز آغاز نشده است؛ در ساعت آغاز برنامه، شعبه رأی‌دهنده می‌پذیرد.",
    StationStage.OPEN: "رأی‌گیری جریان دارد؛ در پایان زمان رأی‌گیری، اعضای شعبه آن را می‌بندند و صورتجلسه تهیه می‌شود.",
    StationStage.CLOSED: "صورتجلسه را روی دستگاه رأی‌گیری شعبه، در صفحهٔ شعبه، با کلید همان دستگاه امضا کنید.",
    StationStage.SIGNED: "اعضای شعبه صورتجلسهٔ امضاشده را در صفحهٔ شعبه تأیید کنند.",
    StationStage.CONFIRMED: "مسئول انتخابات حوزه یا شهرستان، صورتجلسه و برگه‌های شعبه را روی تابلو منتشر کند.",
}
STATION_STEPS = {
    StationStage.PUBLISHED: Step.NONE,
    StationStage.NOT_OPENED: Step.NONE,
    StationStage.OPEN: Step.CLOSE,
    StationStage.CLOSED: Step.SIGN,
    StationStage.SIGNED: Step.CONFIRM,
    StationStage.CONFIRMED: Step.PUBLISH_STATION,
}


def _station(facts: StationFacts) -> StationStage:
    if facts.is_published:
        return StationStage.PUBLISHED
    if not facts.is_closed:
        return StationStage.OPEN if facts.is_scheduled_open else StationStage.NOT_OPENED
    if facts.minutes == 0 or facts.signed < facts.minutes:
        return StationStage.CLOSED
    return StationStage.SIGNED if facts.confirmed < facts.minutes else StationStage.CONFIRMED


def station_stage(facts: StationFacts) -> Next:
    """Where the station stands, and its next step."""
    s = _station(facts)
    return Next(s, STATION_LABELS[s], STATION_STEPS[s], STATION_ADVICE[s])


@dataclass(frozen=True)
class ConstituencyFacts:
    stations: int
    published_stations: int
    is_aggregated: bool
    is_published: bool

    def __post_init__(self) -> None:
        if not 0 <= self.published_stations <= self.stations:
            raise ValueError("published stations ≤ stations")


def constituency_stage(facts: ConstituencyFacts) -> Next:
    if facts.is_published:
        s = ConstituencyStage.PUBLISHED
        return Next(s, CONSTITUENCY_LABELS[s], Step.NONE, "نتیجهٔ حوزه روی تابلوی اعلانات و در صفحهٔ نتایج است.")
    if facts.is_aggregated:
        s = ConstituencyStage.AGGREGATED
        return Next(s, CONSTITUENCY_LABELS[s], Step.PUBLISH_RESULT, "نتیجهٔ تجمیع‌شده را روی تابلوی اعلانات اعلام کنید.")
    missing = facts.stations - facts.published_stations
    if facts.stations == 0 or missing:
        s = ConstituencyStage.WAITING
        advice = "هنوز شعبه‌ای برای این حوزه تعریف نشده است." if facts.stations == 0 else (
            f"{missing} شعبه از {facts.stations} شعبه هنوز منتشر نشده است؛ پس از انتشار همه، حوزه تجمیع می‌شود."
        )  # fmt: skip
        return Next(s, CONSTITUENCY_LABELS[s], Step.NONE, advice)
    s = ConstituencyStage.READY
    return Next(s, CONSTITUENCY_LABELS[s], Step.AGGREGATE,
                "همهٔ شعبه‌ها منتشر شده‌اند؛ آرای حوزه را تجمیع کنید (با بازشماری همهٔ برگه‌ها سنجیده می‌شود).")  # fmt: skip
