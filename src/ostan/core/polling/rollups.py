"""Roll-ups above the constituency: a county's, province's or country's totals, published as ``rollup``
entries (``ostan.rollup/1``) and recomputed by ``ostan verify`` from the board alone (step 15).

A roll-up names its unit by its stable territory code and lists the published ids of the
constituencies it adds up. Its figures are sums over those constituencies' published results and
minutes: the stations (minutes documents), the voters checked in, the ballots by status, the seats
and the members elected. Pure: documents in, a document or problems out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from ostan.core.polling.minutes import Minutes
from ostan.core.polling.verify import Problem

ROLLUP_FORMAT = "ostan.rollup/1"
ROLLUP_KIND = "rollup"
BALLOT_FIELDS = ("total", "valid", "partly_valid", "invalid", "blank")


def _int(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def rollup_document(
    *, unit_code: str, level: str, round_number: int, constituency_ids: Iterable[str],
    results: Mapping[str, Mapping[str, object]], minutes: Sequence[Minutes],
) -> dict[str, object]:  # fmt: skip
    """The totals of ``constituency_ids`` from their results (by id) and every minutes document."""
    ids = sorted(set(constituency_ids))
    chosen = set(ids)
    counted = [m for m in minutes if m.constituency_id in chosen]
    ballots = dict.fromkeys(BALLOT_FIELDS, 0)
    seats = members = 0
    for cid in ids:
        result = results.get(cid, {})
        summary = result.get("ballots")
        for name in BALLOT_FIELDS:
            ballots[name] += _int(summary.get(name)) if isinstance(summary, Mapping) else 0
        seats += _int(result.get("seats"))
        elected = result.get("members")
        members += len(elected) if isinstance(elected, list) else 0
    return {
        "format": ROLLUP_FORMAT,
        "unit_code": unit_code,
        "level": level,
        "round": round_number,
        "constituency_ids": ids,
        "stations": len(counted),
        "checked_in": sum(m.checked_in for m in counted),
        "ballots": ballots,
        "seats": seats,
        "members": members,
    }


def rollup_problems(
    rollups: Sequence[Mapping[str, object]], results: Mapping[str, Mapping[str, object]], minutes: Sequence[Minutes]
) -> list[Problem]:
    """Step 15: every published roll-up adds up, from the results and minutes on the board."""
    problems = []
    for doc in rollups:
        unit = str(doc.get("unit_code"))
        ids = doc.get("constituency_ids")
        if not isinstance(ids, list):
            problems.append(Problem("rollup_mismatch", unit, f"جمع واحد {unit}: فهرست حوزه‌ها ندارد."))
            continue
        missing = sorted(str(c) for c in ids if str(c) not in results)
        if missing:
            text = f"جمع واحد {unit}: حوزه‌های {'، '.join(missing)} نتیجهٔ منتشرشده ندارند."
            problems.append(Problem("rollup_incomplete", unit, text))
            continue
        again = rollup_document(
            unit_code=unit, level=str(doc.get("level")), round_number=_int(doc.get("round")),
            constituency_ids=[str(c) for c in ids], results=results, minutes=minutes,
        )  # fmt: skip
        if again != dict(doc):
            changed = sorted(k for k in again if again[k] != doc.get(k))
            text = f"جمع واحد {unit} با جمع نتایج و صورتجلسه‌های حوزه‌هایش برابر نیست ({'، '.join(changed)})."
            problems.append(Problem("rollup_mismatch", unit, text))
    return problems
