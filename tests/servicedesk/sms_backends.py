"""Gateways for the notification tests: they stand for a real SMS gateway that fails, not for our code."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from django.conf import settings

from ostan.accounts.sms import FileBackend, MemoryBackend, SmsNotSent


class FailsOnceFileBackend(FileBackend):
    """The first message ever (a marker file beside ``OSTAN_SMS_FILE`` remembers it across processes) is refused;
    every later one is written like ``FileBackend``."""

    def send(self, to: str, text: str) -> None:
        marker = Path(f"{settings.OSTAN_SMS_FILE}.failed")
        if not marker.exists():
            marker.touch()
            raise SmsNotSent("gateway unreachable")
        super().send(to, text)


class FlakyMemoryBackend(MemoryBackend):
    """Refuses the next ``failures`` messages, then keeps them in ``MemoryBackend.outbox``."""

    failures: ClassVar[int] = 0

    def send(self, to: str, text: str) -> None:
        if FlakyMemoryBackend.failures > 0:
            FlakyMemoryBackend.failures -= 1
            raise SmsNotSent("gateway unreachable")
        super().send(to, text)
