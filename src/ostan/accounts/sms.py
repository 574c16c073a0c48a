"""Text messages leave through one pluggable backend, named by ``settings.OSTAN_SMS_BACKEND``.

A backend is any class with ``send(to, text)``; ``to`` is a normalised mobile number (09xxxxxxxxx)
and ``text`` the full Persian message. Messages are sent after the transaction commits, so a rollback
never leaves a code in someone's phone that the database does not know.

Adding a real gateway: write a class in a module of your own deployment, e.g.::

    class KavenegarBackend:
        def send(self, to: str, text: str) -> None:
            # POST to the gateway with a timeout; raise SmsNotSent on any failure.
            # Log only the masked number (ostan.core.phone.mask) and the gateway's status:
            # the text carries a sign-in code and must never reach a log, an error page or a trace.

and set ``OSTAN_SMS_BACKEND=yourpackage.sms.KavenegarBackend``. Keys come from the environment.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Protocol, cast

from django.conf import settings
from django.utils.module_loading import import_string


class SmsNotSent(RuntimeError):
    """The gateway refused or could not be reached."""


class SmsBackend(Protocol):
    def send(self, to: str, text: str) -> None: ...


@dataclass(frozen=True)
class Message:
    to: str
    text: str


class ConsoleBackend:
    """For development only: writes the whole message to standard output so a developer can sign in.

    It writes to stdout rather than through ``logging`` so the code never travels a log pipeline.
    Never configure it in production.
    """

    def send(self, to: str, text: str) -> None:
        sys.stdout.write(f"[SMS → {to}]\n{text}\n")
        sys.stdout.flush()


class MemoryBackend:
    """For tests: keeps every message in the class-wide ``outbox``, newest last."""

    outbox: ClassVar[list[Message]] = []

    def send(self, to: str, text: str) -> None:
        MemoryBackend.outbox.append(Message(to=to, text=text))


class FileBackend:
    """For tests and a worker in another process: appends each message as a JSON line to the file named by
    ``settings.OSTAN_SMS_FILE``, so the process that enqueued it can read what was sent."""

    def send(self, to: str, text: str) -> None:
        with Path(settings.OSTAN_SMS_FILE).open("a", encoding="utf-8") as out:
            out.write(json.dumps({"to": to, "text": text}, ensure_ascii=False) + "\n")


def read_file(path: str | Path) -> list[Message]:
    """The messages a ``FileBackend`` wrote to ``path``, oldest first (none if it never wrote)."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    return [Message(**json.loads(line)) for line in lines if line.strip()]


def get_backend() -> SmsBackend:
    """A fresh instance of the configured backend (read on every call, so tests can switch it)."""
    backend_class = import_string(settings.OSTAN_SMS_BACKEND)
    return cast("SmsBackend", backend_class())
