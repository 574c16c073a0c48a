"""Election day's fixed hot statements, run as server-side prepared statements on PostgreSQL.

Django's PostgreSQL cursors bind parameters on the client, so the server parses and plans every
check-in's lookup and its one-statement store afresh: about 0.3 ms of planning each, more than the
statements take to run. The same text on the same connection is prepared once here (psycopg's
``prepare=True`` on a server-binding cursor) and only executed after that. It is the connection and
transaction Django holds, with Django's translation of database errors (``IntegrityError``,
``OperationalError``) and its bookkeeping of broken connections. Other databases (the SQLite demo)
run the same text through Django's cursor.

A transaction-pooling proxy in front of PostgreSQL (PgBouncer in transaction mode) would need its
prepared-statement support switched on.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import psycopg
from django.db import connection

from ostan.dialects import uses_postgresql

Params = Sequence[Any] | Mapping[str, Any]
# Django opens its PostgreSQL connections with psycopg's prepare_threshold=None, which turns every
# prepare=True into a silent no-op. A threshold no query reaches prepares exactly the statements
# that ask (these), and never Django's own.
ONLY_WHEN_ASKED = 2**62


def _run(sql: str, params: Params, fetch: str) -> Any:
    if not uses_postgresql():
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall() if fetch == "all" else cursor.fetchone() if fetch == "one" else cursor.rowcount
    connection.ensure_connection()
    raw = connection.connection
    if raw.prepare_threshold is None:  # Django's default: psycopg then ignores prepare=True altogether
        raw.prepare_threshold = ONLY_WHEN_ASKED
    with connection.wrap_database_errors, psycopg.Cursor(raw) as cursor:
        cursor.execute(sql, params, prepare=True)
        return cursor.fetchall() if fetch == "all" else cursor.fetchone() if fetch == "one" else cursor.rowcount


def fetch_one(sql: str, params: Params) -> tuple[Any, ...] | None:
    row: tuple[Any, ...] | None = _run(sql, params, "one")
    return row


def fetch_all(sql: str, params: Params) -> list[tuple[Any, ...]]:
    rows: list[tuple[Any, ...]] = _run(sql, params, "all")
    return rows


def execute(sql: str, params: Params) -> int:
    """Run a statement that returns no rows; the number of rows it changed."""
    count: int = _run(sql, params, "rowcount")
    return count
