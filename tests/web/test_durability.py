"""Election day refuses a database that does not commit durably, when durability is required (the
default in production); /api/health and `manage.py check --database` report it either way."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import connection
from django.db.utils import ConnectionHandler
from django.test import Client
from pytest_django.fixtures import Settings

from ostan import durability
from ostan.polling import constituencies, device_requests
from ostan.polling.edge import stations as stations_cache
from ostan.polling.models import CheckIn
from ostan.polling.simulator import new_token
from tests.polling.world import CHECK_IN_PATH, PollingWorld, check_in_payload, make_polling_world, post


def test_postgresql_is_durable_only_with_all_three_settings_on() -> None:
    good = {"fsync": "on", "synchronous_commit": "on", "full_page_writes": "on"}
    assert durability.judge("postgresql", good).is_durable
    assert durability.judge("postgresql", good | {"synchronous_commit": "remote_apply"}).is_durable
    assert durability.judge("postgresql", good | {"fsync": "off"}).problems == ("fsync is off",)
    assert durability.judge("postgresql", good | {"synchronous_commit": "off"}).problems == (
        "synchronous_commit is off",
    )
    assert durability.judge("postgresql", good | {"full_page_writes": "off"}).problems == ("full_page_writes is off",)
    assert not durability.judge("postgresql", {}).is_durable  # settings that could not be read


def test_sqlite_with_its_defaults_is_durable(django_db_blocker: pytest.FixtureRequest, tmp_path: Path) -> None:
    on_disk = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(tmp_path / "demo.sqlite3")}
    sqlite = ConnectionHandler({"default": on_disk, "durability": dict(on_disk)})["durability"]
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        try:
            sqlite.ensure_connection()
            finding = durability.inspect(sqlite)
            assert finding.vendor == "sqlite"
            assert finding.settings["synchronous"] == "2"
            with sqlite.cursor() as cursor:
                cursor.execute("PRAGMA synchronous = OFF")
            assert durability.inspect(sqlite).problems == ("synchronous is off",)
        finally:
            sqlite.close()


@pytest.fixture
def fast_commits(db: None) -> Iterator[None]:
    """This session's commits stop waiting for the disk: a database that is not durable, for real."""
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit = off")
    durability.recheck()
    yield
    with connection.cursor() as cursor:
        cursor.execute("RESET synchronous_commit")
    durability.recheck()


@pytest.fixture
def world(fast_commits: None) -> PollingWorld:
    device_requests._cache.clear()
    stations_cache._cache.clear()
    constituencies.forget_all()
    return make_polling_world(stations=1, voters=2)


def _check_in(client: Client, pw: PollingWorld) -> tuple[int, dict]:  # type: ignore[type-arg]
    _, token_hash = new_token()
    return post(client, pw.auth[0], CHECK_IN_PATH, check_in_payload(pw.voters[0], token_hash))


def test_a_required_durable_database_refuses_check_ins_with_a_persian_reason(
    client: Client, world: PollingWorld, settings: Settings
) -> None:
    settings.OSTAN_REQUIRE_DURABLE = True
    status, body = _check_in(client, world)
    assert status == 503
    assert body["code"] == "database_not_durable"
    assert "synchronous_commit is off" in body["message"]
    assert "ماندگار" in body["message"]
    assert not CheckIn.objects.exists()


def test_without_the_requirement_the_same_database_takes_check_ins(
    client: Client, world: PollingWorld, settings: Settings
) -> None:
    settings.OSTAN_REQUIRE_DURABLE = False
    status, body = _check_in(client, world)
    assert status == 200
    assert body["is_accepted"] is True


def test_health_reports_the_databases_durability(client: Client, fast_commits: None, settings: Settings) -> None:
    settings.OSTAN_REQUIRE_DURABLE = True
    report = client.get("/api/health").json()["durability"]
    assert report["durable"] is False
    assert report["required"] is True
    assert "synchronous_commit is off" in report["problems"]
    assert report["settings"]["synchronous_commit"] == "off"
    with connection.cursor() as cursor:
        cursor.execute("SHOW fsync")
        assert report["settings"]["fsync"] == cursor.fetchone()[0]


def test_the_system_check_is_an_error_when_required_and_a_warning_otherwise(
    fast_commits: None, settings: Settings
) -> None:
    settings.OSTAN_REQUIRE_DURABLE = True
    assert [m.id for m in durability.check_durable(databases=["default"])] == ["ostan.E001"]
    settings.OSTAN_REQUIRE_DURABLE = False
    assert [m.id for m in durability.check_durable(databases=["default"])] == ["ostan.W001"]
