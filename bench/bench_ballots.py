"""Ballots accepted per second from voting devices over real HTTP (gunicorn) and PostgreSQL: one
ballot per request, then the devices' journals uploaded in batches.

Setup writes the voting tokens check-ins would have left (hash, station, constituency) with COPY:
this benchmark times casting, not check-in (bench_checkin.py does that). Every request is signed.
Run: DATABASE_URL=postgres://ostan@127.0.0.1:54329/ostan .venv/bin/python bench/bench_ballots.py
Options by environment: BENCH_CLIENTS (8), BENCH_SINGLE (8000), BENCH_BATCHED (200000), BENCH_BATCH (500).
"""

from __future__ import annotations

import http.client
import json
import multiprocessing as mp
import os
import random
import statistics
import time
from typing import Any

from bench_checkin import bench_url, build_world, setup_django, start_server

CLIENTS = int(os.environ.get("BENCH_CLIENTS", "8"))
SINGLE = int(os.environ.get("BENCH_SINGLE", "8000"))
BATCHED = int(os.environ.get("BENCH_BATCHED", "200000"))
BATCH = int(os.environ.get("BENCH_BATCH", "500"))
PORT = 8765


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
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=120)
    latencies, accepted, statuses = [], 0, {}
    start.wait()
    for body, headers in requests:
        began = time.perf_counter()
        conn.request("POST", path, body=body, headers=headers)
        response = conn.getresponse()
        data = response.read()
        answer = json.loads(data) if data.startswith(b"{") else {"code": "non_json"}
        latencies.append(time.perf_counter() - began)
        statuses[response.status] = statuses.get(response.status, 0) + 1
        if response.status == 200:
            accepted += len(answer["accepted"]) if "accepted" in answer else 1
    out.put((latencies, accepted, statuses))


def run(path: str, batches: list[list[tuple[bytes, dict[str, str]]]]) -> tuple[float, list[float], int, dict[int, int]]:
    start, out = mp.Event(), mp.Queue()
    procs = [mp.Process(target=client, args=(path, b, start, out)) for b in batches]
    for p in procs:
        p.start()
    time.sleep(0.5)
    began = time.perf_counter()
    start.set()
    results = [out.get() for _ in procs]
    elapsed = time.perf_counter() - began
    for p in procs:
        p.join()
    statuses: dict[int, int] = {}
    for _, _, s in results:
        for k, v in s.items():
            statuses[k] = statuses.get(k, 0) + v
    return elapsed, sorted(x for lat, _, _ in results for x in lat), sum(a for _, a, _ in results), statuses


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
        elapsed, lat, accepted, statuses = run("/api/polling/ballots", singles)
        print(
            f"single: {accepted:,} ballots in {elapsed:.2f} s from {CLIENTS} devices: "
            f"{accepted / elapsed:,.0f} ballots/s"
        )
        print(
            f"  latency median {statistics.median(lat) * 1000:.2f} ms, p99 "
            f"{lat[int(len(lat) * 0.99) - 1] * 1000:.2f} ms; statuses {statuses}"
        )
        elapsed, lat, accepted, statuses = run("/api/polling/ballots/batch", batches)
        print(
            f"batched ({BATCH}/request): {accepted:,} ballots in {elapsed:.2f} s: {accepted / elapsed:,.0f} ballots/s"
        )
        print(
            f"  request latency median {statistics.median(lat) * 1000:.1f} ms, p99 "
            f"{lat[int(len(lat) * 0.99) - 1] * 1000:.1f} ms; statuses {statuses}"
        )
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
