from __future__ import annotations

import pytest
from pytest_django.fixtures import Settings

from ostan.polling import constituencies, device_requests
from ostan.polling.edge import stations as stations_cache
from tests.polling.world import PollingWorld, make_polling_world


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Settings) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fresh_caches() -> None:
    """Process caches hold database ids: each test's database starts again, so must they."""
    device_requests._cache.clear()
    stations_cache._cache.clear()
    stations_cache.forget_schedules()
    constituencies.forget_all()
    return


@pytest.fixture
def pw(db: None) -> PollingWorld:
    return make_polling_world()


@pytest.fixture
def pw16(transactional_db: None) -> PollingWorld:
    """Sixteen stations with committed data, for races between real concurrent transactions."""
    return make_polling_world(stations=16, voters=40)
