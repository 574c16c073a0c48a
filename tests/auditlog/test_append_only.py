"""On PostgreSQL the audit log cannot be rewritten, not even by raw SQL from the application."""

from __future__ import annotations

import pytest
from django.db import connection, transaction
from django.db.utils import DatabaseError

from ostan.accounts.models import User
from ostan.auditlog.actions import AuditOutsideTransaction, record
from ostan.auditlog.models import Entry


@pytest.fixture
def entry_id(admin: User) -> int:
    with transaction.atomic():
        return record(actor=admin, event="test.event", object_label="نمونه").pk


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE auditlog_entry SET event = 'rewritten' WHERE id = %s",
        "DELETE FROM auditlog_entry WHERE id = %s",
    ],
)
def test_update_and_delete_raise(entry_id: int, statement: str) -> None:
    assert connection.vendor == "postgresql"
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement, [entry_id])
    assert Entry.objects.get(pk=entry_id).event == "test.event"


def test_truncate_raises(db: None) -> None:
    # No rows written in this test's transaction: PostgreSQL refuses TRUNCATE with pending FK checks first.
    # The test database allows TRUNCATE for Django's flushes (tests/conftest.py); production has no such
    # setting, which this test restores for its own transaction.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL ostan.allow_audit_truncate = 'off'")
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
            cursor.execute("TRUNCATE auditlog_entry")


def test_orm_delete_raises_too(entry_id: int) -> None:
    with pytest.raises(DatabaseError), transaction.atomic():
        Entry.objects.filter(pk=entry_id).delete()
    assert Entry.objects.filter(pk=entry_id).exists()


def test_record_refuses_to_write_outside_a_transaction(admin: User) -> None:
    # pytest-django wraps each test in a transaction; leave it to see the check.
    connection.in_atomic_block, was = False, connection.in_atomic_block
    try:
        with pytest.raises(AuditOutsideTransaction):
            record(actor=admin, event="test.event")
    finally:
        connection.in_atomic_block = was
