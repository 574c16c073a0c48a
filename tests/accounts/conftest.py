from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from django.core.cache import cache
from pytest_django.fixtures import Settings

from ostan.accounts import lockouts
from ostan.accounts.sms import MemoryBackend
from tests.accounts.staff_fixtures import admin, county_a_official, county_b_official, tree

__all__ = ["admin", "county_a_official", "county_b_official", "tree"]


@pytest.fixture(autouse=True)
def _fresh_counters_and_outbox(settings: Settings, db: None) -> Iterator[None]:
    settings.OSTAN_SMS_BACKEND = "ostan.accounts.sms.MemoryBackend"
    # Hashing strength is not under test here, and PBKDF2 at full cost dominates the run time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()
    MemoryBackend.outbox.clear()
    yield
    MemoryBackend.outbox.clear()


class Clock:
    """The lockout and one-time-code clock, moved by hand."""

    def __init__(self) -> None:
        self.at = dt.datetime(2026, 11, 22, 8, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.at

    def advance(self, **delta: float) -> None:
        self.at += dt.timedelta(**delta)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(lockouts, "now", fake)
    return fake
