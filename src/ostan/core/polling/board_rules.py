"""Rules about the order of things on the board, checked by ``ostan verify`` (docs/verification.md):

- a constituency's lot seed is the hash of a board entry taken after that constituency's last
  station entry and before its result (step 9, ``lot_seed_not_head`` / ``lot_seed_too_early``);
- a constituency file, once published, changes afterwards only in its lot seed (step 10,
  ``constituency_changed``);
- every station drawn for a re-check has its published outcome (step 11, ``recheck_outcome_missing``).

Pure: the chain's entries go in, problems come out. Only ``minutes``, ``constituency``, ``result``
and ``notice`` payloads are read; the large ``ballots`` payloads are not parsed here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ostan.core.errors import DomainError
from ostan.core.polling.bulletin import BulletinEntry
from ostan.core.polling.canonical import load_json
from ostan.core.polling.verify import Problem

RECHECK_SAMPLE_FORMAT = "ostan.recheck-sample/1"
RECHECK_OUTCOME_FORMAT = "ostan.recheck-outcome/1"
READ_KINDS = frozenset({"minutes", "constituency", "result", "notice"})


def _documents(chain: Sequence[BulletinEntry]) -> list[tuple[BulletinEntry, Mapping[str, object]]]:
    found = []
    for entry in chain:
        if entry.kind not in READ_KINDS:
            continue
        try:
            data = load_json(entry.payload)
        except DomainError:
            continue  # reported as unreadable_document by the document reader
        if isinstance(data, Mapping):
            found.append((entry, data))
    return found


def _inner(data: Mapping[str, object], name: str) -> Mapping[str, object]:
    value = data.get(name)
    return value if isinstance(value, Mapping) else {}


def board_rule_problems(chain: Sequence[BulletinEntry]) -> list[Problem]:
    docs = _documents(chain)
    return [*_lot_seed_problems(chain, docs), *_constituency_problems(docs), *_recheck_problems(docs)]


def _lot_seed_problems(
    chain: Sequence[BulletinEntry], docs: Sequence[tuple[BulletinEntry, Mapping[str, object]]]
) -> list[Problem]:
    seq_of = {e.entry_hash: e.seq for e in chain}
    last_station: dict[str, int] = {}
    problems = []
    for entry, data in docs:
        if entry.kind == "minutes":
            cid = str(_inner(data, "minutes").get("constituency_id"))
            last_station[cid] = entry.seq + 1  # the ballots entry follows its minutes
        elif entry.kind == "result":
            cid, seed = str(data.get("constituency_id")), data.get("lot_seed")
            if not isinstance(seed, str) or not seed:
                continue  # no lot needed, or the count refused without one
            at = seq_of.get(seed)
            if at is None or at >= entry.seq:
                text = f"حوزهٔ {cid}: بذر قرعه چکیدهٔ هیچ مدخل پیش از نتیجه روی تابلو نیست؛ بذر را کسی برگزیده است."
                problems.append(Problem("lot_seed_not_head", cid, text))
            elif at < last_station.get(cid, -1):
                text = f"حوزهٔ {cid}: بذر قرعه چکیدهٔ مدخل {at} است، پیش از آخرین شعبهٔ حوزه (مدخل {last_station[cid]})."
                problems.append(Problem("lot_seed_too_early", cid, text))
    return problems


def _without_seed(data: Mapping[str, object]) -> dict[str, object]:
    inner = dict(_inner(data, "constituency"))
    inner.pop("lot_seed", None)
    return inner


def _constituency_problems(docs: Sequence[tuple[BulletinEntry, Mapping[str, object]]]) -> list[Problem]:
    first: dict[str, tuple[int, dict[str, object]]] = {}
    problems = []
    for entry, data in docs:
        if entry.kind != "constituency":
            continue
        cid = str(_inner(data, "constituency").get("id"))
        body = _without_seed(data)
        if cid not in first:
            first[cid] = (entry.seq, body)
        elif body != first[cid][1]:
            changed = sorted(k for k in set(body) | set(first[cid][1]) if body.get(k) != first[cid][1].get(k))
            text = (
                f"حوزهٔ {cid}: پروندهٔ حوزه در مدخل {entry.seq} جز بذر قرعه هم تغییر کرده است"
                f" ({'، '.join(changed)}) نسبت به مدخل {first[cid][0]}."
            )
            problems.append(Problem("constituency_changed", cid, text))
    return problems


def _recheck_problems(docs: Sequence[tuple[BulletinEntry, Mapping[str, object]]]) -> list[Problem]:
    drawn: dict[tuple[str, str], int] = {}
    done: set[tuple[str, str]] = set()
    for entry, data in docs:
        stations = data.get("stations")
        if data.get("format") == RECHECK_SAMPLE_FORMAT and isinstance(stations, list):
            for code in stations:
                drawn[(str(data.get("seed")), str(code))] = entry.seq
        elif data.get("format") == RECHECK_OUTCOME_FORMAT:
            done.add((str(data.get("seed")), str(data.get("station_code"))))
    return [
        Problem(
            "recheck_outcome_missing",
            code,
            f"شعبهٔ {code} در قرعهٔ مدخل {seq} برای بازشماری درآمده ولی نتیجه‌اش منتشر نشده است.",
        )
        for (seed, code), seq in sorted(drawn.items(), key=lambda kv: kv[1])
        if (seed, code) not in done
    ]
