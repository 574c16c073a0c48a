"""On PostgreSQL the bulletin board refuses UPDATE, DELETE and TRUNCATE at the database itself, like the
audit log (auditlog 0002): a published entry is never rewritten, only followed.

Test databases set ``ostan.allow_audit_truncate = on`` (tests/conftest.py) so Django's flush between
transactional tests may TRUNCATE; the same setting, and the same reasoning, as the audit log's."""

from django.db import migrations

FORWARD = """
CREATE OR REPLACE FUNCTION publication_refuse_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' AND current_setting('ostan.allow_audit_truncate', true) = 'on' THEN
    RETURN NULL;
  END IF;
  RAISE EXCEPTION 'publication_bulletinentry is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER publication_entry_append_only BEFORE UPDATE OR DELETE ON publication_bulletinentry
  FOR EACH ROW EXECUTE FUNCTION publication_refuse_change();
CREATE TRIGGER publication_entry_no_truncate BEFORE TRUNCATE ON publication_bulletinentry
  FOR EACH STATEMENT EXECUTE FUNCTION publication_refuse_change();
"""
BACKWARD = """
DROP TRIGGER IF EXISTS publication_entry_no_truncate ON publication_bulletinentry;
DROP TRIGGER IF EXISTS publication_entry_append_only ON publication_bulletinentry;
DROP FUNCTION IF EXISTS publication_refuse_change();
"""
SQLITE_FORWARD = [
    "CREATE TRIGGER publication_entry_no_update BEFORE UPDATE ON publication_bulletinentry "
    "BEGIN SELECT RAISE(ABORT, 'publication_bulletinentry is append-only'); END;",
    "CREATE TRIGGER publication_entry_no_delete BEFORE DELETE ON publication_bulletinentry "
    "BEGIN SELECT RAISE(ABORT, 'publication_bulletinentry is append-only'); END;",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS publication_entry_no_update;",
    "DROP TRIGGER IF EXISTS publication_entry_no_delete;",
]


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
    dependencies = [("publication", "0001_initial")]
    operations = [migrations.RunPython(forward, backward)]
