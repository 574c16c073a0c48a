"""The public verifier: recompute every published total from the published ballots, and compare.

Given the constituencies, the bulletin chain, the documents published beside it (minutes, ballots,
results) and the public keys of the stations, :func:`verify` checks that

1. the chain is intact (and signed, and ends at the announced head, when those are given);
2. every published document is, byte for byte, the payload of a chain entry of its kind;
3. every minutes document carries a valid signature of its station's key and is self-consistent;
4. every station's minutes equal a recount of that station's published ballots, and its ballots do
   not outnumber its check-ins; each ballot's receipt code derives from its id, ids are unique;
5. every constituency's published result equals a count of all its stations' ballots.

A station may serve more than one constituency (a city council and a village council at one school),
with one minutes document and one ballots document per constituency. Everything is therefore keyed by
(station, constituency): a minutes document is recounted from the ballots published for the same
station *and* constituency, and a problem about one of them names both.

Each mismatch is a typed :class:`Problem`; the report is ``ok`` only when there is none. The
``ostan verify`` command reads the published files into a :class:`Publication` and prints the report.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ostan.core.counting.ballots import BallotForm, BallotTally, merge_tallies, tally_ballots
from ostan.core.counting.model import Constituency
from ostan.core.counting.tabulation import count_tally
from ostan.core.errors import DomainError
from ostan.core.polling.ballots import RECEIPT_CONTEXT, receipt_code
from ostan.core.polling.bulletin import BulletinEntry, verify_chain
from ostan.core.polling.canonical import canonical_json
from ostan.core.polling.minutes import (
    build_minutes,
    check_minutes,
    is_minutes_signature_valid,
    minutes_tally,
    minutes_to_json,
)
from ostan.core.polling.publication import (
    SignedMinutes,
    StationBallots,
    ballots_payload,
    documents_from_chain,
    minutes_document,
)


@dataclass(frozen=True)
class Problem:
    code: str  # see the module docstring and docs/election-day.md for the list
    subject: str  # a station code, constituency id, ballot id or "chain#N"
    message: str  # Persian


@dataclass(frozen=True)
class Publication:
    constituencies: Mapping[str, Constituency]
    chain: Sequence[BulletinEntry]
    minutes: Sequence[SignedMinutes]
    ballots: Sequence[StationBallots]
    results: Sequence[Mapping[str, object]]  # CountResult.to_json() as published
    station_keys: Mapping[str, bytes]  # station code → public key that signs its minutes
    chain_key: bytes | None = None  # the headquarters' key that signs chain entries
    chain_head: str | None = None  # the announced latest entry hash
    # (station code, constituency id) → the key that signed that minutes document, when the station's
    # minutes were signed by more than one device; otherwise ``station_keys`` answers.
    minutes_keys: Mapping[tuple[str, str], bytes] = field(default_factory=dict)


@dataclass(frozen=True)
class VerificationReport:
    ok: bool
    problems: tuple[Problem, ...]
    figures: Mapping[str, int] = field(default_factory=dict)  # what was checked: entries, stations, ballots...


def publication_from_chain(
    chain: Sequence[BulletinEntry],
    *,
    constituencies: Mapping[str, Constituency],
    station_keys: Mapping[str, bytes],
    chain_key: bytes | None = None,
    chain_head: str | None = None,
    minutes_keys: Mapping[tuple[str, str], bytes] | None = None,
) -> Publication:
    """A publication whose documents are read from the chain itself (the usual case)."""
    docs = documents_from_chain(chain)
    return Publication(
        constituencies, chain, docs.minutes, docs.ballots, docs.results, station_keys, chain_key, chain_head,
        minutes_keys or {},
    )  # fmt: skip


Key = tuple[str, str]  # (station code, constituency id): one minutes and one ballots document each


def _named(station_code: str, constituency_id: str) -> str:
    """«شعبهٔ S-1، حوزهٔ C-2»: how every station-level problem names what it is about."""
    return f"شعبهٔ {station_code}، حوزهٔ {constituency_id}"


def verify(publication: Publication) -> VerificationReport:
    pub = publication
    problems = [
        Problem("chain_broken", f"chain#{p.position}", f"{p.code}: {p.message}")
        for p in verify_chain(pub.chain, public_key=pub.chain_key, expected_head=pub.chain_head)
    ]
    problems += _chain_membership(pub)
    ballots_by_key: dict[Key, tuple[int, StationBallots]] = {}
    for i, sb in enumerate(pub.ballots):
        key = (sb.station_code, sb.constituency_id)
        if key in ballots_by_key:
            text = f"{_named(*key)}: برگه‌های رأی این شعبه و حوزه بیش از یک بار منتشر شده است."
            problems.append(Problem("duplicate_ballots", sb.station_code, text))
        ballots_by_key.setdefault(key, (i, sb))
    tallies: dict[tuple[int, str], BallotTally] = {}  # a station's recount, reused by its constituency's
    with_minutes: set[Key] = set()
    for signed in pub.minutes:
        key = (signed.minutes.station_code, signed.minutes.constituency_id)
        if key in with_minutes:
            text = f"{_named(*key)}: صورتجلسهٔ این شعبه و حوزه بیش از یک بار منتشر شده است."
            problems.append(Problem("duplicate_minutes", key[0], text))
            continue
        with_minutes.add(key)
        problems += _station_problems(pub, signed, ballots_by_key.get(key), tallies)
    for key in sorted(set(ballots_by_key) - with_minutes):
        text = f"{_named(*key)}: برگه‌های رأی این شعبه و حوزه منتشر شده ولی صورتجلسه‌اش نه."
        problems.append(Problem("minutes_missing", key[0], text))
    problems += _ballot_problems(pub.ballots)
    problems += _result_problems(pub, tallies)
    figures = {
        "chain_entries": len(pub.chain),
        "minutes": len(pub.minutes),
        "stations_with_ballots": len(pub.ballots),
        "ballots": sum(len(sb.ballots) for sb in pub.ballots),
        "results": len(pub.results),
    }
    return VerificationReport(not problems, tuple(problems), figures)


def _chain_membership(pub: Publication) -> list[Problem]:
    payloads = {(e.kind, e.payload) for e in pub.chain}
    published: list[tuple[str, str, str, object]] = []  # kind, subject, how the message names it, document
    for s in pub.minutes:
        m = s.minutes
        published.append(("minutes", m.station_code, _named(m.station_code, m.constituency_id) + ": ", s))
    published += [("ballots", b.station_code, _named(b.station_code, b.constituency_id) + ": ", b) for b in pub.ballots]
    published += [("result", str(r.get("constituency_id")), "", r) for r in pub.results]
    problems = []
    for kind, subject, named, document in published:
        try:
            is_on_chain = (kind, _payload(document)) in payloads
        except DomainError:
            is_on_chain = False
        if not is_on_chain:
            text = f"{named}سند «{kind}» منتشرشده در زنجیرهٔ اعلانات نیست."
            problems.append(Problem("not_on_chain", subject, text))
    return problems


def _payload(document: object) -> bytes:
    if isinstance(document, SignedMinutes):
        return canonical_json(minutes_document(document.minutes, document.signature))
    if isinstance(document, StationBallots):
        return ballots_payload(document.station_code, document.constituency_id, document.ballots)
    return canonical_json(document)


def _station_problems(
    pub: Publication,
    signed: SignedMinutes,
    found: tuple[int, StationBallots] | None,
    tallies: dict[tuple[int, str], BallotTally],
) -> list[Problem]:
    """One minutes document against the ballots published for the same station and constituency."""
    m = signed.minutes
    code, cid = m.station_code, m.constituency_id
    named = _named(code, cid)
    problems = []
    key = pub.minutes_keys.get((code, cid)) or pub.station_keys.get(code)
    if key is None or not is_minutes_signature_valid(key, m, signed.signature):
        problems.append(Problem("minutes_signature_invalid", code, f"{named}: امضای صورتجلسه معتبر نیست."))
    constituency = pub.constituencies.get(cid)
    if constituency is None:
        return [*problems, Problem("unknown_constituency", code, f"{named}: حوزهٔ این صورتجلسه منتشر نشده است.")]
    problems += [Problem("minutes_inconsistent", code, f"{named}: {p.message}") for p in check_minutes(m, constituency)]
    if found is None:
        text = f"{named}: صورتجلسه منتشر شده ولی برگه‌های رأی این شعبه برای این حوزه نه."
        return [*problems, Problem("ballots_missing", code, text)]
    index, ballots = found
    if len(ballots.ballots) > m.checked_in:
        text = f"{named}: برگه‌های رأی از احراز هویت‌های صورتجلسه بیشترند."
        problems.append(Problem("ballots_exceed_check_ins", code, text))
    recount = build_minutes(
        constituency=constituency,
        station_code=code,
        form=m.form,
        checked_in=m.checked_in,
        ballots=(b.codes for b in ballots.ballots),
        opened_at=m.opened_at,
        closed_at=m.closed_at,
    )
    tallies[(index, cid)] = minutes_tally(recount)
    if minutes_to_json(recount) != minutes_to_json(m):
        text = f"{named}: ارقام صورتجلسه با بازشماری برگه‌های رأی همین شعبه و حوزه نمی‌خواند."
        problems.append(Problem("minutes_mismatch", code, text))
    return problems


def _ballot_problems(groups: Sequence[StationBallots]) -> list[Problem]:
    problems = []
    ids = Counter(b.ballot_id for sb in groups for b in sb.ballots)
    for ballot_id, times in sorted(ids.items()):
        if times > 1:
            problems.append(Problem("duplicate_ballot", ballot_id, "یک شناسهٔ برگهٔ رأی بیش از یک بار آمده است."))
    for sb in groups:
        for b in sb.ballots:
            if b.station_code != sb.station_code or b.constituency_id != sb.constituency_id:
                text = (f"برگهٔ رأی {_named(b.station_code, b.constituency_id)} در فهرست "
                        f"{_named(sb.station_code, sb.constituency_id)} آمده است.")  # fmt: skip
                problems.append(Problem("ballot_misplaced", b.ballot_id, text))
            if _receipt_code(b.ballot_id) != b.receipt_code:
                problems.append(Problem("receipt_mismatch", b.ballot_id, "کد رسید برگهٔ رأی از شناسهٔ آن به دست نمی‌آید."))
    return problems


def _result_problems(pub: Publication, tallies: Mapping[tuple[int, str], BallotTally]) -> list[Problem]:
    """Each result against a count of all its constituency's ballots. A ballot's verdict never depends on
    the others, so the stations' recount tallies are added up rather than tallied a second time."""
    problems = []
    published = {str(r.get("constituency_id")): r for r in pub.results}
    groups: dict[str, list[tuple[int, StationBallots]]] = defaultdict(list)
    for i, sb in enumerate(pub.ballots):
        groups[sb.constituency_id].append((i, sb))
    for cid, constituency in sorted(pub.constituencies.items()):
        members = groups.get(cid, [])
        result = published.get(cid)
        if result is None:
            if any(sb.ballots for _, sb in members):
                problems.append(Problem("result_missing", cid, "برای این حوزه نتیجه‌ای منتشر نشده است."))
            continue
        try:
            form = BallotForm.for_constituency(constituency)
            tally = merge_tallies(
                tallies.get((i, cid)) or tally_ballots(form, (b.codes for b in sb.ballots)) for i, sb in members
            )
            recount = count_tally(constituency, tally).to_json()
        except DomainError as exc:
            problems.append(Problem("recount_failed", cid, exc.message))
            continue
        if not _same_json(recount, result):
            problems.append(Problem("result_mismatch", cid, "نتیجهٔ منتشرشده با شمارش دوبارهٔ برگه‌های رأی برابر نیست."))
    for cid in sorted(set(published) - set(pub.constituencies)):
        problems.append(Problem("unknown_constituency", cid, "نتیجه برای حوزه‌ای منتشر شده که مشخصاتش منتشر نشده است."))
    return problems


_BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
_BASE32_PAIRS = [a + b for a in _BASE32 for b in _BASE32]


def _receipt_code(ballot_id: str) -> str:
    """:func:`ostan.core.polling.ballots.receipt_code` (tested equal) without the general base32 encoder:
    its 12 characters are the digest's first 60 bits, read 10 bits (two characters) at a time."""
    if len(ballot_id) != 32 or not ballot_id.isascii():
        return receipt_code(ballot_id)
    bits = int.from_bytes(hashlib.sha256((RECEIPT_CONTEXT + ballot_id).encode("ascii")).digest()[:8]) >> 4
    pairs = _BASE32_PAIRS
    return (
        pairs[bits >> 50]
        + pairs[(bits >> 40) & 1023]
        + pairs[(bits >> 30) & 1023]
        + pairs[(bits >> 20) & 1023]
        + pairs[(bits >> 10) & 1023]
        + pairs[bits & 1023]
    )


def _same_json(left: object, right: object) -> bool:
    try:
        return canonical_json(left) == canonical_json(right)
    except DomainError:  # a float or a foreign type in a published file is a difference too
        return False
