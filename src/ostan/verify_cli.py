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
from ostan.core.polling.anchors import (
    Anchors,
    anchor_problems,
    derived_keys,
    manifest_problems,
    minutes_signer,
    read_anchors,
    read_manifest,
)
from ostan.core.polling.audit import select_for_recheck
from ostan.core.polling.board_rules import board_rule_problems
from ostan.core.polling.bulletin import BulletinEntry, entry_from_json
from ostan.core.polling.canonical import load_json
from ostan.core.polling.inputs import inputs_digests
from ostan.core.polling.publication import (
    SignedMinutes,
    StationBallots,
    signed_minutes_from_json,
    station_ballots_from_json,
)
from ostan.core.polling.rollups import ROLLUP_FORMAT, ROLLUP_KIND, rollup_problems
from ostan.core.polling.verify import Problem, Publication, verify
from ostan.core.text import to_persian_digits
from ostan.core.transparency import (
    Cosignature,
    SignedTreeHead,
    TreeHeadInvalid,
    cosignature_from_json,
    key_id,
    root_at,
    signed_head_from_json,
    verify_tree_head,
    verify_witnessed,
)
from ostan.core.transparency.leaves import board_tree

CHAIN_FILE = "chain.jsonl"
KEYS_FILE = "keys.json"
MANIFEST_FILE = "manifest.json"
TREE_HEAD_FILE = "tree-head.json"
WITNESSED_HEAD_FORMAT = "ostan.witnessed-head/1"
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
    manifest: object = None  # the export's own manifest.json, when it has one
    tree_head: object = None  # the export's tree-head.json (``ostan.witnessed-head/1``), when it has one


@dataclass(frozen=True)
class Pins:
    """What the reader brings from outside the export: the board key and manifest kept from before
    the polls opened, a signed head with its cosignatures, and the witnesses they trust."""

    head: str | None = None
    board_key: bytes | None = None
    manifest: object = None
    tree_head: object = None
    witness_keys: tuple[bytes, ...] = ()
    quorum: int | None = None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ostan verify",
        description="وارسی تابلوی اعلانات انتخابات: زنجیره، امضاها و بازشماری همهٔ نتایج از برگه‌های منتشرشده.",
    )
    parser.add_argument("export", help="پوشهٔ خروجی export_publication، پروندهٔ chain.jsonl، یا نشانی سایت")
    parser.add_argument("--keys", help="پروندهٔ keys.json (وقتی EXPORT پروندهٔ زنجیره است)")
    parser.add_argument("--head", help="چکیدهٔ آخر اعلام‌شده (به جای chain_head پروندهٔ کلیدها)")
    parser.add_argument("--board-key", help="کلید عمومی تابلو (hex) که از پیش از روز انتخابات نگه داشته‌اید")
    parser.add_argument("--manifest", help="پروندهٔ بیانیهٔ امضاشدهٔ انتخابات (manifest.json) از پیش از گشایش")
    parser.add_argument("--tree-head", help="سرِ درخت امضاشده با هم‌امضاها (tree-head.json)؛ پیش‌فرض: پروندهٔ خروجی")
    parser.add_argument(
        "--witness-key", action="append", default=[], help="کلید عمومی گواهی که به او اعتماد دارید (hex)"
    )
    parser.add_argument(
        "--quorum", type=int, default=None, help="کمینهٔ گواهان هم‌امضاکننده (پیش‌فرض: همهٔ کلیدهای داده‌شده)"
    )
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
    loaded = load_texts(*read_sources(export, keys_path))
    loaded.manifest = _optional_json(export, MANIFEST_FILE)
    loaded.tree_head = _optional_json(export, TREE_HEAD_FILE)
    return loaded


def _optional_json(export: str, name: str) -> object:
    """A file beside the chain, or at the site's /results/NAME; None when there is none."""
    try:
        if export.startswith(("http://", "https://")):
            return json.loads(_fetch(f"{export.rstrip('/')}/results/{name}"))
        path = Path(export)
        found = path / name if path.is_dir() else path.parent / name
        return json.loads(found.read_text(encoding="utf-8")) if found.exists() else None
    except (OSError, ValueError):
        return None


def read_json_file(path: str) -> object:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ExportUnreadable(f"پروندهٔ {path} خوانده نشد: {exc}") from exc


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
    rollups: list[Mapping[str, object]] = field(default_factory=list)


def _read_entry(docs: Documents, entry: BulletinEntry, data: object) -> None:
    if entry.kind == "minutes":
        docs.minutes.append(signed_minutes_from_json(data))
    elif entry.kind == "ballots":
        docs.ballots.append(station_ballots_from_json(data))
    elif entry.kind == "result":
        if not isinstance(data, Mapping):
            raise DomainError("نتیجه شیء JSON نیست.")
        docs.results.append(data)
    elif entry.kind == ROLLUP_KIND:
        if not isinstance(data, Mapping) or data.get("format") != ROLLUP_FORMAT:
            raise DomainError("قالب جمع آرای واحد شناخته نیست.")
        docs.rollups.append(data)
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
    inputs: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # constituency id → its digests


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


def verify_export(loaded: Loaded, *, head: str | None = None, pins: Pins | None = None) -> Outcome:
    """Every step of docs/verification.md over the loaded export; ``pins`` are the reader's own."""
    pins = pins or Pins(head=head)
    docs = read_documents(loaded.chain)
    problems: list[Problem] = [*loaded.problems, *docs.problems]
    keys_board = _hex_key(loaded.keys.get("board_public_key"))
    board_key = pins.board_key or keys_board
    if pins.board_key is not None and keys_board is not None and keys_board != pins.board_key:
        problems.append(Problem("board_key_mismatch", "keys", "کلید تابلو در پروندهٔ کلیدها با کلید نگه‌داشته یکی نیست."))
    anchors = read_anchors(loaded.chain)
    minutes_keys = {**_minutes_keys(loaded.keys), **_anchored_minutes_keys(anchors, docs.minutes)}
    announced = pins.head or str(loaded.keys.get("chain_head") or "") or None
    publication = Publication(
        docs.constituencies, loaded.chain, docs.minutes, docs.ballots, docs.results, _station_keys(loaded.keys),
        board_key, announced, minutes_keys,
    )  # fmt: skip
    report = verify(publication)
    problems += [*report.problems, *_recheck_problems(docs.rechecks)]
    published = {str(r.get("constituency_id")) for r in docs.results}
    problems += anchor_problems(anchors, docs.minutes, published)
    problems += _keys_file_problems(loaded.keys, anchors, docs.minutes)
    problems += board_rule_problems(loaded.chain)
    problems += _manifest_step(loaded, pins, board_key, anchors)
    problems += _tree_step(loaded, pins, board_key)
    results = {str(r.get("constituency_id")): r for r in docs.results}
    problems += rollup_problems(docs.rollups, results, [s.minutes for s in docs.minutes])
    if board_key is None:
        problems.append(Problem("board_key_missing", "keys", "کلید عمومی تابلو در پروندهٔ کلیدها نیست."))
    figures = {
        **report.figures,
        "constituencies": len(docs.constituencies),
        "anchored_stations": len(anchors.stations),
        "rollups": len(docs.rollups),
    }
    last = loaded.chain[-1].entry_hash if loaded.chain else "0" * 64
    inputs = inputs_digests(docs.constituencies, docs.ballots, list(results))
    return Outcome(not problems, tuple(problems), figures, last, inputs)


def _anchored_minutes_keys(anchors: Anchors, minutes: Sequence[SignedMinutes]) -> dict[tuple[str, str], bytes]:
    """The board's own answer to "which key signed these minutes": an anchored key, before keys.json's."""
    found = {}
    for signed in minutes:
        if (key := minutes_signer(anchors, signed)) is not None:
            found[(signed.minutes.station_code, signed.minutes.constituency_id)] = key
    return found


def _keys_file_problems(
    keys: Mapping[str, object], anchors: Anchors, minutes: Sequence[SignedMinutes]
) -> list[Problem]:
    """Step 4: keys.json is derivable from the board: its devices and signing keys are the anchored ones."""
    if anchors.opening is None:
        return []
    derived = derived_keys(anchors, minutes)
    problems = []
    devices, anchored = keys.get("devices"), derived["devices"]
    if isinstance(devices, Mapping) and isinstance(anchored, Mapping):
        for code, listed in sorted(devices.items()):
            if code in anchors.stations and listed != anchored.get(code):
                text = f"شعبهٔ {code}: دستگاه‌های پروندهٔ کلیدها با دستگاه‌های ثبت‌شده پیش از گشایش یکی نیست."
                problems.append(Problem("keys_file_mismatch", str(code), text))
    derived_minutes = derived["minutes_keys"]
    assert isinstance(derived_minutes, Mapping)
    for (code, cid), key in sorted(_minutes_keys(keys).items()):
        anchored = derived_minutes.get(code, {}).get(cid)
        if anchored is not None and anchored != key.hex():
            text = f"شعبهٔ {code}، حوزهٔ {cid}: کلید امضای صورتجلسه در پروندهٔ کلیدها کلید ثبت‌شده روی تابلو نیست."
            problems.append(Problem("keys_file_mismatch", code, text))
    return problems


def _manifest_step(loaded: Loaded, pins: Pins, board_key: bytes | None, anchors: Anchors) -> list[Problem]:
    """Step 2: the manifest (the reader's own, else the export's) is signed by the board key and the
    board agrees with it: opening head, stations and device keys, constituency files."""
    raw = pins.manifest if pins.manifest is not None else loaded.manifest
    if raw is None:
        return []
    try:
        manifest = read_manifest(raw, board_public_key=pins.board_key or board_key)
    except DomainError as exc:
        return [Problem(exc.code, "manifest", exc.message)]
    return manifest_problems(manifest, loaded.chain, anchors)


def _tree_step(loaded: Loaded, pins: Pins, board_key: bytes | None) -> list[Problem]:
    """Steps 12–13: the chain's entries rebuild the signed head's Merkle root, and enough trusted
    witnesses co-signed that head."""
    raw = pins.tree_head if pins.tree_head is not None else loaded.tree_head
    if raw is None:
        if pins.witness_keys:
            return [Problem("tree_head_missing", "tree", "سرِ درخت امضاشده‌ای برای وارسی گواهان نیست.")]
        return []
    try:
        signed, cosignatures = witnessed_head_from_json(raw)
        if board_key is None:
            raise TreeHeadInvalid("کلید تابلو برای وارسی سرِ درخت نیست.")
        verify_tree_head(signed, board_key)
    except DomainError as exc:
        return [Problem(exc.code, "tree", exc.message)]
    size = signed.head.tree_size
    if size > len(loaded.chain):
        return [Problem("tree_head_beyond_chain", "tree", f"سرِ درخت {size} مدخل دارد و زنجیره {len(loaded.chain)}.")]
    store, _ = board_tree((e.seq, e.kind, e.payload, e.entry_hash) for e in loaded.chain[:size])
    if root_at(store, size) != signed.head.root_hash:
        text = f"مدخل‌های زنجیره ریشهٔ سرِ درخت امضاشدهٔ {size} مدخلی را نمی‌سازند: تاریخچه تغییر کرده است."
        return [Problem("tree_root_mismatch", "tree", text)]
    if not pins.witness_keys:
        return []
    quorum = pins.quorum if pins.quorum is not None else len(pins.witness_keys)
    try:
        known = {key_id(k): k for k in pins.witness_keys}
        verify_witnessed(signed, cosignatures, log_key=board_key, witness_keys=known, quorum=quorum)
    except DomainError as exc:
        return [Problem(exc.code, "tree", exc.message)]
    return []


def witnessed_head_from_json(data: object) -> tuple[SignedTreeHead, list[Cosignature]]:
    if not isinstance(data, Mapping) or data.get("format") != WITNESSED_HEAD_FORMAT:
        raise TreeHeadInvalid(f"پروندهٔ سرِ درخت باید شیء JSON با قالب «{WITNESSED_HEAD_FORMAT}» باشد.")
    raw = data.get("cosignatures")
    cosignatures = [cosignature_from_json(c) for c in raw] if isinstance(raw, list) else []
    return signed_head_from_json(data.get("head")), cosignatures


FIGURE_LABELS = {
    "chain_entries": ("مدخل زنجیره", "chain entries"),
    "constituencies": ("حوزه", "constituencies"),
    "minutes": ("صورتجلسه", "minutes"),
    "stations_with_ballots": ("شعبه با برگه", "stations with ballots"),
    "ballots": ("برگهٔ رأی", "ballots"),
    "results": ("نتیجه", "results"),
    "anchored_stations": ("شعبهٔ ثبت‌شده پیش از گشایش", "stations anchored before opening"),
    "rollups": ("جمع واحد", "roll-ups"),
}


def summary(outcome: Outcome) -> str:
    lines = ["وارسی تابلوی اعلانات / Bulletin board verification"]
    for key, (fa, en) in FIGURE_LABELS.items():
        value = outcome.figures.get(key, 0)
        lines.append(f"  {fa}: {to_persian_digits(f'{value:,}').replace(',', '٬')}  ({en}: {value:,})")
    lines.append(f"  چکیدهٔ آخر / head: {outcome.chain_head}")
    for cid, digests in outcome.inputs.items():
        lines.append(f"  چکیدهٔ ورودی‌های {cid} / inputs digest: {digests['inputs_sha256']}")
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
        "inputs": {cid: dict(d) for cid, d in outcome.inputs.items()},
        "problems": [{"code": p.code, "subject": p.subject, "message": p.message} for p in outcome.problems],
    }


def _pinned_key(text: str | None, flag: str) -> bytes | None:
    if text is None:
        return None
    key = _hex_key(text.strip())
    if key is None or len(key) != 32:
        raise ExportUnreadable(f"{flag} باید ۶۴ رقم شانزده‌شانزدهی (کلید عمومی Ed25519) باشد.")
    return key


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
    try:
        pins = Pins(
            head=args.head, board_key=_pinned_key(args.board_key, "--board-key"),
            manifest=read_json_file(args.manifest) if args.manifest else None,
            tree_head=read_json_file(args.tree_head) if args.tree_head else None,
            witness_keys=tuple(_pinned_key(k, "--witness-key") for k in args.witness_key),  # type: ignore[misc]
            quorum=args.quorum,
        )  # fmt: skip
    except ExportUnreadable as exc:
        print(f"خطا: {exc}", file=sys.stderr)
        return 2
    outcome = verify_export(loaded, pins=pins)
    text = json.dumps(outcome_json(outcome), ensure_ascii=False, indent=1) if args.json else summary(outcome)
    print(text)
    return 0 if outcome.ok else 1
