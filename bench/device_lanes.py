"""Many devices from one client process: each lane is one device's keep-alive connection, sending its
requests one after another (the next when the answer to the last arrived), all lanes at once over
epoll. Lanes in one group move in lockstep: request k goes out on every lane of the group at the
same moment, and request k+1 only when all of them are answered (a race of one voter at two
stations). Requests are bytes made before the timed phase (see device_load.py); answers are read by
Content-Length and kept as bytes, to be parsed after the clock stops.
"""

from __future__ import annotations

import selectors
import socket
import time
from dataclasses import dataclass, field


@dataclass
class Lane:
    requests: list[bytes]
    sock: socket.socket | None = None
    sent_at: float = 0.0
    buffer: bytes = b""
    answers: list[tuple[int, bytes]] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)


def _answer(buffer: bytes) -> tuple[int, bytes, bytes] | None:
    """(status, body, rest) when ``buffer`` holds a whole answer, else None."""
    end = buffer.find(b"\r\n\r\n")
    if end < 0:
        return None
    head = buffer[:end].lower()
    at = head.find(b"content-length:")
    if at < 0:
        raise ConnectionError("an answer without Content-Length: " + buffer[:end].decode("latin-1"))
    length = int(head[at + 15 : head.find(b"\r\n", at) if head.find(b"\r\n", at) > 0 else None])
    start = end + 4
    if len(buffer) < start + length:
        return None
    return int(buffer[9:12]), buffer[start : start + length], buffer[start + length :]


def run_lanes(port: int, groups: list[list[Lane]]) -> None:
    """Send every lane's requests (see the module docstring); fills each lane's answers and latencies."""
    selector = selectors.DefaultSelector()
    waiting: dict[int, int] = {}  # group index -> lanes still waiting for the current step
    for g, group in enumerate(groups):
        for lane in group:
            lane.sock = socket.create_connection(("127.0.0.1", port))
            lane.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            lane.sock.setblocking(False)
            selector.register(lane.sock, selectors.EVENT_READ, (g, lane))
    for g, group in enumerate(groups):
        _step(group, 0)
        waiting[g] = len(group)
    active = len(groups)
    while active:
        for key, _ in selector.select():
            g, lane = key.data
            chunk = lane.sock.recv(1 << 16)  # type: ignore[union-attr]
            if not chunk:
                raise ConnectionError("the server closed a connection")
            lane.buffer += chunk
            parsed = _answer(lane.buffer)
            if parsed is None:
                continue
            status, body, lane.buffer = parsed
            lane.latencies.append(time.perf_counter() - lane.sent_at)
            lane.answers.append((status, body))
            waiting[g] -= 1
            if waiting[g]:
                continue
            step = len(lane.answers)
            if step < len(lane.requests):
                _step(groups[g], step)
                waiting[g] = len(groups[g])
            else:
                active -= 1
    for group in groups:
        for lane in group:
            selector.unregister(lane.sock)  # type: ignore[arg-type]
            lane.sock.close()  # type: ignore[union-attr]


def _step(group: list[Lane], k: int) -> None:
    for lane in group:
        lane.sent_at = time.perf_counter()
        lane.sock.sendall(lane.requests[k])  # type: ignore[union-attr]
