"""Check-ins per second with the exactly-once guarantee, over real HTTP and PostgreSQL, then 10,000
double-check-in races counting double votes.

Every request is a real signed device request (Ed25519) to /api/polling/check-ins. The server is
uvicorn serving ostan.asgi (the device gateway: group commit, ostan.polling.edge.gateway), or with
BENCH_SERVER=gunicorn the Django API endpoint through ostan.wsgi (the path the gateway replaced,
for comparison). Each authentication device is one keep-alive connection sending its check-ins one
after another; BENCH_DEVICES connections at once, spread over BENCH_CLIENTS client processes (epoll,
see device_lanes.py), each carrying the requests of BENCH_STATIONS / BENCH_DEVICES stations' devices
in turn (a device's counter row is then updated about as often as on election day, not hundreds of
times a second). Requests are signed and laid out as bytes before the timed phase (signing is
the device's work, not the centre's; see device_load.py). A race sends the same voter to two
stations at the same instant. After each phase the benchmark says where the machine's CPU went:
the server, PostgreSQL, the clients, and other work sharing the cores.

Uses the server of DATABASE_URL with its own database ``ostan_bench_polling`` (recreated each run).
Run: DATABASE_URL=postgres://ostan@127.0.0.1:54329/ostan .venv/bin/python bench/bench_checkin.py
Options by environment: BENCH_DB (ostan_bench_polling), BENCH_PORT (8765),
BENCH_SERVER (uvicorn | gunicorn), BENCH_DEVICES (64), BENCH_STATIONS (640),
BENCH_CLIENTS (2),
BENCH_CHECKINS (40000), BENCH_RACES (10000), BENCH_RACE_PAIRS (16), BENCH_WORKERS (2),
BENCH_THREADS (4, gunicorn only), BENCH_HTTP (uvicorn's protocol: ostan.polling.edge.protocol:DeviceHttpProtocol,
the check-in short path, or httptools for every request through ASGI).
"""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from device_lanes import Lane, run_lanes
from device_load import CpuAccount, request_bytes, wait_until_serving
from ostan.core.access import Actor

BENCH = Actor.system("benchmark")

BENCH_DB = os.environ.get("BENCH_DB", "ostan_bench_polling")  # a name of its own beside other runs
ROOT = Path(__file__).resolve().parent.parent
PORT = int(os.environ.get("BENCH_PORT", "8765"))
SERVER = os.environ.get("BENCH_SERVER", "uvicorn")
DEVICES = int(os.environ.get("BENCH_DEVICES", "64"))  # requests in flight at once: one connection each
STATIONS = int(os.environ.get("BENCH_STATIONS", "640"))  # each with its authentication device
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "2"))
CHECKINS = int(os.environ.get("BENCH_CHECKINS", "40000"))
RACES = int(os.environ.get("BENCH_RACES", "10000"))
RACE_PAIRS = int(os.environ.get("BENCH_RACE_PAIRS", "16"))
WORKERS = os.environ.get("BENCH_WORKERS", "2")
THREADS = os.environ.get("BENCH_THREADS", "4")
HTTP = os.environ.get("BENCH_HTTP", "ostan.polling.edge.protocol:DeviceHttpProtocol")  # uvicorn only; or httptools
PATH = "/api/polling/check-ins"
GOAL = 2_000  # check-ins per second, with the exactly-once guarantee


def bench_url() -> str:
    import psycopg

    parts = urlsplit(os.environ.get("DATABASE_URL", "postgres://ostan@127.0.0.1:54329/ostan"))
    admin = urlunsplit(parts._replace(path="/postgres"))
    if os.environ.get("BENCH_KEEP_DB") != "1":
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{BENCH_DB}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{BENCH_DB}"')
    return urlunsplit(parts._replace(path=f"/{BENCH_DB}"))


def setup_django(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ostan.settings")
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from ostan import durability

    found = durability.status()
    if found.is_durable:
        print(
            "database: durable (fsync, synchronous_commit and full_page_writes on): every acknowledged write is on disk"
        )
    else:
        # A fast, unsafe server: the figures then do not say what election day would see. The servers the
        # benchmark starts must still accept device requests, which production refuses on such a database.
        os.environ["OSTAN_REQUIRE_DURABLE"] = "0"
        print(f"database: NOT durable ({', '.join(found.problems)}): figures for a server that may lose writes")


def build_world(stations: int, devices_per_station: dict[str, int], voters: int) -> dict[str, Any]:
    """Territory, a round, a city constituency with candidates, stations, devices and a synthetic roll."""
    import datetime as dt

    from django.core.management import call_command

    from ostan.core.polling.devices import device_keys
    from ostan.core.text import search_key
    from ostan.elections import actions as elections
    from ostan.elections.models import ConstituencyKind
    from ostan.polling import actions
    from ostan.polling.models import RollVoter
    from ostan.polling.simulator import seed_key
    from ostan.territory.models import Unit, UnitKind

    call_command("migrate", verbosity=0)

    def unit(code: str, kind: str, name: str, parent: Unit | None, population: int | None = None) -> Unit:
        path = f"{parent.path}/{code}" if parent else code
        return Unit.objects.create(code=code, kind=kind, name=name, search_key=search_key(name), parent=parent,
                                   path=path, depth=path.count("/"), population=population)  # fmt: skip

    country = unit("IR", UnitKind.COUNTRY, "ایران", None)
    province = unit("00", UnitKind.PROVINCE, "مرکزی", country)
    county = unit("0001", UnitKind.COUNTY, "اراک", province)
    district = unit("000102", UnitKind.DISTRICT, "مرکزی", county)
    city = unit("0001021101", UnitKind.CITY, "اراک", district, population=520_944)
    rnd = elections.create_round(actor=BENCH, number=7, name="دوره هفتم", election_date=dt.date(2026, 5, 29))
    c = elections.create_constituency(actor=BENCH, election_round=rnd, unit=city, kind=ConstituencyKind.CITY_COUNCIL)
    from ostan.core.polling.names import LAST_NAMES, MALE_FIRST_NAMES

    rows = "code,first_name,last_name,education\n" + "".join(
        f"{100 + i},{MALE_FIRST_NAMES[i]},{LAST_NAMES[i]},کارشناسی\n" for i in range(60)
    )
    elections.import_candidates(actor=BENCH, constituency=c, file_name="c.csv", data=rows.encode())
    devices: dict[str, list[tuple[str, str]]] = {}
    for s in range(stations):
        station = actions.create_station(actor=BENCH, election_round=rnd, code=f"S{s:03d}", address="-", unit=city,
                                         constituencies=[c])  # fmt: skip
        for kind, count in devices_per_station.items():
            for d in range(count):
                device_id = f"{station.code}-{kind}-{d}"
                public = device_keys(seed_key(device_id)).public_key.hex()
                actions.register_device(actor=BENCH, station=station, device_id=device_id, kind=kind, public_key=public)
                devices.setdefault(kind, []).append((device_id, station.code))
    actions.generate_roll(actor=BENCH, election_round=rnd, unit=city, size=voters, seed=1405)
    codes = list(RollVoter.objects.order_by("national_code").values_list("national_code", flat=True))
    return {"devices": devices, "codes": codes, "constituency": c.pk}


def start_server(url: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "DATABASE_URL": url, "OSTAN_DB_CONN_MAX_AGE": "600", "OSTAN_LOG_LEVEL": "ERROR"}
    if SERVER == "gunicorn":
        command = [str(ROOT / ".venv/bin/gunicorn"), "ostan.wsgi", "-w", WORKERS, "-k", "gthread", "--threads", THREADS,
                   "--keep-alive", "60", "-b", f"127.0.0.1:{PORT}", "--log-level", "error"]  # fmt: skip
    else:
        command = [str(ROOT / ".venv/bin/uvicorn"), "ostan.asgi:application", "--workers", WORKERS, "--loop", "uvloop",
                   "--http", HTTP, "--no-access-log", "--log-level", "warning", "--timeout-keep-alive", "60",
                   "--port", str(PORT), "--host", "127.0.0.1"]  # fmt: skip
    server = subprocess.Popen(command, env=env, cwd=ROOT)
    return wait_until_serving(server, PORT, SERVER)


def presign(devices: list[tuple[str, str]], codes: list[str], tag: str) -> list[tuple[bytes, dict[str, str]]]:
    """One lane's requests: the i-th voter checked in by the i-th of ``devices`` in turn."""
    from ostan.polling.simulator import SimulatedDevice, new_token, seed_key

    start = int(time.time() * 1000)
    simulated = [SimulatedDevice(device_id=d, station_code=s, private_key=seed_key(d), counter_start=start)
                 for d, s in devices]  # fmt: skip
    signed = []
    for i, code in enumerate(codes):
        device = simulated[i % len(simulated)]
        payload = {
            "request_id": f"{tag}-{i}",
            "national_code": code,
            "evidence": code[-4:],
            "token_hash": new_token()[1],
        }
        signed.append(device.signed_json("POST", PATH, payload))
    return signed


def client(index: int, groups: list[list[list[tuple[bytes, dict[str, str]]]]], start: Any, out: Any) -> None:
    """One client process: its groups of lanes (see device_lanes.py), answers parsed after the clock."""
    lanes = [[Lane([request_bytes("POST", PATH, body, headers, PORT) for body, headers in requests])
              for requests in group] for group in groups]  # fmt: skip
    start.wait()
    cpu = time.process_time()
    run_lanes(PORT, lanes)
    cpu = time.process_time() - cpu
    collected = []
    for group in lanes:
        for lane in group:
            results = []
            for status, data in lane.answers:
                answer = json.loads(data) if data.startswith(b"{") else {"code": "non_json"}
                results.append((status, answer.get("reason_code") or answer.get("code"), answer.get("is_retry", False)))
            collected.append((lane.latencies, results))
    out.put((index, collected, cpu))


def run_clients(per_client: list[Any], account: CpuAccount) -> tuple[float, list[Any], float]:
    """Run the client processes at once; (seconds, [(latencies, results)] lane by lane in order, client CPU)."""
    start, out = mp.Event(), mp.Queue()
    procs = [mp.Process(target=client, args=(i, groups, start, out)) for i, groups in enumerate(per_client)]
    for p in procs:
        p.start()
    time.sleep(1.0)
    account.begin()
    began = time.perf_counter()
    start.set()
    collected = sorted(out.get(timeout=900) for _ in procs)  # by client: answers arrive in any order
    elapsed = time.perf_counter() - began
    for p in procs:
        p.join()
    return elapsed, [lane for _, lanes, _ in collected for lane in lanes], sum(cpu for _, _, cpu in collected)


def throughput(world: dict[str, Any], server: subprocess.Popen[bytes]) -> None:
    per_device = CHECKINS // DEVICES
    codes = world["codes"]
    devices = world["devices"]["auth"]
    lanes = [[presign(devices[i:STATIONS:DEVICES], codes[i * per_device : (i + 1) * per_device], f"t{i}")]
             for i in range(DEVICES)]  # fmt: skip
    account = CpuAccount(server.pid, BENCH_DB)
    elapsed, collected, client_cpu = run_clients([lanes[c::CLIENTS] for c in range(CLIENTS)], account)
    latencies = sorted(x for lat, _ in collected for x in lat)
    outcomes: dict[str, int] = {}
    for _, results in collected:
        for status, reason, _ in results:
            outcomes[f"{status} {reason}"] = outcomes.get(f"{status} {reason}", 0) + 1
    print(f"check-ins ({SERVER}): {len(latencies):,} signed requests from {STATIONS} stations' devices over "
          f"{DEVICES} connections ({CLIENTS} client processes) in {elapsed:.2f} s")  # fmt: skip
    print(f"  throughput {len(latencies) / elapsed:,.0f} check-ins/s; outcomes {outcomes}")
    p99 = latencies[int(len(latencies) * 0.99) - 1]
    print(f"  latency median {statistics.median(latencies) * 1000:.2f} ms, p99 {p99 * 1000:.2f} ms")
    print(account.report(client_cpu, len(latencies), len(latencies)))
    rate = len(latencies) / elapsed
    met = "yes" if rate >= GOAL else "no"
    print(f"figure: check-ins/s (exactly once, {SERVER}); goal >= {GOAL:,}; result {rate:,.0f}; met: {met}")


def races(world: dict[str, Any], server: subprocess.Popen[bytes]) -> None:
    per_pair = RACES // RACE_PAIRS
    codes = world["codes"][CHECKINS : CHECKINS + RACES]
    devices = world["devices"]["auth"][STATIONS:]
    pairs = []
    for pair in range(RACE_PAIRS):
        pair_codes = codes[pair * per_pair : (pair + 1) * per_pair]
        pairs.append([presign([devices[pair * 2 + side]], pair_codes, f"race{pair}-{side}") for side in range(2)])
    elapsed, collected, _ = run_clients([pairs[c::CLIENTS] for c in range(CLIENTS)], CpuAccount(server.pid, BENCH_DB))
    pair_order = [pair for c in range(CLIENTS) for pair in range(RACE_PAIRS)[c::CLIENTS]]  # as collected
    fresh: dict[str, int] = {}
    for lane_index, (_, results) in enumerate(collected):
        pair = pair_order[lane_index // 2]
        pair_codes = codes[pair * per_pair : (pair + 1) * per_pair]
        for code, (status, reason, is_retry) in zip(pair_codes, results, strict=True):
            if status == 200 and reason == "accepted" and not is_retry:
                fresh[code] = fresh.get(code, 0) + 1
    doubles = sum(1 for n in fresh.values() if n > 1)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM polling_checkin WHERE national_code = ANY(%s)", [codes])
        stored = cursor.fetchone()[0]
        cursor.execute("SELECT (SELECT count(*) FROM polling_checkin), (SELECT count(*) FROM polling_votingtoken)")
        checkins, tokens = cursor.fetchone()
    print(f"races: {per_pair * RACE_PAIRS:,} races (one voter, two stations, same instant; {RACE_PAIRS} pairs "
          f"of devices at once) in {elapsed:.2f} s")  # fmt: skip
    print(f"  voters accepted {len(fresh):,}; double votes (accepted at both stations): {doubles}")
    print(f"  database: {stored:,} check-ins for the raced voters; all check-ins {checkins:,} = tokens {tokens:,}")
    print(f"figure: double votes in {per_pair * RACE_PAIRS:,} races ({SERVER}); goal 0; result {doubles}; "
          f"met: {'yes' if doubles == 0 else 'no'}")  # fmt: skip


def main() -> None:
    url = bench_url()
    setup_django(url)
    devices = STATIONS + 2 * RACE_PAIRS
    t0 = time.perf_counter()
    world = build_world(stations=devices, devices_per_station={"auth": 1}, voters=CHECKINS + RACES + 1000)
    print(f"setup: {len(world['codes']):,} roll voters, {devices} stations in {time.perf_counter() - t0:.1f} s")
    from django.db import connection

    connection.close()
    server = start_server(url)
    try:
        throughput(world, server)
        races(world, server)
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
