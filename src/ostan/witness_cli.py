"""``ostan witness URL --board-key HEX --key FILE --state FILE``: one witness round against a board.

Fetch the board's latest signed tree head (``/api/results/heads/latest``) and the consistency proof
from the last head this witness co-signed (``/api/results/proofs/consistency``), check them with
``ostan.core.transparency.witness_step`` (the board's signature, no rollback, no fork, the new tree
extends the old), co-sign, post the cosignature back (``/api/results/heads/{size}/cosignatures``) and
save the new state. A refusal changes nothing, prints its code and both heads (the evidence) and
exits 1; run it again every few minutes (cron, a loop) through election day.

``--new-key`` writes a fresh private key to ``--key`` and prints its public key, to give the board's
readers (``ostan verify --witness-key``). Nothing here needs Django or a database.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ostan.core.errors import DomainError
from ostan.core.transparency import (
    ConsistencyProof,
    WitnessRefused,
    WitnessState,
    cosignature_to_json,
    key_id,
    public_key,
    signed_head_from_json,
    witness_state_from_json,
    witness_state_to_json,
    witness_step,
)

TIMEOUT = 30


class Transport(Protocol):
    def get_json(self, path: str) -> object: ...

    def post_json(self, path: str, body: object) -> object: ...


@dataclass(frozen=True)
class Http:
    """The board's API over HTTP (``base`` is the site's address)."""

    base: str

    def get_json(self, path: str) -> object:
        with urllib.request.urlopen(self.base.rstrip("/") + path, timeout=TIMEOUT) as response:  # noqa: S310
            return json.loads(response.read())

    def post_json(self, path: str, body: object) -> object:
        request = urllib.request.Request(  # noqa: S310 (the witness's own board)
            self.base.rstrip("/") + path, data=json.dumps(body).encode(), method="POST",
            headers={"Content-Type": "application/json"},
        )  # fmt: skip
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310
            return json.loads(response.read())


@dataclass(frozen=True)
class Round:
    state: WitnessState
    tree_size: int
    cosignature: dict[str, object]


def witness_round(transport: Transport, state: WitnessState, *, board_key: bytes, witness_key: bytes) -> Round:
    """One round: the new state and the cosignature posted; :class:`WitnessRefused` when the head fails."""
    latest = transport.get_json("/api/results/heads/latest")
    if not isinstance(latest, dict):
        raise DomainError("پاسخ تابلو سرِ درخت نیست.", code="tree_head_invalid")
    signed = signed_head_from_json(latest.get("head"))
    first, second = state.tree_size, signed.head.tree_size
    if second >= first:
        raw = transport.get_json(f"/api/results/proofs/consistency?first={first}&second={second}")
        path = tuple(bytes.fromhex(h) for h in raw.get("path", [])) if isinstance(raw, dict) else ()
        proof = ConsistencyProof(first, second, path)
    else:
        proof = ConsistencyProof(second, second, ())  # a rollback: witness_step refuses it before the proof
    new_state, cosignature = witness_step(state, signed, proof, board_key, witness_key)
    posted = {"public_key": public_key(witness_key).hex(), "signature": cosignature_to_json(cosignature)["signature"]}
    transport.post_json(f"/api/results/heads/{second}/cosignatures", posted)
    return Round(new_state, second, posted)


def load_state(path: Path, log_id: str) -> WitnessState:
    if not path.exists():
        return WitnessState(log_id)
    return witness_state_from_json(json.loads(path.read_text(encoding="utf-8")))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ostan witness", description="گواه تابلوی اعلانات: سرِ تازه را بسنج و هم‌امضا کن."
    )
    parser.add_argument("url", nargs="?", help="نشانی سایت")
    parser.add_argument("--board-key", help="کلید عمومی تابلو (hex)، از بیانیهٔ انتخابات")
    parser.add_argument("--key", required=True, help="پروندهٔ کلید خصوصی گواه (۶۴ رقم hex)")
    parser.add_argument("--state", help="پروندهٔ وضعیت گواه (آخرین سرِ هم‌امضاشده)")
    parser.add_argument("--log-id", default="ostan/board", help="شناسهٔ دفتر (پیش‌فرض ostan/board)")
    parser.add_argument("--new-key", action="store_true", help="کلید تازه بساز و کلید عمومی‌اش را چاپ کن")
    return parser


def run_witness(argv: list[str], transport: Transport | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as stop:
        return int(stop.code or 0)
    key_path = Path(args.key)
    if args.new_key:
        seed = os.urandom(32)
        key_path.write_text(seed.hex() + "\n", encoding="ascii")
        key_path.chmod(0o600)
        print(f"کلید عمومی گواه / witness public key: {public_key(seed).hex()} ({key_id(public_key(seed))})")
        return 0
    if not (args.url or transport) or not args.board_key or not args.state:
        print("خطا: نشانی سایت، --board-key و --state لازم است.", file=sys.stderr)
        return 2
    try:
        witness_key = bytes.fromhex(key_path.read_text(encoding="ascii").strip())
        board_key = bytes.fromhex(args.board_key.strip())
        state_path = Path(args.state)
        state = load_state(state_path, args.log_id)
        done = witness_round(transport or Http(args.url), state, board_key=board_key, witness_key=witness_key)
    except WitnessRefused as exc:
        print(f"✗ [{exc.code}] {exc.message}")
        print(json.dumps(exc.details, ensure_ascii=False, indent=1))
        return 1
    except (OSError, ValueError, DomainError) as exc:
        print(f"خطا: {exc}", file=sys.stderr)
        return 2
    state_path.write_text(json.dumps(witness_state_to_json(done.state), indent=1) + "\n", encoding="utf-8")
    print(f"سرِ درخت {done.tree_size} مدخلی هم‌امضا شد. / co-signed the head at size {done.tree_size}.")
    return 0
