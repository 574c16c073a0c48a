"""Election day's device gateway: check-ins as a lean ASGI application with group commit.

At the peak of election day every station's authentication device sends check-ins at once. Through
Django's request cycle a check-in cost milliseconds of CPU, most of it the cycle and not the
check-in, and each one was its own transaction. Here one event loop per process takes every request
(uvicorn, with httptools and uvloop), checks its signature and body, and hands it to one committer
thread, which settles everything that is waiting with two statements
(:func:`ostan.polling.checkin_batches.settle`). While the database works on one batch the
next one gathers, so a batch is exactly as big as the load: one at night, hundreds at the peak.

The contract is the API's (``POST /api/polling/check-ins`` in :mod:`ostan.polling.api`, which stays
the documented endpoint and serves the same decisions on any server): the same body schema, the same
order of checks (body, then signature, then the check-in), the same answers and error bodies, byte
for byte (tests/polling/test_gateway.py compares them). Every other path goes to Django's ASGI
application unchanged.

Run it with ``uvicorn ostan.asgi:application --loop uvloop --http
ostan.polling.edge.protocol:DeviceHttpProtocol --workers N`` (see docs/election-day.md): that protocol
hands check-ins to :meth:`DeviceGateway.answer` straight from the HTTP parser, without ASGI, and any
other uvicorn protocol reaches the same method through ASGI. A request whose batch does not finish
within ``ANSWER_SECONDS`` is answered 503 ``busy``; if its batch commits later, the device's retry
(same request id) gets the acceptance.
"""

from __future__ import annotations

import asyncio
import json
import logging
import queue
import threading
from collections import deque
from collections.abc import Awaitable, Callable, MutableMapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from django.db import connection
from django.utils import timezone
from ninja.responses import NinjaJSONEncoder
from pydantic import ValidationError

from ostan.core.errors import DomainError
from ostan.polling.api import CheckInIn, check_in_answer
from ostan.polling.checkin_requests import Outcome, PendingCheckIn
from ostan.polling.checkin_settlement import prepare_check_in, settle_check_ins
from ostan.polling.device_requests import Registration, cached_registration, registration, signed_request, verify
from ostan.polling.edge.wire import CHECK_IN_PATH, MAX_BODY, response_headers, signed_headers
from ostan.polling.errors import Busy
from ostan.polling.models import DeviceKind

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[..., Awaitable[None]]  # Django's handler types its arguments as narrower mappings

MAX_BATCH = 500  # check-ins settled by one pair of statements
ANSWER_SECONDS = 10.0

log = logging.getLogger(__name__)

Waiting = tuple[PendingCheckIn, "asyncio.Future[Outcome]", asyncio.AbstractEventLoop]


class CheckInCommitter:
    """A thread with its own database connection that settles whatever check-ins are waiting."""

    def __init__(self, max_batch: int = MAX_BATCH) -> None:
        self.max_batch = max_batch
        self._queue: queue.SimpleQueue[Waiting | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def submit(self, pending: PendingCheckIn) -> asyncio.Future[Outcome]:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[Outcome] = loop.create_future()
        if self._thread is None:  # not Thread.is_alive(): that costs a lock round per request
            self.start()
        self._queue.put((pending, future, loop))
        return future

    def start(self) -> None:
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="ostan-check-in-committer", daemon=True)
                self._thread.start()

    def stop(self) -> None:
        with self._lock:
            thread, self._thread = self._thread, None
        if thread is not None:
            self._queue.put(None)
            thread.join()

    def _run(self) -> None:
        try:
            while (first := self._queue.get()) is not None:
                batch = [first]
                while len(batch) < self.max_batch:
                    try:
                        item = self._queue.get_nowait()
                    except queue.Empty:
                        break
                    if item is None:
                        self._queue.put(None)  # stop after this batch
                        break
                    batch.append(item)
                self._answer(batch, self._settle([p for p, _, _ in batch]))
        finally:
            connection.close()

    def _settle(self, pending: list[PendingCheckIn]) -> list[Outcome | BaseException]:
        try:
            connection.close_if_unusable_or_obsolete()
            return list(settle_check_ins(pending))
        except Exception as exc:  # answered 500 below, and logged: never a silent loss
            log.exception("check-in batch of %d failed", len(pending))
            return [exc] * len(pending)

    @staticmethod
    def _answer(batch: list[Waiting], outcomes: list[Outcome | BaseException]) -> None:
        by_loop: dict[asyncio.AbstractEventLoop, list[tuple[asyncio.Future[Outcome], Any]]] = {}
        for (_, future, loop), outcome in zip(batch, outcomes, strict=True):
            by_loop.setdefault(loop, []).append((future, outcome))
        for loop, answers in by_loop.items():  # one wake-up of each loop for the whole batch
            loop.call_soon_threadsafe(_resolve, answers)


def _resolve(answers: list[tuple[asyncio.Future[Outcome], Any]]) -> None:
    for future, outcome in answers:
        if future.done():  # already answered busy (Deadlines)
            continue
        if isinstance(outcome, BaseException) and not isinstance(outcome, DomainError):
            future.set_exception(outcome)
        else:
            future.set_result(outcome)


class Deadlines:
    """Answers ``busy`` to every request still waiting ``ANSWER_SECONDS`` after it was handed over.

    One sweep a second over a queue in hand-over order, rather than a timer per request."""

    def __init__(self, seconds: float = ANSWER_SECONDS) -> None:
        self.seconds = seconds
        self._waiting: deque[tuple[float, asyncio.Future[Outcome]]] = deque()
        self._sweeper: asyncio.Task[None] | None = None

    def watch(self, future: asyncio.Future[Outcome]) -> asyncio.Future[Outcome]:
        loop = asyncio.get_running_loop()
        self._waiting.append((loop.time() + self.seconds, future))
        if self._sweeper is None or self._sweeper.done():
            self._sweeper = loop.create_task(self._sweep())
        return future

    async def _sweep(self) -> None:
        loop = asyncio.get_running_loop()
        while self._waiting:
            await asyncio.sleep(1.0)
            now = loop.time()
            while self._waiting and (self._waiting[0][0] <= now or self._waiting[0][1].done()):
                _, future = self._waiting.popleft()
                if not future.done():
                    future.set_exception(Busy("مرکز به‌موقع پاسخ نداد؛ همان درخواست را با همان شناسه دوباره بفرستید."))


def _body(data: dict[str, Any]) -> bytes:
    return json.dumps(data, cls=NinjaJSONEncoder).encode()


def _error(exc: DomainError) -> tuple[int, bytes]:
    return exc.status, _body({"code": exc.code, "message": exc.message, "details": exc.details})


TOO_LARGE = _body({"code": "too_large", "message": "بدنهٔ درخواست بیش از اندازه بزرگ است.", "details": None})


def _invalid(exc: ValidationError) -> tuple[int, bytes]:
    details = [{"loc": ["body", "payload", *e["loc"]], "type": e["type"]} for e in exc.errors()]
    message = "ورودی نامعتبر است؛ قالب داده‌ها را بررسی کنید."
    return 422, _body({"code": "invalid_input", "message": message, "details": details})


class DeviceGateway:
    """The ASGI application: check-ins here, everything else to ``fallback`` (Django's)."""

    def __init__(self, fallback: ASGIApp) -> None:
        self.fallback = fallback
        self.committer = CheckInCommitter()
        self.deadlines = Deadlines()
        # Registrations missing from the cache are read on this one thread, off the event loop.
        self.reads = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ostan-gateway-reads")

    def close(self) -> None:
        """Stop the committer and the reads thread, closing their database connections."""
        self.committer.stop()
        self.reads.submit(_close_connection).result()
        self.reads.shutdown()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
        elif scope["type"] == "http" and scope["path"] == CHECK_IN_PATH and scope["method"] == "POST":
            status, body = await self._check_in(scope, receive)
            await send({"type": "http.response.start", "status": status, "headers": response_headers(body)})
            await send({"type": "http.response.body", "body": body})
        else:
            await self.fallback(scope, receive, send)

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                self.committer.start()
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await asyncio.get_running_loop().run_in_executor(None, self.close)
                await send({"type": "lifespan.shutdown.complete"})
                return

    async def _check_in(self, scope: Scope, receive: Receive) -> tuple[int, bytes]:
        query = scope.get("query_string", b"")
        path = scope["path"] + ("?" + query.decode("latin-1") if query else "")
        return await self.answer(path, signed_headers(scope["headers"]), await _read_body(receive))

    async def answer(self, path: str, headers: dict[str, str], body: bytes | None) -> tuple[int, bytes]:
        """The status and JSON body answering one check-in request (``body`` None: it was over MAX_BODY).

        ``path`` is as signed (with any query string); ``headers`` are the X-Ostan-* ones
        (:func:`signed_headers`). Shared by the ASGI path and uvicorn's protocol
        (:mod:`ostan.polling.edge.protocol`)."""
        if body is None:
            return 413, TOO_LARGE
        try:
            payload = CheckInIn.model_validate_json(body)
        except ValidationError as exc:
            return _invalid(exc)
        try:
            pending = await self._pending(path, headers, body, payload)
            outcome = await self.deadlines.watch(self.committer.submit(pending))
        except DomainError as exc:
            return _error(exc)
        if isinstance(outcome, DomainError):
            return _error(outcome)
        return 200, _body(check_in_answer(outcome))

    async def _pending(self, path: str, headers: dict[str, str], body: bytes, payload: CheckInIn) -> PendingCheckIn:
        signed, signature = signed_request(method="POST", path=path, headers=headers, body=body)
        device = cached_registration(signed.device_id)
        if device is None:
            device = await asyncio.get_running_loop().run_in_executor(self.reads, _load, signed.device_id)
        context = verify(signed, signature, device, kind=DeviceKind.AUTHENTICATION, now=timezone.now())
        return prepare_check_in(device=context, **payload.model_dump())


def _close_connection() -> None:
    connection.close()  # looked up on the calling thread: each thread has its own


def _load(device_id: str) -> Registration:
    try:
        return registration(device_id)
    finally:
        connection.close_if_unusable_or_obsolete()


async def _read_body(receive: Receive) -> bytes | None:
    """The whole body, or None past MAX_BODY."""
    chunks, size = [], 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > MAX_BODY:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)
