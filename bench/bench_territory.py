"""Territory benchmark: loading the whole tree, and page/search latency under a local load generator.

    .venv/bin/python bench/bench_territory.py [--database-url postgres://ostan@127.0.0.1:54329/postgres]
                                              [--requests 400] [--concurrency 4] [--skip-sqlite]

(a) ``load_territory`` of the whole tree into a fresh SQLite file and a fresh PostgreSQL database
    (``ostan_bench_territory``, dropped and created on the server of ``--database-url`` or $DATABASE_URL),
    each timed in its own process, then a second, idempotent run;
(b) gunicorn (2 workers) on 127.0.0.1 over the loaded PostgreSQL database, and a threaded keep-alive client
    requesting a province page and the search API; median and p95 per endpoint.
Every request goes to this machine's loopback only; the loops are bounded in count.
"""

from __future__ import annotations

import argparse
import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
BENCH_DATABASE = "ostan_bench_territory"
LOAD_GOAL_S = 30.0
P95_GOAL_MS = 50.0
SEARCH_QUERIES = ("كرمانشاه", "اسلام آباد غرب", "آباد", "تهران", "شهر", "قلعه", "اراک", "بندر")


def manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(PYTHON), str(ROOT / "manage.py"), *args], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    )


def timed_load(env: dict[str, str]) -> tuple[float, str]:
    started = time.perf_counter()
    result = manage(env, "load_territory", "--no-progress")
    return time.perf_counter() - started, result.stdout.strip()


def load_sqlite() -> list[tuple[str, float, str]]:
    with tempfile.TemporaryDirectory(prefix="ostan-bench-") as var_dir:
        env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"} | {"OSTAN_VAR_DIR": var_dir}
        manage(env, "migrate", "--no-input", "-v0")
        first, report = timed_load(env)
        second, again = timed_load(env)
    return [("load, SQLite, fresh", first, report), ("load, SQLite, re-run", second, again)]


def fresh_postgres_url(server_url: str) -> str:
    parts = urllib.parse.urlsplit(server_url)
    admin = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {BENCH_DATABASE}")
        conn.execute(f"CREATE DATABASE {BENCH_DATABASE}")
    return urllib.parse.urlunsplit(parts._replace(path=f"/{BENCH_DATABASE}"))


def load_postgres(url: str) -> list[tuple[str, float, str]]:
    env = os.environ | {"DATABASE_URL": url}
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "createcachetable")
    first, report = timed_load(env)
    second, again = timed_load(env)
    return [("load, PostgreSQL, fresh", first, report), ("load, PostgreSQL, re-run", second, again)]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_ready(port: int, deadline_s: float = 30.0) -> None:
    end = time.monotonic() + deadline_s
    while time.monotonic() < end:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/territory/")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("gunicorn did not answer in time")


def hammer(port: int, paths: list[str], total: int, concurrency: int) -> list[float]:
    """``total`` GETs spread over ``concurrency`` keep-alive connections; latencies in ms."""
    latencies: list[float] = []
    lock = threading.Lock()

    def worker(index: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        mine = []
        for i in range(index, total, concurrency):
            path = paths[i % len(paths)]
            started = time.perf_counter()
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            mine.append((time.perf_counter() - started) * 1000)
            if response.status != 200:
                raise RuntimeError(f"{path} answered {response.status}")
        conn.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def latency(url: str, total: int, concurrency: int) -> list[tuple[str, list[float]]]:
    port = free_port()
    env = os.environ | {"DATABASE_URL": url, "OSTAN_DB_CONN_MAX_AGE": "600"}
    server = subprocess.Popen(
        [str(GUNICORN), "ostan.wsgi", "-w", "2", "-b", f"127.0.0.1:{port}", "--log-level", "warning"],
        env=env,
        cwd=ROOT,
    )
    try:
        wait_ready(port)
        unit_paths = ["/territory/u/05/", "/territory/u/23/", "/territory/u/00/", "/territory/u/0502/"]
        search_paths = [f"/api/territory/search?q={urllib.parse.quote(q)}" for q in SEARCH_QUERIES]
        hammer(port, unit_paths + search_paths, 40, concurrency)  # warm-up: connections, caches
        return [
            ("unit page /territory/u/<province|county>/", hammer(port, unit_paths, total, concurrency)),
            ("search API /api/territory/search?q=", hammer(port, search_paths, total, concurrency)),
        ]
    finally:
        server.terminate()
        server.wait(timeout=20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--latency-only", action="store_true", help=f"reuse the loaded {BENCH_DATABASE}")
    args = parser.parse_args()
    if not args.database_url.startswith("postgres"):
        sys.exit("give a PostgreSQL server: --database-url postgres://user@host:port/db or $DATABASE_URL")
    rows: list[tuple[str, str, str]] = []
    loads = [] if args.skip_sqlite or args.latency_only else load_sqlite()
    if args.latency_only:
        parts = urllib.parse.urlsplit(args.database_url)
        url = urllib.parse.urlunsplit(parts._replace(path=f"/{BENCH_DATABASE}"))
    else:
        url = fresh_postgres_url(args.database_url)
        loads += load_postgres(url)
    for name, seconds, report in loads:
        print(f"{name}: {report}")
        rows.append((name, f"< {LOAD_GOAL_S:.0f} s", f"{seconds:.1f} s (process, incl. start-up)"))
    for name, values in latency(url, args.requests, args.concurrency):
        summary = f"median {statistics.median(values):.1f} ms, p95 {p95(values):.1f} ms, n={len(values)}"
        rows.append((name, f"p95 < {P95_GOAL_MS:.0f} ms", summary))
    load_average = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"\nconcurrency {args.concurrency}, gunicorn -w 2, PostgreSQL database {BENCH_DATABASE}")
    print(f"{os.cpu_count()} CPUs, load average {load_average} (other work on the machine skews latency)\n")
    width = max(len(r[0]) for r in rows)
    print(f"{'figure':<{width}} | {'goal':<12} | result")
    print(f"{'-' * width}-+-{'-' * 12}-+-{'-' * 40}")
    for name, goal, result in rows:
        print(f"{name:<{width}} | {goal:<12} | {result}")


if __name__ == "__main__":
    main()
