"""Ballot validation and tallying: every ballot ends valid, partly valid, invalid or blank, with reasons.

Rules (Art. 17; Art. 20 مکرر 3 for proportional constituencies):

- A ballot names up to N candidate codes (N = seats). ``[]`` is a blank ballot.
- Proportional: a ballot holds one list code, or up to N candidate codes. If it holds a list code with
  other codes, only the first list code counts; later list codes and every other code are ignored
  (partly valid, reasons ``several_lists`` / ``list_and_candidates``). This is the law's own rule, so it
  applies to machine and paper ballots alike.
- Unknown, repeated or excess candidate codes: the voting device refuses such a ballot, so one that
  still reaches the count from a device (``source="machine"``) is invalid. Imported paper records follow
  ``CountingRules.imported_invalid_policy``: "partial" keeps the distinct known codes in the order
  written, up to N (partly valid; invalid if none remain), "reject" voids the ballot.

Codes are normalised first (Persian/Arabic digits → ASCII, surrounding spaces removed).
The tally is built for speed: identical ballots are counted once, and a ballot of distinct known codes
within the limit takes a fast path that never builds a per-ballot object.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain

from ostan.core.counting.model import Constituency, Method
from ostan.core.counting.results import BallotSummary
from ostan.core.text import normalize_digits

SOURCES = ("machine", "imported")
UNKNOWN_CODE = "unknown_code"
REPEATED_CODE = "repeated_code"
TOO_MANY_CODES = "too_many_codes"
LIST_AND_CANDIDATES = "list_and_candidates"
SEVERAL_LISTS = "several_lists"
REASONS = (UNKNOWN_CODE, REPEATED_CODE, TOO_MANY_CODES, LIST_AND_CANDIDATES, SEVERAL_LISTS)


def normalize_code(raw: str) -> str:
    return normalize_digits(raw).strip()


@dataclass(frozen=True)
class BallotVerdict:
    status: str  # "valid" | "partly_valid" | "invalid" | "blank"
    reasons: tuple[str, ...] = ()
    candidate_codes: tuple[str, ...] = ()  # the codes that count
    list_code: str | None = None  # the list that counts (proportional)


BLANK = BallotVerdict("blank")


@dataclass(frozen=True)
class BallotForm:
    """What a valid ballot of one constituency looks like, and how a faulty one is treated."""

    seats: int
    candidate_codes: frozenset[str]
    list_codes: frozenset[str] = frozenset()
    source: str = "machine"
    imported_invalid_policy: str = "partial"

    @classmethod
    def for_constituency(cls, constituency: Constituency, *, source: str = "machine") -> BallotForm:
        if source not in SOURCES:
            raise ValueError(f"unknown ballot source {source!r}")
        lists = constituency.lists if constituency.method is Method.PROPORTIONAL else ()
        return cls(
            seats=constituency.seats,
            candidate_codes=frozenset(c.code for c in constituency.candidates),
            list_codes=frozenset(pl.code for pl in lists),
            source=source,
            imported_invalid_policy=constituency.rules.imported_invalid_policy,
        )

    def judge(self, codes: Sequence[str]) -> BallotVerdict:
        """The verdict on one ballot (the slow, fully explained path)."""
        if not codes:
            return BLANK
        written = [normalize_code(code) for code in codes]
        lists = [code for code in written if code in self.list_codes]
        if lists:
            return self._judge_list_ballot(written, lists)
        reasons: set[str] = set()
        kept: list[str] = []
        for code in written:
            if code not in self.candidate_codes:
                reasons.add(UNKNOWN_CODE)
            elif code in kept:
                reasons.add(REPEATED_CODE)
            else:
                kept.append(code)
        if len(written) > self.seats:
            reasons.add(TOO_MANY_CODES)
        ordered = tuple(r for r in REASONS if r in reasons)
        if not reasons:
            return BallotVerdict("valid", (), tuple(kept))
        if self.source == "machine" or self.imported_invalid_policy == "reject" or not kept:
            return BallotVerdict("invalid", ordered)
        return BallotVerdict("partly_valid", ordered, tuple(kept[: self.seats]))

    def _judge_list_ballot(self, written: list[str], lists: list[str]) -> BallotVerdict:
        reasons = []
        if len(lists) > 1:
            reasons.append(SEVERAL_LISTS)
        if len(written) > len(lists):
            reasons.append(LIST_AND_CANDIDATES)
        status = "partly_valid" if reasons else "valid"
        return BallotVerdict(status, tuple(r for r in REASONS if r in reasons), (), lists[0])


@dataclass(frozen=True)
class BallotTally:
    """Ballot totals and votes: what a count needs, and what stations' results add up to."""

    summary: BallotSummary
    candidate_votes: Mapping[str, int] = field(default_factory=dict)  # own votes per candidate code
    list_votes: Mapping[str, int] = field(default_factory=dict)  # list ballots per list code


def tally_ballots(form: BallotForm, ballots: Iterable[Sequence[str]]) -> BallotTally:
    """Validate and add up ``ballots``; the order of ballots never matters."""
    distinct = Counter(map(tuple, ballots))
    fast_single: list[tuple[str, ...]] = []
    fast_weighted: list[tuple[tuple[str, ...], int]] = []
    slow: list[tuple[tuple[str, ...], int]] = []
    blank = 0
    known, seats = form.candidate_codes, form.seats
    for ballot, weight in distinct.items():
        size = len(ballot)
        if 0 < size <= seats and known.issuperset(ballot) and (size == 1 or len(set(ballot)) == size):
            if weight == 1:
                fast_single.append(ballot)
            else:
                fast_weighted.append((ballot, weight))
        elif size == 0:
            blank += weight
        else:
            slow.append((ballot, weight))
    votes: Counter[str] = Counter(chain.from_iterable(fast_single))
    for ballot, weight in fast_weighted:
        for code in ballot:
            votes[code] += weight
    counts = Counter(valid=len(fast_single) + sum(w for _, w in fast_weighted), blank=blank)
    return _add_slow(form, slow, votes, counts)


def _add_slow(
    form: BallotForm,
    slow: list[tuple[tuple[str, ...], int]],
    votes: Counter[str],
    counts: Counter[str],
) -> BallotTally:
    reasons: Counter[str] = Counter()
    list_votes: Counter[str] = Counter()
    for ballot, weight in slow:
        verdict = form.judge(ballot)
        counts[verdict.status] += weight
        for reason in verdict.reasons:
            reasons[reason] += weight
        for code in verdict.candidate_codes:
            votes[code] += weight
        if verdict.list_code is not None:
            list_votes[verdict.list_code] += weight
    summary = BallotSummary(
        total=sum(counts.values()),
        valid=counts["valid"],
        partly_valid=counts["partly_valid"],
        invalid=counts["invalid"],
        blank=counts["blank"],
        reasons={r: reasons[r] for r in REASONS if reasons[r]},
    )
    return BallotTally(summary, dict(votes), dict(list_votes))


def merge_tallies(tallies: Iterable[BallotTally]) -> BallotTally:
    """Add up several tallies (for example, one per polling station) into one."""
    counts: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    votes: Counter[str] = Counter()
    list_votes: Counter[str] = Counter()
    for t in tallies:
        s = t.summary
        counts.update(valid=s.valid, partly_valid=s.partly_valid, invalid=s.invalid, blank=s.blank)
        reasons.update(s.reasons)
        votes.update(t.candidate_votes)
        list_votes.update(t.list_votes)
    summary = BallotSummary(
        total=sum(counts.values()),
        valid=counts["valid"],
        partly_valid=counts["partly_valid"],
        invalid=counts["invalid"],
        blank=counts["blank"],
        reasons={r: reasons[r] for r in sorted(reasons) if reasons[r]},
    )
    return BallotTally(summary, dict(votes), dict(list_votes))
