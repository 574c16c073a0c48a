"""On PostgreSQL the audit log cannot be rewritten, not even by raw SQL from the application."""

from __future__ import annotations

import pytest
from django.db import connection, transaction
from django.db.utils import DatabaseError

from ostan.accounts.events import AccountsEvent
from ostan.accounts.models import User
from ostan.auditlog.actions import AuditOutsideTransaction, record
from ostan.auditlog.models import Entry
from tests.actors import as_actor


@pytest.fixture
def entry_id(admin: User) -> int:
    with transaction.atomic():
        return record(actor=as_actor(admin), event=AccountsEvent.SIGNED_IN, object_label="نمونه").pk


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
    assert Entry.objects.get(pk=entry_id).event == AccountsEvent.SIGNED_IN.value


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
            record(actor=as_actor(admin), event=AccountsEvent.SIGNED_IN)
    finally:
        connection.in_atomic_block = was


def test_record_takes_an_actor_and_a_declared_event(admin: User) -> None:
    """The one way in refuses a User where an Actor belongs, and an event no app declared."""
    with transaction.atomic():
        with pytest.raises(TypeError, match="Actor"):
            record(actor=admin, event=AccountsEvent.SIGNED_IN)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match=r"events\.py"):
            record(actor=as_actor(admin), event="accounts.signed_in")  # type: ignore[arg-type]
    assert not Entry.objects.exists()


def test_the_system_is_recorded_with_its_reason(db: None) -> None:
    from ostan.core.access import Actor

    with transaction.atomic():
        entry = record(actor=Actor.system("بارگذاری آزمایشی"), event=AccountsEvent.SIGNED_IN)
    assert (entry.actor_id, entry.actor_label, entry.actor_role, entry.actor_reason) == (
        None, "system", "system", "بارگذاری آزمایشی",
    )  # fmt: skip
