"""What a council count works on: the constituency, its candidates and lists, and the counting rules.

Law: «قانون تشکیلات، وظایف و انتخابات شوراهای اسلامی کشور» (Art. 17 for block plurality, Art. 20 مکرر 3–5
for the proportional method). Every point the published sources leave open is a named field of
:class:`CountingRules` with the default the election rules document gives, so a change of reading is a
change of data, never of code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import IntEnum, StrEnum

from ostan.core.counting.errors import InvalidConstituency, InvalidRules


class Method(StrEnum):
    PLURALITY = "plurality"  # block plurality, Art. 17 (ordinary city/village councils)
    PROPORTIONAL = "proportional"  # list proportional, Art. 20 مکرر 3–5 (Tehran; later any city > 500,000)


class Education(IntEnum):
    """Degrees in the order the Art. 17 note ranks them in a tie (higher wins)."""

    NONE = 0
    BELOW_DIPLOMA = 1
    DIPLOMA = 2
    ASSOCIATE = 3
    BACHELOR = 4
    MASTER = 5
    DOCTORATE = 6


@dataclass(frozen=True)
class Candidate:
    code: str  # the candidate code voters type (ASCII digits)
    name: str
    list_code: str | None = None  # None = independent (proportional only)
    is_veteran: bool = False  # ایثارگر: first step of the Art. 17 tie-break
    education: Education = Education.NONE


@dataclass(frozen=True)
class PartyList:
    code: str
    name: str


# The options of each rule, named once so files, docs and checks agree.
SHARE_DENOMINATORS = ("candidate_votes", "valid_ballots")
ALTERNATE_ROUNDINGS = ("half_up", "down", "up")
IMPORTED_INVALID_POLICIES = ("partial", "reject")
SHORT_LIST_POLICIES = ("reallocate", "vacant")
REMAINDER_TIE_BREAKS = ("larger_total_then_lot", "lot")


@dataclass(frozen=True)
class CountingRules:
    """Every point the law leaves unconfirmed, with the default of the election rules document."""

    # Art. 20 مکرر 4: a list's share is its total ÷ this (unconfirmed; "valid_ballots" is the literal reading).
    share_denominator: str = "candidate_votes"
    # Art. 20 مکرر 5: alternates per list = 52% of its elected members, rounded (rounding unconfirmed).
    alternate_ratio_percent: int = 52
    alternate_rounding: str = "half_up"
    # No threshold was found in the law; a percentage of the denominator turns one on.
    threshold_percent: Decimal | None = None
    # Paper records with unknown, repeated or excess codes: keep the valid codes, or void the ballot.
    imported_invalid_policy: str = "partial"
    # A list entitled to more seats than it has members: surplus seats continue the largest-remainder
    # order over the other lists ("reallocate"), or stay empty ("vacant").
    short_list_policy: str = "reallocate"
    # Equal remainders between lists (Art. 17 speaks of candidates, not lists): larger total, then a lot.
    remainder_tie_break: str = "larger_total_then_lot"

    def __post_init__(self) -> None:
        _require_option("share_denominator", self.share_denominator, SHARE_DENOMINATORS)
        _require_option("alternate_rounding", self.alternate_rounding, ALTERNATE_ROUNDINGS)
        _require_option("imported_invalid_policy", self.imported_invalid_policy, IMPORTED_INVALID_POLICIES)
        _require_option("short_list_policy", self.short_list_policy, SHORT_LIST_POLICIES)
        _require_option("remainder_tie_break", self.remainder_tie_break, REMAINDER_TIE_BREAKS)
        if not 0 <= self.alternate_ratio_percent <= 100:
            raise InvalidRules("درصد علی‌البدل‌ها باید میان ۰ و ۱۰۰ باشد.", details={"path": "alternate_ratio_percent"})
        if self.threshold_percent is not None and not 0 <= self.threshold_percent <= 100:
            raise InvalidRules("حد نصاب فهرست باید میان ۰ و ۱۰۰ درصد باشد.", details={"path": "threshold_percent"})


def _require_option(name: str, value: str, options: tuple[str, ...]) -> None:
    if value not in options:
        raise InvalidRules(
            f"مقدار «{value}» برای قاعدهٔ {name} پذیرفته نیست؛ یکی از {'، '.join(options)} را بنویسید.",
            details={"path": name, "options": list(options)},
        )


@dataclass(frozen=True)
class Constituency:
    id: str
    name: str
    method: Method
    seats: int
    alternates: int  # plurality: number of alternates; proportional: derived per list by the rules
    candidates: tuple[Candidate, ...]
    lists: tuple[PartyList, ...] = ()
    lot_seed: str = ""  # fixed and published after the count; drives every verifiable lot
    rules: CountingRules = field(default_factory=CountingRules)

    def __post_init__(self) -> None:
        check_constituency(self)


def is_code(text: str) -> bool:
    """A candidate or list code: one or more ASCII digits, nothing else."""
    return text.isascii() and text.isdigit()


def check_constituency(c: Constituency) -> None:
    """Refuse a constituency the count could not honestly run on (typed error, Persian message)."""
    if c.seats < 1 or c.alternates < 0:
        raise InvalidConstituency("تعداد کرسی‌ها باید مثبت و تعداد علی‌البدل‌ها نامنفی باشد.", details={"path": "seats"})
    seen: set[str] = set()
    for path, code in _codes(c):
        if not is_code(code):
            raise InvalidConstituency(f"کد «{code}» باید فقط از رقم تشکیل شده باشد.", details={"path": path})
        if code in seen:
            raise InvalidConstituency(f"کد «{code}» بیش از یک بار آمده است.", details={"path": path})
        seen.add(code)
    list_codes = {pl.code for pl in c.lists}
    for i, cand in enumerate(c.candidates):
        if cand.list_code is None:
            continue
        if c.method is Method.PLURALITY:
            raise InvalidConstituency("در شمارش اکثریتی نامزد فهرست ندارد.", details={"path": f"candidates[{i}].list"})
        if cand.list_code not in list_codes:
            raise InvalidConstituency(
                f"فهرست «{cand.list_code}» در این حوزه تعریف نشده است.", details={"path": f"candidates[{i}].list"}
            )
    if c.method is Method.PLURALITY and c.lists:
        raise InvalidConstituency("حوزهٔ اکثریتی فهرست ندارد.", details={"path": "lists"})


def _codes(c: Constituency) -> list[tuple[str, str]]:
    codes = [(f"candidates[{i}].code", cand.code) for i, cand in enumerate(c.candidates)]
    return codes + [(f"lists[{i}].code", pl.code) for i, pl in enumerate(c.lists)]
