"""The two files a count reads — the constituency file and the ballots file — built from the database.

They are byte-for-byte what the downloads serve, so an observer can check their SHA-256 against the
results page and rerun ``ostan count CONSTITUENCY.json BALLOTS.jsonl --json`` to get the same result.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator

from ostan.core import counting
from ostan.core.counting.files import constituency_to_json
from ostan.elections.ballot_files import jsonl_lines
from ostan.elections.models import Ballot, BallotSource, Candidate, Constituency, VettingStatus

CHUNK_SIZE = 20_000
HASH_BATCH = 20_000


def constituency_id(constituency: Constituency) -> str:
    return f"round{constituency.election_round.number}-{constituency.pk}"


def core_constituency(constituency: Constituency, *, lot_seed: str | None = None) -> counting.Constituency:
    """The core's view of a constituency: approved candidates only, lists, seats and the lot seed."""
    candidates = (
        Candidate.objects.filter(constituency=constituency, vetting_status=VettingStatus.APPROVED)
        .select_related("party_list")
        .order_by("code")
    )
    return counting.Constituency(
        id=constituency_id(constituency),
        name=constituency.name,
        method=counting.Method(constituency.method),
        seats=constituency.seats,
        alternates=constituency.alternates,
        candidates=tuple(
            counting.Candidate(
                code=c.code,
                name=c.full_name,
                list_code=c.party_list.code if c.party_list else None,
                is_veteran=c.is_veteran,
                education=counting.Education(c.education),
            )
            for c in candidates
        ),
        lists=tuple(counting.PartyList(code=p.code, name=p.name) for p in constituency.party_lists.order_by("code")),
        lot_seed=constituency.lot_seed if lot_seed is None else lot_seed,
    )


def constituency_file(core: counting.Constituency) -> dict[str, object]:
    return constituency_to_json(core)


def constituency_file_bytes(data: dict[str, object]) -> bytes:
    return (json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode()


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def inputs_sha256(constituency_sha256: str, ballots_sha256: str) -> str:
    return sha256_hex(f"{constituency_sha256}\n{ballots_sha256}\n".encode())


def ballot_source(constituency: Constituency) -> str:
    """Paper records anywhere in the constituency make the whole count apply the paper-record rule."""
    sources = set(constituency.ballot_batches.values_list("source", flat=True))
    return BallotSource.IMPORTED if BallotSource.IMPORTED in sources else BallotSource.MACHINE


def stored_codes(constituency: Constituency) -> Iterator[str]:
    """Every stored ballot's code text, batch by batch in import order, streamed from the database."""
    batch_ids = list(constituency.ballot_batches.order_by("id").values_list("id", flat=True))
    for batch_id in batch_ids:
        rows = Ballot.objects.filter(batch_id=batch_id).order_by("id").values_list("codes", flat=True)
        yield from rows.iterator(chunk_size=CHUNK_SIZE)


class HashedBallots:
    """Iterates stored ballots as code lists for the count, hashing their JSON Lines form on the way."""

    def __init__(self, codes: Iterator[str]) -> None:
        self._codes = codes
        self._hash = hashlib.sha256()
        self.count = 0

    def __iter__(self) -> Iterator[list[str]]:
        pending: list[str] = []
        for text in self._codes:
            pending.append(text)
            yield text.split()
            if len(pending) >= HASH_BATCH:
                self._flush(pending)
                pending = []
        self._flush(pending)

    def _flush(self, texts: list[str]) -> None:
        self._hash.update("".join(jsonl_lines(iter(texts))).encode())
        self.count += len(texts)

    @property
    def sha256(self) -> str:
        return self._hash.hexdigest()
