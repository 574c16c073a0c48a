"""The load generator's parts shared by the polling benchmarks: a cheap keep-alive HTTP client and
an account of where the machine's CPU went during a timed phase.

The client shares the two cores with the server, so it must cost little: each request is sent as
bytes built before the timed phase (a device signs each request once, so signing ahead is the
device's own work done early, not the centre's skipped), over one keep-alive connection per client
process, and each answer is read by its Content-Length without an HTTP library.

:class:`CpuAccount` reads /proc before and after: the server's processes (gunicorn and its
workers), PostgreSQL's backends, the client processes, and whatever else ran on the machine
(other work sharing the cores), each in CPU seconds, against the cores' total wall time.
"""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")


def wait_until_serving(server: subprocess.Popen[bytes], port: int, name: str) -> subprocess.Popen[bytes]:
    """``server`` once /api/health answers 200 on ``port`` (BENCH_START_SECONDS, 20 s by default, at most:
    a machine shared with other jobs may need longer); else exit: ``name`` did not start."""
    for _ in range(int(float(os.environ.get("BENCH_START_SECONDS", "20")) * 5)):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/api/health")
            if conn.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit(f"{name} did not start")


def request_bytes(method: str, path: str, body: bytes, headers: dict[str, str], port: int) -> bytes:
    lines = [f"{method} {path} HTTP/1.1", f"Host: 127.0.0.1:{port}", f"Content-Length: {len(body)}"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


class KeepAlive:
    """One persistent connection; :meth:`send` returns (status, body)."""

    def __init__(self, port: int) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.buffer = b""

    def send(self, request: bytes) -> tuple[int, bytes]:
        self.sock.sendall(request)
        while b"\r\n\r\n" not in self.buffer:
            self._read()
        head, _, rest = self.buffer.partition(b"\r\n\r\n")
        status = int(head[9:12])
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        if length == 0 and b"content-length" not in head.lower():
            raise ConnectionError("an answer without Content-Length: " + head.decode("latin-1"))
        while len(rest) < length:
            rest += self._chunk()
        self.buffer = rest[length:]
        return status, rest[:length]

    def _chunk(self) -> bytes:
        data = self.sock.recv(1 << 20)
        if not data:
            raise ConnectionError("the server closed the connection")
        return data

    def _read(self) -> None:
        self.buffer += self._chunk()


def _ticks(pid: int) -> int:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    return int(fields[11]) + int(fields[12])  # utime + stime


def _descendants(pid: int) -> set[int]:
    found, todo = set(), [pid]
    while todo:
        current = todo.pop()
        found.add(current)
        for task in Path(f"/proc/{current}/task").glob("*/children"):
            todo += [int(child) for child in task.read_text().split()]
    return found


def _postgres(database: str) -> set[int]:
    """The server's own processes (writers, autovacuum) and the backends of ``database``: not other
    databases' backends, which belong to other work sharing the machine."""
    pids = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if not (entry / "comm").read_text().startswith("postgres"):
                    continue
                title = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
            except OSError:
                continue
            if not title.startswith("postgres: ostan ") or f" {database} " in title:
                pids.add(int(entry.name))
    return pids


def _machine() -> tuple[int, int]:
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return sum(values), values[3] + values[4]  # all ticks, idle + iowait


@dataclass(frozen=True)
class Snapshot:
    server: dict[int, int]
    postgres: dict[int, int]
    machine: tuple[int, int]
    at: float


def _spent(before: dict[int, int], after: dict[int, int]) -> float:
    return sum(t - before.get(pid, 0) for pid, t in after.items()) / TICK


@dataclass
class CpuAccount:
    """CPU seconds per part of the system over one timed phase."""

    server_pid: int
    database: str
    start: Snapshot | None = field(default=None)

    def begin(self) -> None:
        self.start = self._snapshot()

    def _snapshot(self) -> Snapshot:
        server = {pid: _ticks(pid) for pid in _descendants(self.server_pid)}
        postgres = {pid: _ticks(pid) for pid in _postgres(self.database)}
        return Snapshot(server, postgres, _machine(), time.perf_counter())

    def report(self, client_seconds: float, requests: int, items: int) -> str:
        end, start = self._snapshot(), self.start
        assert start is not None
        wall = end.at - start.at
        busy = ((end.machine[0] - start.machine[0]) - (end.machine[1] - start.machine[1])) / TICK
        server, postgres = _spent(start.server, end.server), _spent(start.postgres, end.postgres)
        other = max(0.0, busy - server - postgres - client_seconds)
        cores = os.cpu_count() or 1
        per = 1e6 / max(items, 1)
        share = client_seconds / max(busy, 1e-9)
        return (
            f"  CPU over {wall:.1f} s x {cores} cores = {wall * cores:.1f} core-s: "
            f"server {server:.1f} s ({server * per:.0f} us/item), "
            f"PostgreSQL {postgres:.1f} s ({postgres * per:.0f} us/item), "
            f"client {client_seconds:.1f} s ({client_seconds * per:.0f} us/item, {share:.0%} of busy CPU), "
            f"other work on the machine {other:.1f} s, idle {max(0.0, wall * cores - busy):.1f} s; "
            f"load average {os.getloadavg()[0]:.2f}"
        )
