from __future__ import annotations

import pytest
from pytest_django.fixtures import Settings

from ostan.polling import constituencies, device_requests
from ostan.polling.edge import stations as stations_cache

# A fixed test key (never a real one): the board signs every test entry with it.
TEST_BULLETIN_KEY = "11" * 32


@pytest.fixture(autouse=True)
def _board_key_and_fast_passwords(settings: Settings) -> None:
    settings.OSTAN_BULLETIN_KEY = TEST_BULLETIN_KEY
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fresh_caches() -> None:
    """Process caches hold database ids: each test's database starts again, so must they."""
    forget_caches()


def forget_caches() -> None:
    device_requests._cache.clear()
    stations_cache._cache.clear()
    stations_cache.forget_schedules()
    constituencies.forget_all()
