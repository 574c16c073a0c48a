# Search indexes: a pattern-ops btree for prefix search everywhere, and on PostgreSQL a trigram GIN index
# for substring search (SQLite has no trigram index; it scans, which is fine for the demo).

from django.db import migrations, models

TRIGRAM_INDEX = "territory_unit_search_trgm"


def add_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {TRIGRAM_INDEX} ON territory_unit USING gin (search_key gin_trgm_ops)"
    )


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {TRIGRAM_INDEX}")


class Migration(migrations.Migration):

    dependencies = [
        ('territory', '0001_initial'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='unit',
            index=models.Index(fields=['search_key'], name='territory_unit_search_prefix', opclasses=['varchar_pattern_ops']),
        ),
        migrations.RunPython(add_trigram_index, drop_trigram_index),
    ]
