"""Ballots accepted per second from voting devices over real HTTP (gunicorn) and PostgreSQL: one
ballot per request, then the devices' journals uploaded in batches.

Uses the server of DATABASE_URL with its own database ``ostan_bench_ballots`` (recreated each run).
Setup writes the voting tokens check-ins would have left (hash, station, constituency) with COPY:
this benchmark times casting, not check-in (bench_checkin.py does that). Every request is signed, ahead
of the timed phase, and sent over one keep-alive connection per device (see device_load.py); after
each phase the benchmark says where the machine's CPU went.
Run: DATABASE_URL=postgres://ostan@127.0.0.1:54329/ostan .venv/bin/python bench/bench_ballots.py
Options by environment: BENCH_DB (ostan_bench_ballots), BENCH_PORT (8766), BENCH_CLIENTS (8), BENCH_SINGLE (8000),
BENCH_BATCHED (200000), BENCH_BATCH (500),
BENCH_WORKERS (2), BENCH_THREADS (4): gunicorn's worker processes and threads per worker. The server's
environment passes through: OSTAN_WSGI_GC=default runs it with Python's garbage-collector setting
instead of ostan.wsgi's, for comparison.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import random
import statistics
import subprocess
import time
from typing import Any

import bench_checkin
from bench_checkin import ROOT, bench_url, build_world, setup_django
from device_load import CpuAccount, KeepAlive, request_bytes, wait_until_serving

CLIENTS = int(os.environ.get("BENCH_CLIENTS", "8"))
SINGLE = int(os.environ.get("BENCH_SINGLE", "8000"))
BATCHED = int(os.environ.get("BENCH_BATCHED", "200000"))
BATCH = int(os.environ.get("BENCH_BATCH", "500"))
# Its own database and port, so that it can run beside bench_checkin.py without dropping its database.
BENCH_DB = bench_checkin.BENCH_DB = os.environ.get("BENCH_DB", "ostan_bench_ballots")
PORT = int(os.environ.get("BENCH_PORT", "8766"))
GOAL_BATCHED = 20_000  # ballots per second from voting devices, batched
WORKERS = os.environ.get("BENCH_WORKERS", "2")
THREADS = os.environ.get("BENCH_THREADS", "4")


def start_server(url: str) -> subprocess.Popen[bytes]:
    """gunicorn serving ostan.wsgi, the path voting devices' ballots take."""
    env = {**os.environ, "DATABASE_URL": url, "OSTAN_DB_CONN_MAX_AGE": "600", "OSTAN_LOG_LEVEL": "ERROR"}
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "ostan.wsgi", "-w", WORKERS, "-k", "gthread", "--threads", THREADS,
         "--keep-alive", "60", "-b", f"127.0.0.1:{PORT}", "--log-level", "error"],
        env=env, cwd=ROOT,
    )  # fmt: skip
    return wait_until_serving(server, PORT, "gunicorn")


def tokens_for(world: dict[str, Any], count: int) -> list[list[tuple[str, str]]]:
    """Per client: (token, station) pairs, registered in the database as check-ins would."""
    from django.db import connection

    from ostan.polling.models import Station
    from ostan.polling.simulator import new_token

    stations = dict(Station.objects.values_list("code", "pk"))
    per_client: list[list[tuple[str, str]]] = []
    with (
        connection.cursor() as cursor,
        cursor.copy(
            "COPY polling_votingtoken (token_hash, station_id, constituency_id, is_redeemed) FROM STDIN"
        ) as copy,
    ):
        for _device_id, station in world["devices"]["voting"][:CLIENTS]:
            mine = []
            for _ in range(count // CLIENTS):
                token, hashed = new_token()
                copy.write_row((hashed, stations[station], world["constituency"], False))
                mine.append((token, station))
            per_client.append(mine)
    return per_client


def presign(
    device_id: str, station: str, bodies: list[object], path: str, offset: int = 0
) -> list[tuple[bytes, dict[str, str]]]:
    from ostan.polling.simulator import SimulatedDevice, seed_key

    device = SimulatedDevice(device_id=device_id, station_code=station, private_key=seed_key(device_id),
                             counter_start=int(time.time() * 1000) + offset)  # fmt: skip
    return [device.signed_json("POST", path, body) for body in bodies]


def ballot(rng: random.Random, token: str) -> dict[str, object]:
    from ostan.polling.simulator import new_ballot_id

    codes = rng.sample(range(100, 160), rng.randint(0, 9))
    return {"ballot_id": new_ballot_id(), "token": token, "codes": [str(c) for c in codes]}


def client(path: str, requests: list[tuple[bytes, dict[str, str]]], start: Any, out: Any) -> None:
    raw = [request_bytes("POST", path, body, headers, PORT) for body, headers in requests]
    conn = KeepAlive(PORT)
    latencies, answers = [], []
    start.wait()
    cpu = time.process_time()
    for request in raw:
        began = time.perf_counter()
        answers.append(conn.send(request))
        latencies.append(time.perf_counter() - began)
    cpu = time.process_time() - cpu
    accepted, statuses = 0, {}
    for status, data in answers:  # counted after the timed phase
        statuses[status] = statuses.get(status, 0) + 1
        if status == 200:
            answer = json.loads(data)
            accepted += sum(not a["is_duplicate"] for a in answer["accepted"]) if "accepted" in answer else 1
    out.put((latencies, accepted, statuses, cpu))


def run(
    path: str, batches: list[list[tuple[bytes, dict[str, str]]]], account: CpuAccount
) -> tuple[float, list[float], int, dict[int, int], float]:
    start, out = mp.Event(), mp.Queue()
    procs = [mp.Process(target=client, args=(path, b, start, out)) for b in batches]
    for p in procs:
        p.start()
    time.sleep(1.0)
    account.begin()
    began = time.perf_counter()
    start.set()
    results = [out.get(timeout=900) for _ in procs]
    elapsed = time.perf_counter() - began
    for p in procs:
        p.join()
    statuses: dict[int, int] = {}
    for _, _, s, _ in results:
        for k, v in s.items():
            statuses[k] = statuses.get(k, 0) + v
    latencies = sorted(x for lat, _, _, _ in results for x in lat)
    return elapsed, latencies, sum(a for _, a, _, _ in results), statuses, sum(c for _, _, _, c in results)


def main() -> None:
    url = bench_url()
    setup_django(url)
    world = build_world(stations=CLIENTS, devices_per_station={"voting": 1}, voters=10)
    rng = random.Random(1405)
    single_tokens = tokens_for(world, SINGLE)
    batch_tokens = tokens_for(world, BATCHED)
    devices = world["devices"]["voting"]
    singles = [presign(*devices[i], [ballot(rng, t) for t, _ in single_tokens[i]], "/api/polling/ballots")
               for i in range(CLIENTS)]  # fmt: skip
    batches = []
    for i in range(CLIENTS):
        items = [ballot(rng, t) for t, _ in batch_tokens[i]]
        bodies = [{"ballots": items[j : j + BATCH]} for j in range(0, len(items), BATCH)]
        batches.append(presign(*devices[i], bodies, "/api/polling/ballots/batch", offset=10**8))
    from django.db import connection

    connection.close()
    server = start_server(url)
    try:
        account = CpuAccount(server.pid, BENCH_DB)
        elapsed, lat, accepted, statuses, cpu = run("/api/polling/ballots", singles, account)
        print(
            f"single: {accepted:,} ballots in {elapsed:.2f} s from {CLIENTS} devices: "
            f"{accepted / elapsed:,.0f} ballots/s"
        )
        print(
            f"  latency median {statistics.median(lat) * 1000:.2f} ms, p99 "
            f"{lat[int(len(lat) * 0.99) - 1] * 1000:.2f} ms; statuses {statuses}"
        )
        print(account.report(cpu, len(lat), accepted))
        print(f"figure: single ballots/s; goal: as fast as possible; result {accepted / elapsed:,.0f}")
        account = CpuAccount(server.pid, BENCH_DB)
        elapsed, lat, accepted, statuses, cpu = run("/api/polling/ballots/batch", batches, account)
        print(
            f"batched ({BATCH}/request): {accepted:,} ballots in {elapsed:.2f} s: {accepted / elapsed:,.0f} ballots/s"
        )
        print(
            f"  request latency median {statistics.median(lat) * 1000:.1f} ms, p99 "
            f"{lat[int(len(lat) * 0.99) - 1] * 1000:.1f} ms; statuses {statuses}"
        )
        print(account.report(cpu, len(lat), accepted))
        rate = accepted / elapsed
        met = "yes" if rate >= GOAL_BATCHED else "no"
        print(f"figure: batched ballots/s; goal >= {GOAL_BATCHED:,}; result {rate:,.0f}; met: {met}")
    finally:
        server.terminate()
        server.wait()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT (SELECT count(*) FROM polling_castballot),"
            " (SELECT count(*) FROM polling_votingtoken WHERE is_redeemed)"
        )
        print("database: ballots stored {:,}, tokens spent {:,}".format(*cursor.fetchone()))


if __name__ == "__main__":
    main()
