"""Station minutes (صورتجلسه): form 29 for city councils, form 31 for village councils.

At close the station's figures are built from its own ballots by the counting core (the same
validation and tally as every count), checked for consistency (a problem blocks closing), then
signed and sent up. The signed bytes are the canonical JSON of :func:`minutes_to_json`
(:mod:`ostan.core.polling.canonical`) after the line ``ostan-minutes-v1``; ``minutes_digest`` is the
SHA-256 of the canonical JSON alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import IntEnum

from ostan.core.counting.ballots import BallotForm, BallotTally, tally_ballots
from ostan.core.counting.model import Constituency, Method, is_code
from ostan.core.counting.results import BallotSummary
from ostan.core.polling.canonical import canonical_json, sha256_hex
from ostan.core.polling.devices import format_timestamp, is_document_signature_valid, sign_document
from ostan.core.text import to_persian_digits

MINUTES_CONTEXT = "ostan-minutes-v1"
MINUTES_FORMAT = "ostan.minutes/1"
COUNT_FIELDS = ("checked_in", "ballots_cast", "valid", "partly_valid", "invalid", "blank")


class MinutesForm(IntEnum):
    CITY = 29  # صورتجلسهٔ شعبهٔ اخذ رأی، شوراهای شهر
    VILLAGE = 31  # صورتجلسهٔ شعبهٔ اخذ رأی، شوراهای روستا


def form_for(settlement: str) -> MinutesForm:
    """The minutes form of a settlement: "village" → 31, "city" or "tehran" → 29."""
    return MinutesForm.VILLAGE if settlement == "village" else MinutesForm.CITY


@dataclass(frozen=True)
class Minutes:
    station_code: str
    constituency_id: str
    form: int  # 29 (city) or 31 (village): an int so minutes typed in from paper can be checked
    checked_in: int  # voters the authentication device accepted
    ballots_cast: int
    valid: int
    partly_valid: int
    invalid: int
    blank: int
    votes_per_candidate: Mapping[str, int]  # own votes per candidate code
    votes_per_list: Mapping[str, int]  # list ballots per list code (proportional), else empty
    opened_at: dt.datetime  # aware
    closed_at: dt.datetime  # aware
    # Why ballots were invalid or partly valid (reason code → ballots), as the counting core reports it.
    reasons: Mapping[str, int] = field(default_factory=dict)

    @property
    def counted(self) -> int:
        """Ballots that carry votes."""
        return self.valid + self.partly_valid


@dataclass(frozen=True)
class MinutesProblem:
    code: str
    message: str  # Persian
    field: str = ""


def build_minutes(
    *,
    constituency: Constituency,
    station_code: str,
    form: int,
    checked_in: int,
    ballots: Iterable[Sequence[str]],
    opened_at: dt.datetime,
    closed_at: dt.datetime,
    source: str = "machine",
) -> Minutes:
    """The station's minutes from its ballots (each the codes typed), via the counting core's tally."""
    tally = tally_ballots(BallotForm.for_constituency(constituency, source=source), ballots)
    s = tally.summary
    return Minutes(
        station_code=station_code,
        constituency_id=constituency.id,
        form=int(form),
        checked_in=checked_in,
        ballots_cast=s.total,
        valid=s.valid,
        partly_valid=s.partly_valid,
        invalid=s.invalid,
        blank=s.blank,
        votes_per_candidate=dict(sorted(tally.candidate_votes.items())),
        votes_per_list=dict(sorted(tally.list_votes.items())),
        opened_at=opened_at,
        closed_at=closed_at,
        reasons=dict(sorted(s.reasons.items())),
    )


def minutes_tally(m: Minutes) -> BallotTally:
    """The minutes as a counting-core tally, to merge stations and count a constituency."""
    summary = BallotSummary(m.ballots_cast, m.valid, m.partly_valid, m.invalid, m.blank, dict(m.reasons))
    return BallotTally(summary, dict(m.votes_per_candidate), dict(m.votes_per_list))


def check_minutes(m: Minutes, constituency: Constituency | None = None) -> list[MinutesProblem]:
    """Every inconsistency that must block closing the station, with Persian messages (empty: fine)."""
    problems = _negatives(m)
    if m.form not in (MinutesForm.CITY, MinutesForm.VILLAGE):
        problems.append(MinutesProblem("unknown_form", "شمارهٔ فرم صورتجلسه باید ۲۹ یا ۳۱ باشد.", "form"))
    if m.ballots_cast > m.checked_in:
        text = f"تعداد آرا ({_n(m.ballots_cast)}) از تعداد رأی‌دهندگان احراز هویت‌شده ({_n(m.checked_in)}) بیشتر است."
        problems.append(MinutesProblem("more_ballots_than_check_ins", text, "ballots_cast"))
    if m.valid + m.partly_valid + m.invalid + m.blank != m.ballots_cast:
        text = "جمع آرای صحیح، بخشی‌صحیح، باطل و سفید با تعداد کل آرا برابر نیست."
        problems.append(MinutesProblem("statuses_do_not_add_up", text, "ballots_cast"))
    if not all(is_code(code) for code in (*m.votes_per_candidate, *m.votes_per_list)):
        problems.append(MinutesProblem("bad_code", "هر کد نامزد یا فهرست باید فقط از رقم تشکیل شده باشد.", "votes"))
    if m.closed_at < m.opened_at:
        problems.append(MinutesProblem("closed_before_opened", "زمان بستن شعبه پیش از زمان گشایش است.", "closed_at"))
    problems += _vote_problems(m, constituency.seats if constituency else None)
    if constituency is not None:
        problems += _constituency_problems(m, constituency)
    return problems


def _n(value: object) -> str:
    return to_persian_digits(value)


def _negatives(m: Minutes) -> list[MinutesProblem]:
    values = [(name, getattr(m, name)) for name in COUNT_FIELDS]
    values += [(f"votes_per_candidate.{c}", v) for c, v in m.votes_per_candidate.items()]
    values += [(f"votes_per_list.{c}", v) for c, v in m.votes_per_list.items()]
    values += [(f"reasons.{c}", v) for c, v in m.reasons.items()]
    return [MinutesProblem("negative_number", f"عدد «{name}» منفی است.", name) for name, value in values if value < 0]


def _vote_problems(m: Minutes, seats: int | None) -> list[MinutesProblem]:
    problems = []
    list_ballots = sum(m.votes_per_list.values())
    candidate_ballots = m.counted - list_ballots
    votes = sum(m.votes_per_candidate.values())
    if list_ballots > m.counted:
        text = "آرای فهرست‌ها از تعداد آرای صحیح بیشتر است."
        problems.append(MinutesProblem("list_votes_exceed_ballots", text, "votes_per_list"))
    for code, value in m.votes_per_candidate.items():
        if value > candidate_ballots:
            text = f"آرای نامزد {_n(code)} از تعداد برگه‌هایی که نام نامزد دارند بیشتر است."
            problems.append(MinutesProblem("candidate_over_ballots", text, f"votes_per_candidate.{code}"))
    if seats is not None and votes > max(candidate_ballots, 0) * seats:
        text = f"جمع آرای نامزدها از {_n(seats)} برابر برگه‌های صحیح بیشتر است."
        problems.append(MinutesProblem("votes_exceed_ballots", text, "votes_per_candidate"))
    if candidate_ballots > 0 and votes < candidate_ballots:
        text = "جمع آرای نامزدها از تعداد برگه‌های صحیح کمتر است؛ هر برگهٔ صحیح دست‌کم یک رأی دارد."
        problems.append(MinutesProblem("votes_below_ballots", text, "votes_per_candidate"))
    return problems


def _constituency_problems(m: Minutes, c: Constituency) -> list[MinutesProblem]:
    problems = []
    if m.constituency_id != c.id:
        problems.append(MinutesProblem("wrong_constituency", "صورتجلسه برای حوزهٔ دیگری است.", "constituency_id"))
    known = {cand.code for cand in c.candidates}
    lists = {pl.code for pl in c.lists} if c.method is Method.PROPORTIONAL else set()
    for code in sorted(set(m.votes_per_candidate) - known):
        problems.append(MinutesProblem("unknown_code", f"نامزدی با کد {_n(code)} در این حوزه نیست.", code))
    for code in sorted(set(m.votes_per_list) - lists):
        problems.append(MinutesProblem("unknown_code", f"فهرستی با کد {_n(code)} در این حوزه نیست.", code))
    return problems


def minutes_to_json(m: Minutes) -> dict[str, object]:
    """The documented JSON form (``ostan.minutes/1``); times in UTC to the second."""
    return {
        "format": MINUTES_FORMAT,
        "station_code": m.station_code,
        "constituency_id": m.constituency_id,
        "form": m.form,
        **{name: getattr(m, name) for name in COUNT_FIELDS},
        "votes_per_candidate": dict(sorted(m.votes_per_candidate.items())),
        "votes_per_list": dict(sorted(m.votes_per_list.items())),
        "opened_at": format_timestamp(m.opened_at),
        "closed_at": format_timestamp(m.closed_at),
        "reasons": dict(sorted(m.reasons.items())),
    }


def minutes_bytes(m: Minutes) -> bytes:
    return canonical_json(minutes_to_json(m))


def minutes_digest(m: Minutes) -> str:
    """SHA-256 (hex) of the canonical JSON of the minutes."""
    return sha256_hex(minutes_bytes(m))


def sign_minutes(private_key: bytes, m: Minutes) -> bytes:
    return sign_document(private_key, MINUTES_CONTEXT, minutes_bytes(m))


def is_minutes_signature_valid(public_key: bytes, m: Minutes, signature: bytes) -> bool:
    return is_document_signature_valid(public_key, MINUTES_CONTEXT, minutes_bytes(m), signature)
