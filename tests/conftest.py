"""Shared fixtures. App tests run on PostgreSQL (DATABASE_URL, set by `make pytest`); browser tests drive
Debian's Chromium through Playwright against Django's live server."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import connection

# tools/pg.sh runs PostgreSQL with fsync off for speed: the suite, and the servers it starts as
# subprocesses, do not require a durable database (tests/web/test_durability.py turns it back on).
os.environ.setdefault("OSTAN_REQUIRE_DURABLE", "0")
# Tasks run at once in the process that enqueues them, here and in the servers the suite starts; the
# service desk's worker tests (tests/servicedesk/test_notifications_worker.py) switch to the database queue.
IMMEDIATE_TASKS = "django.tasks.backends.immediate.ImmediateBackend"
os.environ.setdefault("OSTAN_TASKS_BACKEND", IMMEDIATE_TASKS)

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    executable = os.environ.get("OSTAN_CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
    return {**browser_type_launch_args, "executable_path": executable, "args": CHROMIUM_FLAGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_context_args, "locale": "fa-IR", "timezone_id": "Asia/Tehran"}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: Any) -> None:
    """Let Django's flush between transactional and live-server tests TRUNCATE the append-only audit log
    on the test database only (see the auditlog 0002 migration); UPDATE and DELETE stay refused."""
    with django_db_blocker.unblock():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                name = connection.ops.quote_name(connection.settings_dict["NAME"])
                cursor.execute(f"ALTER DATABASE {name} SET ostan.allow_audit_truncate = 'on'")
                cursor.execute("SET ostan.allow_audit_truncate = 'on'")


@pytest.fixture(autouse=True, scope="session")
def _immediate_tasks() -> Iterator[None]:
    """Settings were read before this file (pytest-django loads them first), so the backend is set here too."""
    from django.test import override_settings

    with override_settings(TASKS={"default": {"BACKEND": IMMEDIATE_TASKS}}):
        yield


@pytest.fixture(autouse=True, scope="session")
def _strict_audit() -> None:
    """Every action the suite runs must write exactly one audit entry (``ostan.auditlog.actions.action``);
    the fast test database is not required to commit durably."""
    from django.conf import settings

    settings.OSTAN_AUDIT_STRICT = True
    settings.OSTAN_REQUIRE_DURABLE = False


@pytest.fixture(autouse=True, scope="session")
def _desk_files(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Files attached to desk requests go to the session's temporary directory, never the checkout's var/."""
    from django.conf import settings

    settings.OSTAN_DESK_FILES_DIR = tmp_path_factory.mktemp("desk-files")
