from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytest_django.fixtures import Settings

from ostan.polling import constituencies, device_requests, stations_cache
from tests.polling.world import PollingWorld, make_polling_world


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Settings) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fresh_caches() -> Iterator[None]:
    """Process caches hold database ids: each test's database starts again, so must they."""
    device_requests._cache.clear()
    stations_cache._cache.clear()
    constituencies.forget_all()
    yield


@pytest.fixture
def pw(db: None) -> PollingWorld:
    return make_polling_world()
