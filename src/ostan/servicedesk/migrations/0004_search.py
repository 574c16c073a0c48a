# Search over requests: a column of the folded words of each request (written by the actions), and on
# PostgreSQL the pg_trgm extension, a trigram GIN index (fuzzy: a mistyped letter still finds the request) and a
# GIN index of its 'simple' tsvector (whole words and prefixes). SQLite keeps the column and scans it (the demo).

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models

TRIGRAM_INDEX = "servicedesk_request_trgm"
VECTOR_INDEX = "servicedesk_request_fts"
BATCH = 2000


def fill_search_text(apps, schema_editor):
    from ostan.core.text import search_words

    requests = apps.get_model("servicedesk", "ServiceRequest")
    rows = []
    for row in requests.objects.only("pk", "text", "citizen_name").iterator(chunk_size=BATCH):
        row.search_text = search_words(f"{row.text} {row.citizen_name}")
        rows.append(row)
        if len(rows) >= BATCH:
            requests.objects.bulk_update(rows, ["search_text"])
            rows = []
    requests.objects.bulk_update(rows, ["search_text"])


def add_search_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {TRIGRAM_INDEX} ON servicedesk_servicerequest USING gin (search_text gin_trgm_ops)"
    )
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {VECTOR_INDEX} ON servicedesk_servicerequest "
        "USING gin (to_tsvector('simple'::regconfig, search_text))"
    )


def drop_search_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {TRIGRAM_INDEX}")
        schema_editor.execute(f"DROP INDEX IF EXISTS {VECTOR_INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("servicedesk", "0003_notifications"),
    ]

    operations = [
        TrigramExtension(),
        migrations.AddField(
            model_name="servicerequest",
            name="search_text",
            field=models.TextField(blank=True, default="", verbose_name="واژه\u200cهای جست\u200cوجو"),
        ),
        migrations.RunPython(fill_search_text, migrations.RunPython.noop),
        migrations.RunPython(add_search_indexes, drop_search_indexes),
    ]
