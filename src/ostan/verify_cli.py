"""``ostan verify EXPORT``: recompute every published total from the bulletin chain, without the site.

EXPORT is a directory written by ``manage.py export_publication`` (``chain.jsonl`` and ``keys.json``),
a downloaded ``chain.jsonl`` with ``--keys keys.json``, or a site's address (``https://…``), whose
``/results/chain.jsonl`` and ``/results/keys.json`` are fetched. Nothing here needs Django or a database.

The chain's hashes and the board's signatures are checked, the head is compared with the announced one,
every station's minutes are checked against its device key and recounted from its published ballots,
every result is recounted from all its constituency's ballots (``ostan.core.polling.verify``), and every
re-check sample is drawn again from its published seed. Exit status 0 only when everything checks;
1 with every problem listed otherwise; 2 when the files cannot be read at all.
"""

from __future__ import annotations

import argparse
import json
import sys
import urllib.request
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ostan.core.counting import Constituency, constituency_from_json
from ostan.core.errors import DomainError
from ostan.core.polling.audit import select_for_recheck
from ostan.core.polling.bulletin import BulletinEntry, entry_from_json
from ostan.core.polling.canonical import load_json
from ostan.core.polling.publication import (
    SignedMinutes,
    StationBallots,
    signed_minutes_from_json,
    station_ballots_from_json,
)
from ostan.core.polling.verify import Problem, Publication, verify
from ostan.core.text import to_persian_digits

CHAIN_FILE = "chain.jsonl"
KEYS_FILE = "keys.json"
CONSTITUENCY_FORMAT = "ostan.constituency/1"
RECHECK_SAMPLE_FORMAT = "ostan.recheck-sample/1"
FETCH_TIMEOUT = 120


class ExportUnreadable(Exception):
    """The export cannot be read at all (missing file, not JSON): nothing can be verified."""


@dataclass
class Loaded:
    chain: list[BulletinEntry]
    keys: Mapping[str, object]
    problems: list[Problem] = field(default_factory=list)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ostan verify",
        description="وارسی تابلوی اعلانات انتخابات: زنجیره، امضاها و بازشماری همهٔ نتایج از برگه‌های منتشرشده.",
    )
    parser.add_argument("export", help="پوشهٔ خروجی export_publication، پروندهٔ chain.jsonl، یا نشانی سایت")
    parser.add_argument("--keys", help="پروندهٔ keys.json (وقتی EXPORT پروندهٔ زنجیره است)")
    parser.add_argument("--head", help="چکیدهٔ آخر اعلام‌شده (به جای chain_head پروندهٔ کلیدها)")
    parser.add_argument("--json", action="store_true", help="گزارش JSON به جای خلاصهٔ فارسی/انگلیسی")
    return parser


def _fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=FETCH_TIMEOUT) as response:  # noqa: S310 (the user's own URL)
        return bytes(response.read()).decode("utf-8")


def _read_sources(export: str, keys_path: str | None) -> tuple[str, str]:
    if export.startswith(("http://", "https://")):
        base = export.rstrip("/")
        return _fetch(f"{base}/results/{CHAIN_FILE}"), _fetch(f"{base}/results/{KEYS_FILE}")
    path = Path(export)
    chain_path = path / CHAIN_FILE if path.is_dir() else path
    keys_file = Path(keys_path) if keys_path else (path / KEYS_FILE if path.is_dir() else path.parent / KEYS_FILE)
    return chain_path.read_text(encoding="utf-8"), keys_file.read_text(encoding="utf-8")


def read_sources(export: str, keys_path: str | None = None) -> tuple[str, str]:
    """The chain's and the keys' text from a directory, a chain file or a site's address."""
    try:
        return _read_sources(export, keys_path)
    except (OSError, ValueError) as exc:
        raise ExportUnreadable(f"خروجی انتشار خوانده نشد: {exc}") from exc


def load(export: str, keys_path: str | None = None) -> Loaded:
    return load_texts(*read_sources(export, keys_path))


def load_texts(chain_text: str, keys_text: str) -> Loaded:
    try:
        keys = json.loads(keys_text)
    except ValueError as exc:
        raise ExportUnreadable(f"پروندهٔ کلیدها JSON نیست: {exc}") from exc
    if not isinstance(keys, dict):
        raise ExportUnreadable("پروندهٔ کلیدها شیء JSON نیست.")
    loaded = Loaded([], keys)
    for number, line in enumerate(chain_text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            loaded.chain.append(entry_from_json(json.loads(line)))
        except (ValueError, DomainError) as exc:
            message = exc.message if isinstance(exc, DomainError) else str(exc)
            loaded.problems.append(Problem("unreadable_entry", f"line#{number}", f"سطر {number} زنجیره: {message}"))
    return loaded


def _hex_key(value: object) -> bytes | None:
    try:
        return bytes.fromhex(str(value)) if value else None
    except ValueError:
        return None


@dataclass
class Documents:
    constituencies: dict[str, Constituency] = field(default_factory=dict)
    minutes: list[SignedMinutes] = field(default_factory=list)
    ballots: list[StationBallots] = field(default_factory=list)
    results: list[Mapping[str, object]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    rechecks: list[tuple[BulletinEntry, Mapping[str, object]]] = field(default_factory=list)  # seeds and samples


def _read_entry(docs: Documents, entry: BulletinEntry, data: object) -> None:
    if entry.kind == "minutes":
        docs.minutes.append(signed_minutes_from_json(data))
    elif entry.kind == "ballots":
        docs.ballots.append(station_ballots_from_json(data))
    elif entry.kind == "result":
        if not isinstance(data, Mapping):
            raise DomainError("نتیجه شیء JSON نیست.")
        docs.results.append(data)
    elif entry.kind == "constituency":
        if not isinstance(data, Mapping) or data.get("format") != CONSTITUENCY_FORMAT:
            raise DomainError("قالب پروندهٔ حوزه شناخته نیست.")
        inner = data.get("constituency")
        if not isinstance(inner, Mapping):
            raise DomainError("پروندهٔ حوزه شیء JSON نیست.")
        core = constituency_from_json(inner)
        docs.constituencies[core.id] = core  # a later file (the lot seed fixed) supersedes an earlier one


def read_documents(chain: Sequence[BulletinEntry]) -> Documents:
    """Every document on the chain, each read on its own: one unreadable payload is a problem, not a stop."""
    docs = Documents()
    for entry in chain:  # each payload is parsed once, here: the largest is a station's every ballot
        try:
            data = load_json(entry.payload)
            if _is_recheck_entry(entry, data):
                docs.rechecks.append((entry, data))  # type: ignore[arg-type]
            _read_entry(docs, entry, data)
        except DomainError as exc:
            docs.problems.append(Problem("unreadable_document", f"chain#{entry.seq}", exc.message))
    return docs


def _is_recheck_entry(entry: BulletinEntry, data: object) -> bool:
    return isinstance(data, Mapping) and (entry.kind == "seed" or data.get("format") == RECHECK_SAMPLE_FORMAT)


def recheck_problems(chain: Sequence[BulletinEntry]) -> list[Problem]:
    """Each published re-check sample must follow from its seed, and the seed be the head before it."""
    entries = []
    for entry in chain:
        try:
            data = load_json(entry.payload)
        except DomainError:
            continue
        if _is_recheck_entry(entry, data):
            entries.append((entry, data))
    return _recheck_problems(entries)  # type: ignore[arg-type]


def _recheck_problems(entries: Sequence[tuple[BulletinEntry, Mapping[str, object]]]) -> list[Problem]:
    problems: list[Problem] = []
    seeds = {}
    for entry, data in entries:
        if entry.kind == "seed":
            seeds[str(data.get("seed"))] = entry
            if data.get("purpose") == "recheck" and data.get("seed") != entry.prev_hash:
                problems.append(Problem("seed_not_head", f"chain#{entry.seq}", "بذر بازشماری چکیدهٔ سر زنجیره نیست."))
        elif data.get("format") == RECHECK_SAMPLE_FORMAT:
            problems += _sample_problems(entry, data, seeds)
    return problems


def _sample_problems(entry: BulletinEntry, data: Mapping[str, object], seeds: Mapping[str, object]) -> list[Problem]:
    seed, size, pool, sample = data.get("seed"), data.get("size"), data.get("drawn_from"), data.get("stations")
    subject = f"chain#{entry.seq}"
    if not isinstance(seed, str) or seed not in seeds:
        return [Problem("seed_missing", subject, "بذر این نمونهٔ بازشماری پیش از آن منتشر نشده است.")]
    if not isinstance(size, int) or not isinstance(pool, list) or not all(isinstance(c, str) for c in pool):
        return [Problem("recheck_sample_mismatch", subject, "نمونهٔ بازشماری ناقص است.")]
    if list(select_for_recheck(pool, seed, size)) != sample:
        return [Problem("recheck_sample_mismatch", subject, "نمونهٔ بازشماری از بذر منتشرشده به دست نمی‌آید.")]
    return []


@dataclass(frozen=True)
class Outcome:
    ok: bool
    problems: tuple[Problem, ...]
    figures: Mapping[str, int]
    chain_head: str


def _station_keys(keys: Mapping[str, object]) -> dict[str, bytes]:
    raw = keys.get("station_keys")
    if not isinstance(raw, Mapping):
        return {}
    return {str(code): key for code, value in raw.items() if (key := _hex_key(value)) is not None}


def _minutes_keys(keys: Mapping[str, object]) -> dict[tuple[str, str], bytes]:
    """``minutes_keys`` (station → constituency id → key), absent from exports made before it existed."""
    raw = keys.get("minutes_keys")
    found: dict[tuple[str, str], bytes] = {}
    for code, per_constituency in raw.items() if isinstance(raw, Mapping) else ():
        for cid, value in per_constituency.items() if isinstance(per_constituency, Mapping) else ():
            if (key := _hex_key(value)) is not None:
                found[(str(code), str(cid))] = key
    return found


def verify_export(loaded: Loaded, *, head: str | None = None) -> Outcome:
    docs = read_documents(loaded.chain)
    board_key = _hex_key(loaded.keys.get("board_public_key"))
    announced = head or str(loaded.keys.get("chain_head") or "") or None
    publication = Publication(
        docs.constituencies, loaded.chain, docs.minutes, docs.ballots, docs.results, _station_keys(loaded.keys),
        board_key, announced, _minutes_keys(loaded.keys),
    )  # fmt: skip
    report = verify(publication)
    problems = (*loaded.problems, *docs.problems, *report.problems, *_recheck_problems(docs.rechecks))
    if board_key is None:
        problems = (*problems, Problem("board_key_missing", "keys", "کلید عمومی تابلو در پروندهٔ کلیدها نیست."))
    figures = {**report.figures, "constituencies": len(docs.constituencies)}
    last = loaded.chain[-1].entry_hash if loaded.chain else "0" * 64
    return Outcome(not problems, tuple(problems), figures, last)


FIGURE_LABELS = {
    "chain_entries": ("مدخل زنجیره", "chain entries"),
    "constituencies": ("حوزه", "constituencies"),
    "minutes": ("صورتجلسه", "minutes"),
    "stations_with_ballots": ("شعبه با برگه", "stations with ballots"),
    "ballots": ("برگهٔ رأی", "ballots"),
    "results": ("نتیجه", "results"),
}


def summary(outcome: Outcome) -> str:
    lines = ["وارسی تابلوی اعلانات / Bulletin board verification"]
    for key, (fa, en) in FIGURE_LABELS.items():
        value = outcome.figures.get(key, 0)
        lines.append(f"  {fa}: {to_persian_digits(f'{value:,}').replace(',', '٬')}  ({en}: {value:,})")
    lines.append(f"  چکیدهٔ آخر / head: {outcome.chain_head}")
    if outcome.ok:
        lines.append("نتیجه: همه چیز درست است. / Result: everything checks.")
        return "\n".join(lines)
    count = len(outcome.problems)
    lines.append(f"نتیجه: {to_persian_digits(count)} مشکل پیدا شد. / Result: {count} problem(s) found.")
    lines += [f"  ✗ [{p.code}] {p.subject}: {p.message}" for p in outcome.problems]
    return "\n".join(lines)


def outcome_json(outcome: Outcome) -> dict[str, object]:
    return {
        "ok": outcome.ok,
        "chain_head": outcome.chain_head,
        "figures": dict(outcome.figures),
        "problems": [{"code": p.code, "subject": p.subject, "message": p.message} for p in outcome.problems],
    }


def run_verify(argv: list[str]) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as stop:
        return int(stop.code or 0)
    try:
        loaded = load(args.export, args.keys)
    except ExportUnreadable as exc:
        print(f"خطا: {exc}", file=sys.stderr)
        return 2
    outcome = verify_export(loaded, head=args.head)
    text = json.dumps(outcome_json(outcome), ensure_ascii=False, indent=1) if args.json else summary(outcome)
    print(text)
    return 0 if outcome.ok else 1
