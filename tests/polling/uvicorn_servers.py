"""uvicorn serving ostan.asgi for real on the test database, as production runs it (docs/election-day.md)."""

from __future__ import annotations

import contextlib
import http.client
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
DEVICE_PROTOCOL = "ostan.polling.edge.protocol:DeviceHttpProtocol"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def uvicorn(*, http: str = DEVICE_PROTOCOL, workers: int = 1) -> Iterator[int]:
    """A running server's port. The world must be committed (transactional_db): the server is another process."""
    port = free_port()
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "ostan.settings"}
    command = [sys.executable, "-m", "uvicorn", "ostan.asgi:application", "--workers", str(workers), "--loop", "uvloop",
               "--http", http, "--port", str(port), "--host", "127.0.0.1", "--log-level", "warning"]  # fmt: skip
    server = subprocess.Popen(command, env=env, cwd=ROOT)
    try:
        for _ in range(150):
            try:
                conn = http_client(port)
                conn.request("GET", "/api/health")
                if conn.getresponse().status == 200:
                    break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError("uvicorn did not start")
        yield port
    finally:
        server.terminate()
        server.wait(timeout=30)


def http_client(port: int) -> http.client.HTTPConnection:
    return http.client.HTTPConnection("127.0.0.1", port, timeout=30)
