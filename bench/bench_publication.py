"""From the last station's close to published, verified results, for a province of 3 million voters.

Set-up (untimed) writes, straight into PostgreSQL: one province with 1,000 settlements, a constituency and
its candidates for each, 6,000 closed stations with registered voting-device keys, 3 million anonymous
ballots (COPY) and each station's minutes, built by the core from its own ballots and signed with its
device key — the state of the province the moment its last station has closed.

Timed, through the real actions and the export the site serves: publish every station's minutes and
ballots on the chain, fix the lot seed, aggregate every constituency (station tallies summed by the
aggregation core, checked against a full recount of its ballots), publish every result, export the chain
and keys, and run ``ostan verify`` over the export (chain, signatures, every recount). Stations and
device keys are anchored before (untimed: that happens before election day); the Merkle tree grows
with every append (its share of the publication is printed), a head is signed, two witnesses co-sign
it, and the verifier checks the final head's root and cosignatures; inclusion proofs are then served
and checked offline, and their p95 printed.

Uses the server of DATABASE_URL with its own database ``ostan_bench_publication`` (recreated each run;
``OSTAN_BENCH_DB`` names another). ``--profile FILE`` writes a cProfile of the timed phases (pstats format).
Run: DATABASE_URL=postgres://ostan@127.0.0.1:54329/ostan .venv/bin/python bench/bench_publication.py [--scale 0.1]
``--scale`` shrinks voters, stations and constituencies together; the figure printed is then an
extrapolation (linear in ballots), and says so.
"""

from __future__ import annotations

import argparse
import base64
import cProfile
import hashlib
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit, urlunsplit

# OSTAN_BENCH_DB names another database, so parallel runs on one server do not drop each other's.
BENCH_DB = os.environ.get("OSTAN_BENCH_DB", "ostan_bench_publication")
VOTERS = 3_000_000
STATIONS = 6_000
CONSTITUENCIES = 1_000
TURNOUT_CHECKED_IN = 1.02  # check-ins per ballot: a few voters check in and leave without voting
SEED = 1405
T = TypeVar("T")
PUBLISH_BATCH = 100  # stations per publish_stations call: some 50,000 ballots, 5 MB of payloads in memory
BOARD_KEY = hashlib.sha256(b"ostan-bench-bulletin-key").hexdigest()


def _bench_url() -> str:
    base = os.environ.get("DATABASE_URL", "postgres://ostan@127.0.0.1:54329/ostan")
    parts = urlsplit(base)
    import psycopg

    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{BENCH_DB}"')
        conn.execute(f'CREATE DATABASE "{BENCH_DB}"')
    return urlunsplit(parts._replace(path=f"/{BENCH_DB}"))


os.environ["DATABASE_URL"] = _bench_url()
os.environ["OSTAN_BULLETIN_KEY"] = BOARD_KEY
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ostan.settings")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from ostan.core.access import Actor  # noqa: E402
from ostan.core.polling.ballots import receipt_code  # noqa: E402
from ostan.core.polling.canonical import canonical_json, sha256_hex  # noqa: E402
from ostan.core.polling.devices import device_keys, sign_document  # noqa: E402
from ostan.core.polling.minutes import MINUTES_CONTEXT, build_minutes, form_for, minutes_to_json  # noqa: E402
from ostan.core.polling.names import LAST_NAMES, MALE_FIRST_NAMES  # noqa: E402
from ostan.core.text import search_key  # noqa: E402
from ostan.core.transparency import (  # noqa: E402
    InclusionProof,
    WitnessState,
    leaf_hash,
    public_key,
    signed_head_from_json,
    verify_inclusion,
)
from ostan.core.transparency.leaves import bulletin_leaf  # noqa: E402
from ostan.elections import actions as elections  # noqa: E402
from ostan.elections.files import core_constituency  # noqa: E402
from ostan.elections.models import Candidate, Constituency, ElectionRound  # noqa: E402
from ostan.polling.models import Device, Station, StationMinutes  # noqa: E402
from ostan.publication import actions, board, selectors, tree  # noqa: E402
from ostan.publication.export import export_publication  # noqa: E402
from ostan.territory.models import Unit, UnitKind  # noqa: E402
from ostan.verify_cli import Pins, load, verify_export  # noqa: E402
from ostan.witness_cli import witness_round  # noqa: E402

BENCH = Actor.system("benchmark")

settings.OSTAN_BULLETIN_KEY = BOARD_KEY


def _units(count: int) -> list[Unit]:
    country = Unit.objects.create(
        code="IR", kind=UnitKind.COUNTRY, name="ایران", search_key="ایران", path="IR", depth=0
    )
    province = Unit.objects.create(code="99", kind=UnitKind.PROVINCE, name="استان آزمون", search_key="استان آزمون",
                                   parent=country, path="IR/99", depth=1)  # fmt: skip
    cities = [
        Unit(code=f"99{i:05d}", kind=UnitKind.CITY, name=f"شهر {i}", search_key=search_key(f"شهر {i}"),
             parent=province, path=f"IR/99/99{i:05d}", depth=2, population=20_000 + (i * 7919) % 180_000)
        for i in range(count)
    ]  # fmt: skip
    return Unit.objects.bulk_create(cities)


def _constituencies(units: list[Unit]) -> tuple[ElectionRound, list[Constituency]]:
    election_round = ElectionRound.objects.create(number=7, name="دوره آزمون", election_date=timezone.localdate())
    rows = Constituency.objects.bulk_create(
        Constituency(election_round=election_round, unit=u, kind="city_council", name=u.name, method="plurality",
                     population=u.population, seats=5 if (u.population or 0) <= 50_000 else 7, alternates=3)
        for u in units
    )  # fmt: skip
    Candidate.objects.bulk_create(
        Candidate(constituency=c, code=str(101 + k), first_name=MALE_FIRST_NAMES[k], last_name=LAST_NAMES[c.pk % 100])
        for c in rows
        for k in range(c.seats + 5)
    )
    return election_round, rows


def _ballots(rng: random.Random, codes: list[str], seats: int, n: int) -> list[list[str]]:
    weights = [1 / (i + 2) for i in range(len(codes))]
    out = []
    for _ in range(n):
        k = rng.randint(0, seats)
        picked = dict.fromkeys(rng.choices(codes, weights, k=k))
        out.append(list(picked))
    return out


def _stations(election_round: ElectionRound, constituencies: list[Constituency], stations: int, voters: int) -> int:
    """Closed stations with devices, ballots (COPY) and signed minutes; returns the ballots written."""
    rng = random.Random(SEED)
    per_constituency = stations // len(constituencies)
    closed_at = timezone.now().replace(microsecond=0)
    written = 0
    for c in constituencies:
        core = core_constituency(c)
        codes = [cand.code for cand in core.candidates]
        made = Station.objects.bulk_create(
            Station(election_round=election_round, code=f"S{c.pk}-{k}", address="-", unit_id=c.unit_id,
                    status="closed", opened_at=closed_at, closed_at=closed_at)
            for k in range(per_constituency)
        )  # fmt: skip
        Station.constituencies.through.objects.bulk_create(
            Station.constituencies.through(station_id=s.pk, constituency_id=c.pk) for s in made
        )
        for s in made:
            written += _fill_station(rng, s, c, core, codes, voters // stations, closed_at)
    return written


def _fill_station(rng, s, c, core, codes, n, closed_at) -> int:  # type: ignore[no-untyped-def]
    keys = device_keys(rng.randbytes(32))
    device = Device.objects.create(device_id=f"{s.code}-voting", station=s, kind="voting",
                                   public_key=keys.public_key.hex())  # fmt: skip
    ballots = _ballots(rng, codes, c.seats, n)
    with (
        connection.cursor() as cursor,
        cursor.copy(
            "COPY polling_castballot (ballot_id, station_id, constituency_id, codes, receipt_code) FROM STDIN"
        ) as copy,
    ):
        for b in ballots:
            ballot_id = rng.randbytes(16).hex()
            copy.write_row((ballot_id, s.pk, c.pk, " ".join(b), receipt_code(ballot_id)))
    checked_in = int(n * TURNOUT_CHECKED_IN)
    m = build_minutes(constituency=core, station_code=s.code, form=form_for("city"), checked_in=checked_in,
                      ballots=ballots, opened_at=closed_at, closed_at=closed_at)  # fmt: skip
    document = minutes_to_json(m)
    signature = sign_document(keys.private_key, MINUTES_CONTEXT, canonical_json(document))
    StationMinutes.objects.create(station=s, constituency=c, form=m.form, document=document,
                                  digest=sha256_hex(canonical_json(document)), signed_by=device, signed_at=closed_at,
                                  signature=base64.b64encode(signature).decode())  # fmt: skip
    return len(ballots)


class InProcess:
    """The witness program's transport, answered by the API's own functions in this process (no HTTP)."""

    def get_json(self, path: str) -> object:
        if path.startswith("/api/results/heads/latest"):
            return {"head": tree.head_json(tree.latest_head())}
        query = dict(part.split("=") for part in path.split("?")[1].split("&"))
        proof = tree.consistency(int(query["first"]), int(query["second"]))
        return {"path": [h.hex() for h in proof.path]}

    def post_json(self, path: str, body: object) -> object:
        assert isinstance(body, dict)
        size = int(path.split("/")[4])
        tree.add_cosignature(size=size, public_key_hex=body["public_key"], signature_b64=body["signature"])
        return {}


def proof_times(entries: int, samples: int = 300) -> tuple[float, float]:
    """p95 of an inclusion proof served (the API's work: proof and entry read) and checked offline."""
    rng = random.Random(SEED)
    head = signed_head_from_json(tree.head_json(tree.latest_head())).head
    served, checked = [], []
    for _ in range(samples):
        seq = rng.randrange(min(entries, head.tree_size))
        t = time.perf_counter()
        proof = tree.inclusion(seq, head.tree_size)
        e = selectors.entry(seq)
        leaf = bulletin_leaf(e.seq, e.kind, e.payload_bytes, e.entry_hash)
        served.append(time.perf_counter() - t)
        t = time.perf_counter()
        verify_inclusion(leaf_hash(leaf), InclusionProof(seq, head.tree_size, proof.path), head.root_hash)
        checked.append(time.perf_counter() - t)
    return sorted(served)[int(samples * 0.95)], sorted(checked)[int(samples * 0.95)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--profile", help="write a cProfile of the timed phases to this file")
    args = parser.parse_args()
    scale = args.scale
    profiler = cProfile.Profile() if args.profile else None
    voters, stations, constituencies = int(VOTERS * scale), int(STATIONS * scale), int(CONSTITUENCIES * scale)
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    election_round, rows = _constituencies(_units(constituencies))
    ballots = _stations(election_round, rows, stations, voters)
    actions.open_round(actor=BENCH, election_round=election_round)  # before election day: not timed
    print(f"set-up (untimed): {ballots:,} ballots, {stations:,} stations, {constituencies:,} constituencies "
          f"in {time.perf_counter() - started:.1f} s")  # fmt: skip
    phases = []

    def timed(name: str, fn: Callable[[], T]) -> T:
        t = time.perf_counter()
        out = fn() if profiler is None else profiler.runcall(fn)
        phases.append((name, time.perf_counter() - t))
        return out

    def publish() -> None:
        closed = list(Station.objects.select_related("unit").order_by("pk"))
        for start in range(0, len(closed), PUBLISH_BATCH):
            actions.publish_stations(actor=BENCH, stations=closed[start : start + PUBLISH_BATCH])

    tree_seconds = [0.0]
    extend = board.extend_tree

    def counted_extend(size, rows):  # type: ignore[no-untyped-def]
        t = time.perf_counter()
        extend(size, rows)
        tree_seconds[0] += time.perf_counter() - t

    board.extend_tree = counted_extend  # type: ignore[assignment]
    timed("publish minutes and ballots (tree included)", publish)
    timed("sign a tree head", tree.issue_head)
    witnesses = [hashlib.sha256(f"bench-witness-{i}".encode()).digest() for i in range(2)]
    states = [WitnessState(tree.log_id()) for _ in witnesses]
    for i, w in enumerate(witnesses):
        states[i] = witness_round(InProcess(), states[i], board_key=board.public_key(), witness_key=w).state

    def results() -> None:
        seed = selectors.board_head().head_hash
        for c in Constituency.objects.select_related("unit").order_by("pk"):
            elections.set_lot_seed(actor=BENCH, constituency=c, seed=seed)
            actions.aggregate_constituency(actor=BENCH, constituency=c)
            actions.publish_result(actor=BENCH, constituency=c)

    timed("aggregate (recount-checked) and publish results", results)
    timed("sign the final tree head", tree.issue_head)
    rounds = []
    for i, w in enumerate(witnesses):
        t = time.perf_counter()
        states[i] = witness_round(InProcess(), states[i], board_key=board.public_key(), witness_key=w).state
        rounds.append(time.perf_counter() - t)
    phases.append(("two witness rounds (fetch, check consistency, co-sign, post)", sum(rounds)))
    out = Path(tempfile.mkdtemp(prefix="ostan-bench-publication-"))
    entries, _ = timed("export chain, keys, manifest and witnessed head", lambda: export_publication(out))
    pins = Pins(board_key=board.public_key(), witness_keys=tuple(public_key(w) for w in witnesses))
    outcome = timed("ostan verify (incl. tree root and witnesses)", lambda: verify_export(load(str(out)), pins=pins))
    served, checked = proof_times(entries)
    total = sum(s for _, s in phases)
    if profiler is not None:
        profiler.dump_stats(args.profile)
    size = (out / "chain.jsonl").stat().st_size
    print(f"figure: time from the last station's close to published, verified results ({ballots:,} ballots)")
    for name, seconds in phases:
        print(f"  {name}: {seconds:.1f} s")
    print(
        f"  chain: {entries:,} entries, {size / 1e6:.0f} MB; verify ok: {outcome.ok} ({len(outcome.problems)} problems)"
    )
    print(f"  of which the Merkle tree during publication: {tree_seconds[0]:.1f} s")
    print(f"  witness round: max {max(rounds) * 1000:.0f} ms (goal < 1 s)")
    print(f"  inclusion proof served: p95 {served * 1000:.2f} ms (goal < 20 ms); checked offline: p95 "
          f"{checked * 1000:.3f} ms (goal < 5 ms)")  # fmt: skip
    print(
        "reference: 235 s at 3,000,000 ballots before the tree (docs/performance.md); goals: not slower, verify < 60 s"
    )
    print(f"result: {total:.1f} s")
    if scale != 1.0:
        print(f"extrapolated to {VOTERS:,} ballots (linear in ballots, not measured): {total * VOTERS / ballots:.0f} s")


if __name__ == "__main__":
    main()
