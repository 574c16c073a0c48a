"""The election-day statements are really prepared on the server, and only they are.

Django opens PostgreSQL connections with psycopg's prepare_threshold=None, under which psycopg
ignores prepare=True without a word: the statements were parsed and planned on every batch."""

from __future__ import annotations

import pytest
from django.db import connection

from ostan.polling import statements
from ostan.polling.models import Station

pytestmark = pytest.mark.django_db

PROBE = "SELECT %s::int + 1 AS probe_for_prepared_statements"


def _prepared() -> dict[str, tuple[int, int]]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements")
        return {text: (generic, custom) for text, generic, custom in cursor.fetchall()}


def test_a_hot_statement_is_prepared_once_and_then_only_executed() -> None:
    assert connection.vendor == "postgresql"  # the suite's database: see tests/conftest.py
    assert [statements.fetch_one(PROBE, [n]) for n in range(8)] == [(n + 1,) for n in range(8)]
    found = [plans for text, plans in _prepared().items() if "probe_for_prepared_statements" in text]
    assert len(found) == 1
    generic, custom = found[0]
    assert generic + custom == 8  # eight executions of one prepared statement, none of them parsed again


def test_djangos_own_queries_are_never_prepared() -> None:
    statements.fetch_one(PROBE, [1])  # switches preparation on for this connection
    for _ in range(10):
        list(Station.objects.filter(code="none"))
    assert not [text for text in _prepared() if "polling_station" in text]
