"""The one switch for code written twice: once for PostgreSQL (COPY, prepared statements, one-statement
batches) and once portably through the ORM (the SQLite demo).

Every such branch asks :func:`uses_postgresql` rather than reading ``connection.vendor`` itself, so a test
on PostgreSQL can run the portable branch too (:func:`portable`) and require the same outcomes and the same
stored rows from both (tests/polling/test_both_branches.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import connection

_is_portable: ContextVar[bool] = ContextVar("ostan_portable_paths", default=False)


def uses_postgresql() -> bool:
    return connection.vendor == "postgresql" and not _is_portable.get()


@contextmanager
def portable() -> Iterator[None]:
    """Take the portable branches in this context (and thread), even on PostgreSQL."""
    token = _is_portable.set(True)
    try:
        yield
    finally:
        _is_portable.reset(token)
