"""On PostgreSQL the audit log refuses UPDATE, DELETE and TRUNCATE at the database itself, so not even a
bug or a hand-written query in the application can rewrite history.

One escape hatch, for test databases only: Django's test runner empties every table with TRUNCATE between
transactional tests, so a test database sets ``ostan.allow_audit_truncate = on`` (tests/conftest.py).
Whoever can set that on a production database could drop the trigger as well, so it weakens nothing."""

from django.db import migrations

FORWARD = """
CREATE OR REPLACE FUNCTION auditlog_refuse_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' AND current_setting('ostan.allow_audit_truncate', true) = 'on' THEN
    RETURN NULL;
  END IF;
  RAISE EXCEPTION 'auditlog_entry is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER auditlog_entry_append_only BEFORE UPDATE OR DELETE ON auditlog_entry
  FOR EACH ROW EXECUTE FUNCTION auditlog_refuse_change();
CREATE TRIGGER auditlog_entry_no_truncate BEFORE TRUNCATE ON auditlog_entry
  FOR EACH STATEMENT EXECUTE FUNCTION auditlog_refuse_change();
"""
BACKWARD = """
DROP TRIGGER IF EXISTS auditlog_entry_no_truncate ON auditlog_entry;
DROP TRIGGER IF EXISTS auditlog_entry_append_only ON auditlog_entry;
DROP FUNCTION IF EXISTS auditlog_refuse_change();
"""
SQLITE_FORWARD = [
    "CREATE TRIGGER auditlog_entry_no_update BEFORE UPDATE ON auditlog_entry "
    "BEGIN SELECT RAISE(ABORT, 'auditlog_entry is append-only'); END;",
    "CREATE TRIGGER auditlog_entry_no_delete BEFORE DELETE ON auditlog_entry "
    "BEGIN SELECT RAISE(ABORT, 'auditlog_entry is append-only'); END;",
]
SQLITE_BACKWARD = ["DROP TRIGGER IF EXISTS auditlog_entry_no_update;", "DROP TRIGGER IF EXISTS auditlog_entry_no_delete;"]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)
    elif schema_editor.connection.vendor == "sqlite":
        for statement in SQLITE_FORWARD:
            schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD)
    elif schema_editor.connection.vendor == "sqlite":
        for statement in SQLITE_BACKWARD:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("auditlog", "0001_initial")]
    operations = [migrations.RunPython(forward, backward)]
