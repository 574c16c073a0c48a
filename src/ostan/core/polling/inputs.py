"""The inputs digest a result page shows beside a count, defined and recomputed from the board alone.

For a constituency with published id ``C`` (docs/verification.md, "The inputs digest"):

- the **constituency file** is its latest ``constituency`` entry's inner file, written as the
  elections app writes it: ``json.dumps(file, ensure_ascii=False, sort_keys=True, indent=2)`` plus
  one LF; ``constituency_sha256`` is its SHA-256;
- the **ballots file** is every ballot of ``C`` on the board (all its stations' ``ballots`` entries)
  in ballot-id order, one line each: ``["101","205"]`` (the codes as published, joined by ``","``)
  or ``[]`` for a blank ballot, each ending in LF; ``ballots_sha256`` is its SHA-256, the same file
  ``/results/c/<id>/ballots.jsonl`` serves;
- the **inputs digest** is SHA-256 of ``constituency_sha256`` LF ``ballots_sha256`` LF (ASCII hex).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence

from ostan.core.counting import Constituency
from ostan.core.counting.files import constituency_to_json
from ostan.core.polling.publication import StationBallots


def constituency_file_sha256(constituency: Constituency) -> str:
    text = json.dumps(constituency_to_json(constituency), ensure_ascii=False, sort_keys=True, indent=2) + "\n"
    return hashlib.sha256(text.encode()).hexdigest()


def ballots_file_sha256(ballots: Sequence[StationBallots], constituency_id: str) -> str:
    rows = sorted((b.ballot_id, b.codes) for sb in ballots if sb.constituency_id == constituency_id for b in sb.ballots)
    digest = hashlib.sha256()
    for _, codes in rows:
        digest.update(('["' + '","'.join(codes) + '"]\n' if codes else "[]\n").encode())
    return digest.hexdigest()


def inputs_digest(constituency_sha256: str, ballots_sha256: str) -> str:
    return hashlib.sha256(f"{constituency_sha256}\n{ballots_sha256}\n".encode()).hexdigest()


def inputs_digests(
    constituencies: Mapping[str, Constituency], ballots: Sequence[StationBallots], published: Sequence[str]
) -> dict[str, dict[str, str]]:
    """Constituency id → its three digests, for each constituency with a published result."""
    found = {}
    for cid in sorted(set(published) & set(constituencies)):
        c, b = constituency_file_sha256(constituencies[cid]), ballots_file_sha256(ballots, cid)
        found[cid] = {"constituency_sha256": c, "ballots_sha256": b, "inputs_sha256": inputs_digest(c, b)}
    return found
