"""uvicorn's protocol with the check-in short path (ostan.polling.edge.protocol), over real sockets.

Two real servers on the test database: one with the short path, one with uvicorn's own httptools
protocol, where every check-in goes through ASGI to the gateway. Their answers must be the same
bytes (but for the date header), on keep-alive and pipelined connections, and every other request
must still reach Django in order.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from ostan.polling.models import CheckIn
from ostan.polling.simulator import SimulatedDevice, new_token
from tests.polling.uvicorn_servers import uvicorn
from tests.polling.world import CHECK_IN_PATH, PollingWorld, check_in_payload

Response = tuple[bytes, list[tuple[bytes, bytes]], bytes]  # status line, headers, body


@pytest.fixture
def servers(pw16: PollingWorld) -> Iterator[tuple[int, int]]:
    """(short path, ASGI path) ports."""
    with uvicorn() as short, uvicorn(http="httptools") as asgi:
        yield short, asgi


def request(path: str, body: bytes, headers: dict[str, str], *, method: str = "POST", close: bool = False) -> bytes:
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", f"Content-Length: {len(body)}"]
    lines += [f"{k}: {v}" for k, v in headers.items()]
    if close:
        lines.append("Connection: close")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def check_in(device: SimulatedDevice, payload: object, *, path: str = CHECK_IN_PATH, close: bool = False) -> bytes:
    body, headers = device.signed_json("POST", path, payload)
    return request(path, body, headers, close=close)


class Reader:
    def __init__(self, sock: socket.socket) -> None:
        self.sock, self.buffer = sock, b""

    def _fill(self) -> bool:
        chunk = self.sock.recv(65536)
        self.buffer += chunk
        return bool(chunk)

    def response(self) -> Response:
        while b"\r\n\r\n" not in self.buffer:
            assert self._fill(), "connection closed before a response"
        head, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
        status, *lines = head.split(b"\r\n")
        headers = [(n.lower(), v) for n, v in (line.split(b": ", 1) for line in lines)]
        length = int(dict(headers)[b"content-length"])
        while len(self.buffer) < length:
            assert self._fill(), "connection closed inside a body"
        body, self.buffer = self.buffer[:length], self.buffer[length:]
        return status, headers, body

    def closed(self) -> bool:
        return not self.buffer and not self._fill()


def exchange(port: int, *requests: bytes, together: bool = False, closes: bool = False) -> list[Response]:
    """Send the requests on one connection (one write when ``together``) and read their answers; with
    ``closes``, the server must then close the connection."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        reader = Reader(sock)
        answers = []
        if together:
            sock.sendall(b"".join(requests))
            answers = [reader.response() for _ in requests]
        else:
            for r in requests:
                sock.sendall(r)
                answers.append(reader.response())
        if closes:
            sock.settimeout(5)
            assert reader.closed(), "the server kept the connection open"
        return answers


def without_date(response: Response) -> Response:
    status, headers, body = response
    return status, [(n, v) for n, v in headers if n != b"date"], body


def data(response: Response) -> Any:
    return json.loads(response[2])


def test_every_answer_is_the_asgi_paths(pw16: PollingWorld, servers: tuple[int, int]) -> None:
    short, asgi = servers
    code, auth, voting = pw16.voters[0], pw16.auth[0], pw16.voting[0]
    body, headers = auth.signed_json("POST", CHECK_IN_PATH, check_in_payload(code, new_token()[1]))
    cases: dict[str, Callable[[], bytes]] = {
        "bad national code": lambda: check_in(auth, check_in_payload("0000000001", new_token()[1])),
        "identity not confirmed": lambda: check_in(auth, {**check_in_payload(code, new_token()[1]), "evidence": "9"}),
        "not on the roll": lambda: check_in(auth, check_in_payload("0012345679", new_token()[1])),
        "link down": lambda: check_in(auth, check_in_payload(code, new_token()[1], is_link_down=True)),
        "bad token hash": lambda: check_in(auth, check_in_payload(code, "x" * 64)),
        "voting device": lambda: check_in(voting, check_in_payload(code, new_token()[1])),
        "invalid body": lambda: check_in(auth, {"request_id": "r1"}),
        "not json": lambda: request(CHECK_IN_PATH, b"{", auth.sign("POST", CHECK_IN_PATH, b"{")),
        "unsigned": lambda: request(CHECK_IN_PATH, body, {"Content-Type": "application/json"}),
        "forged": lambda: request(CHECK_IN_PATH, body, {**headers, "X-Ostan-Signature": "A" * 86}),
        "too large": lambda: request(CHECK_IN_PATH, b" " * (64 * 1024 + 1), {"Content-Type": "application/json"}),
    }
    for name, make in cases.items():
        (a,) = exchange(short, make())
        (b,) = exchange(asgi, make())
        assert without_date(a) == without_date(b), name
        assert data(a).get("is_accepted") is not True, name
    replay = check_in(auth, check_in_payload(code, new_token()[1]))  # signed after the cases: the newest counter
    (accepted, again) = exchange(short, replay, replay)
    assert data(accepted)["is_accepted"]
    assert data(again)["code"] == "replayed_request"
    # an acceptance: the same headers and fields (the values differ: another voter, another time)
    (a,) = exchange(short, check_in(pw16.auth[0], check_in_payload(pw16.voters[1], new_token()[1])))
    (b,) = exchange(asgi, check_in(pw16.auth[1], check_in_payload(pw16.voters[2], new_token()[1])))
    assert without_date(a)[:2] == without_date(b)[:2]
    assert data(a).keys() == data(b).keys()
    assert (data(a)["is_accepted"], data(a)["is_retry"], data(a)["station_code"]) == (True, False, "A001")


@pytest.fixture
def short(pw16: PollingWorld) -> Iterator[int]:
    """The short path's port."""
    with uvicorn() as port:
        yield port


def test_a_connection_keeps_order_across_check_ins_retries_django_and_pipelining(
    pw16: PollingWorld, short: int
) -> None:
    payload = check_in_payload(pw16.voters[3], new_token()[1], "keep")
    health = request("/api/health", b"", {}, method="GET")
    answers = exchange(short, check_in(pw16.auth[0], payload), check_in(pw16.auth[0], payload), health)
    assert [r[0] for r in answers] == [b"HTTP/1.1 200 OK"] * 3
    assert (data(answers[0])["is_retry"], data(answers[1])["is_retry"]) == (False, True)
    assert data(answers[2])["status"] == "ok"  # the connection was kept alive for it
    assert CheckIn.objects.filter(national_code=pw16.voters[3]).count() == 1
    # pipelined: four requests in one write, a Django one among them
    first = check_in(pw16.auth[0], check_in_payload(pw16.voters[4], new_token()[1]))
    page = request(CHECK_IN_PATH, b"", {}, method="GET")  # not a check-in: Django answers, 405
    second = check_in(pw16.auth[1], check_in_payload(pw16.voters[5], new_token()[1]))
    taken = check_in(pw16.auth[2], check_in_payload(pw16.voters[4], new_token()[1]))
    answers = exchange(short, first, page, second, taken, together=True)
    assert [r[0][:12] for r in answers] == [b"HTTP/1.1 200", b"HTTP/1.1 405", b"HTTP/1.1 200", b"HTTP/1.1 200"]
    assert [data(answers[i])["reason_code"] for i in (0, 2, 3)] == ["accepted", "accepted", "already_voted"]
    assert data(answers[3])["message"].startswith("قبلاً در شعبه A۰۰۱")


def test_connection_close_is_honoured_and_a_query_string_takes_the_asgi_path(pw16: PollingWorld, short: int) -> None:
    request_ = check_in(pw16.auth[0], check_in_payload(pw16.voters[6], new_token()[1]), close=True)
    (answer,) = exchange(short, request_, closes=True)
    assert (b"connection", b"close") in answer[1]
    assert data(answer)["is_accepted"]
    path = CHECK_IN_PATH + "?from=test"
    (answer,) = exchange(short, check_in(pw16.auth[1], check_in_payload(pw16.voters[7], new_token()[1]), path=path))
    assert data(answer)["is_accepted"]  # signed with its query string, answered by the gateway through ASGI
