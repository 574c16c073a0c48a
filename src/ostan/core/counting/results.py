"""What a count returns, and its documented JSON form (``ostan count --json``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction

from ostan.core.counting.model import Method

STATUSES = ("member", "alternate", "not_elected")
BALLOT_STATUSES = ("valid", "partly_valid", "invalid", "blank")


@dataclass(frozen=True)
class BallotSummary:
    total: int
    valid: int
    partly_valid: int
    invalid: int
    blank: int
    reasons: Mapping[str, int] = field(default_factory=dict)  # reason code -> number of ballots

    @property
    def counted(self) -> int:
        """Ballots that carry votes: valid and partly valid."""
        return self.valid + self.partly_valid

    def to_json(self) -> dict[str, object]:
        return {
            "total": self.total,
            "valid": self.valid,
            "partly_valid": self.partly_valid,
            "invalid": self.invalid,
            "blank": self.blank,
            "reasons": dict(sorted(self.reasons.items())),
        }


@dataclass(frozen=True)
class CandidateResult:
    code: str
    name: str
    list_code: str | None
    own_votes: int  # ballots naming the candidate
    list_votes: int  # votes through the list code (proportional), else 0
    votes: int  # own_votes + list_votes
    rank: int  # 1-based final order
    status: str  # "member" | "alternate" | "not_elected"

    def to_json(self) -> dict[str, object]:
        return {
            "code": self.code,
            "name": self.name,
            "list_code": self.list_code,
            "own_votes": self.own_votes,
            "list_votes": self.list_votes,
            "votes": self.votes,
            "rank": self.rank,
            "status": self.status,
        }


@dataclass(frozen=True)
class ListResult:
    """One list, or the independents' pool (code "" and name «منفردها»)."""

    code: str
    name: str
    total: int
    share: Fraction  # total ÷ the denominator of the rules
    quota: Fraction  # the seats this block's total is worth: total × seats ÷ the allocation base
    integer_seats: int  # floor(quota)
    remainder: Fraction  # quota − integer_seats
    remainder_seat: bool  # won a seat in the largest-remainder stage
    seats: int
    alternates: int
    members: tuple[str, ...]
    alternate_codes: tuple[str, ...]
    candidate_count: int = 0
    is_below_threshold: bool = False
    remainder_seats: int = 0  # seats won in the largest-remainder stage (more than one only for short lists)

    def to_json(self) -> dict[str, object]:
        return {
            "code": self.code,
            "name": self.name,
            "total": self.total,
            "share": fraction_json(self.share),
            "quota": fraction_json(self.quota),
            "integer_seats": self.integer_seats,
            "remainder": fraction_json(self.remainder),
            "remainder_seat": self.remainder_seat,
            "seats": self.seats,
            "alternates": self.alternates,
            "members": list(self.members),
            "alternate_codes": list(self.alternate_codes),
            "candidate_count": self.candidate_count,
            "is_below_threshold": self.is_below_threshold,
            "remainder_seats": self.remainder_seats,
        }


@dataclass(frozen=True)
class TieBreak:
    candidates: tuple[str, ...]  # the tied codes (candidates, or lists when kind == "lists")
    decided_by: str  # "veteran_priority" | "education" | "lot" | "larger_total" (lists only)
    order: tuple[str, ...]
    lot_input: str | None  # the exact strings hashed for the lot, one per line, in the lot's order
    kind: str = "candidates"  # or "lists" (equal remainders)

    def to_json(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "candidates": list(self.candidates),
            "decided_by": self.decided_by,
            "order": list(self.order),
            "lot_input": self.lot_input,
        }


@dataclass(frozen=True)
class CountResult:
    constituency_id: str
    method: Method
    seats: int
    members: tuple[str, ...]  # candidate codes, in order
    alternates: tuple[str, ...]
    candidates: tuple[CandidateResult, ...]  # sorted by rank
    lists: tuple[ListResult, ...]  # empty for plurality
    ballots: BallotSummary
    tie_breaks: tuple[TieBreak, ...]
    explanation: tuple[str, ...]  # Persian sentences, step by step
    lot_seed: str = ""
    vacant_seats: int = 0  # seats nobody could take (short lists under the "vacant" rule)

    def to_json(self) -> dict[str, object]:
        return {
            "format": "ostan.count/1",
            "constituency_id": self.constituency_id,
            "method": self.method.value,
            "seats": self.seats,
            "vacant_seats": self.vacant_seats,
            "lot_seed": self.lot_seed,
            "members": list(self.members),
            "alternates": list(self.alternates),
            "candidates": [c.to_json() for c in self.candidates],
            "lists": [pl.to_json() for pl in self.lists],
            "ballots": self.ballots.to_json(),
            "tie_breaks": [t.to_json() for t in self.tie_breaks],
            "explanation": list(self.explanation),
        }


def fraction_json(value: Fraction) -> dict[str, object]:
    """An exact fraction (``"p/q"``) and a rounded decimal for reading (six places, half up)."""
    return {"exact": f"{value.numerator}/{value.denominator}", "decimal": decimal_text(value, 6)}


def decimal_text(value: Fraction, places: int) -> str:
    scaled = value * 10**places
    rounded = int(scaled + Fraction(1, 2)) if scaled >= 0 else -int(-scaled + Fraction(1, 2))
    sign = "-" if rounded < 0 else ""
    digits = str(abs(rounded)).rjust(places + 1, "0")
    return f"{sign}{digits[:-places]}.{digits[-places:]}" if places else f"{sign}{digits}"
