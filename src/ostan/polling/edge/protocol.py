"""uvicorn's httptools protocol with check-ins answered straight from the parser.

At the peak of election day the device gateway (:mod:`ostan.polling.edge.gateway`) spends as much CPU on
carrying a check-in through ASGI as on the check-in itself: a scope, a request-response cycle and a
task per request, receive and send messages, each header checked again, and the answer written to
the socket in two writes (two system calls, two TCP segments). This protocol, run with
``uvicorn ostan.asgi:application --http ostan.polling.edge.protocol:DeviceHttpProtocol``, hands a
``POST /api/polling/check-ins`` to :meth:`DeviceGateway.answer <ostan.polling.edge.gateway.DeviceGateway.answer>`
as soon as its body is in and writes the answer in one write. The answer is the gateway's, byte for
byte what the ASGI path sends (tests/polling/test_device_http.py compares them over real sockets).

Everything else is uvicorn's own handling, unchanged: other paths and methods, a query string,
``Expect: 100-continue``, HTTP/1.0, upgrades, a concurrency limit, a root path, and a check-in
pipelined behind a request still being answered. A check-in in flight stands in for uvicorn's request-response cycle,
so requests pipelined behind it wait for it exactly as they would behind any other, and a shutdown
or a lost connection finds what it expects.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from uvicorn.protocols.http.httptools_impl import STATUS_LINE, HttpToolsProtocol

from ostan.polling.edge.wire import CHECK_IN_PATH, MAX_BODY, response_headers, signed_headers

if TYPE_CHECKING:
    from ostan.polling.edge.gateway import DeviceGateway

CHECK_IN_URL = CHECK_IN_PATH.encode("ascii")
INTERNAL_ERROR = b"Internal Server Error"

log = logging.getLogger(__name__)


class _NoEvent:
    """What uvicorn sets on a lost connection's cycle; nothing here waits on it."""

    def set(self) -> None:
        return None


class CheckInExchange:
    """One check-in on its way: its body as it arrives, then the answer's state (uvicorn's cycle API)."""

    def __init__(self, *, keep_alive: bool) -> None:
        self.keep_alive = keep_alive
        self.disconnected = False
        self.response_complete = False
        self.message_event = _NoEvent()
        self._chunks: list[bytes] = []
        self._size = 0

    def add(self, chunk: bytes) -> None:
        self._size += len(chunk)
        if self._size <= MAX_BODY:
            self._chunks.append(chunk)

    def body(self) -> bytes | None:
        """The whole body, or None when it was over MAX_BODY (answered 413, as the gateway does)."""
        return None if self._size > MAX_BODY else b"".join(self._chunks)


def find_gateway(app: Any) -> DeviceGateway | None:
    """The device gateway inside uvicorn's middleware around the application, if it is there."""
    from ostan.polling.edge.gateway import DeviceGateway  # with the application loaded, Django is set up

    while app is not None:
        if isinstance(app, DeviceGateway):
            return app
        app = getattr(app, "app", None)
    return None


class DeviceHttpProtocol(HttpToolsProtocol):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.gateway = find_gateway(self.app)
        self.exchange: CheckInExchange | None = None  # the message being read is a check-in on the short path

    def on_headers_complete(self) -> None:
        if self._takes_short_path():
            self.exchange = CheckInExchange(keep_alive=self.parser.should_keep_alive())
            self.cycle = self.exchange  # type: ignore[assignment]  # pipelined requests queue behind it
            return
        self.exchange = None
        super().on_headers_complete()

    def _takes_short_path(self) -> bool:
        return (
            self.gateway is not None
            and self.url == CHECK_IN_URL
            and self.parser.get_method() == b"POST"
            and self.parser.get_http_version() == "1.1"
            and not self.expect_100_continue
            and not self.parser.should_upgrade()
            and self.limit_concurrency is None
            and not self.root_path  # under a root path the ASGI path is another one: leave it to uvicorn
            and (self.cycle is None or self.cycle.response_complete)
        )

    def on_body(self, body: bytes) -> None:
        if self.exchange is None:
            super().on_body(body)
        else:
            self.exchange.add(body)

    def on_message_complete(self) -> None:
        exchange = self.exchange
        if exchange is None:
            super().on_message_complete()
            return
        self.exchange = None
        task = self.loop.create_task(self._answer(exchange, signed_headers(self.headers)))
        task.add_done_callback(self.tasks.discard)
        self.tasks.add(task)  # a graceful shutdown waits for it

    async def _answer(self, exchange: CheckInExchange, headers: dict[str, str]) -> None:
        assert self.gateway is not None
        try:
            status, body = await self.gateway.answer(CHECK_IN_PATH, headers, exchange.body())
        except Exception:  # the ASGI path's answer to the same failure: 500, and the connection closed
            log.exception("check-in failed")
            status, body, exchange.keep_alive = 500, INTERNAL_ERROR, False
        self._respond(exchange, status, body)

    def _respond(self, exchange: CheckInExchange, status: int, body: bytes) -> None:
        if exchange.disconnected or self.transport.is_closing():
            exchange.response_complete = True
            return
        content = [STATUS_LINE[status]]
        for name, value in self.server_state.default_headers:
            content += [name, b": ", value, b"\r\n"]
        if status == 500:
            content.append(b"content-type: text/plain; charset=utf-8\r\ncontent-length: %d\r\n" % len(body))
        else:
            for name, value in response_headers(body):
                content += [name, b": ", value, b"\r\n"]
        if not exchange.keep_alive:
            content.append(b"connection: close\r\n")
        content += [b"\r\n", body]
        self.transport.write(b"".join(content))
        exchange.response_complete = True
        if self.access_log:
            client = f"{self.client[0]}:{self.client[1]}" if self.client else "-"
            self.access_logger.info('%s - "POST %s HTTP/1.1" %d', client, CHECK_IN_PATH, status)
        if not exchange.keep_alive:
            self.transport.close()
        self.on_response_complete()
