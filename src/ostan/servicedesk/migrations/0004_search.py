# Search over requests, and the open requests by deadline (a partial index for the wide inboxes). Search: a column of the folded words of each request and a table of every word (both written by
# the filing action); on PostgreSQL the pg_trgm extension with a trigram GIN index over the words (a mistyped
# word finds its nearest known words) and the request's 'simple' tsvector, stored as a generated column (so
# ranking reads it instead of computing it again for every match) with its GIN index. Django does not model the
# tsvector column: only the PostgreSQL branch of ostan.servicedesk.search reads it. SQLite keeps the words and
# scans them (the demo).

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models

VECTOR_INDEX = "servicedesk_request_fts"
WORDS_INDEX = "servicedesk_searchword_trgm"
BATCH = 2000


def fill_search_text(apps, schema_editor):
    from ostan.core.text import search_words

    requests = apps.get_model("servicedesk", "ServiceRequest")
    words = apps.get_model("servicedesk", "SearchWord")
    rows, seen = [], set()
    for row in requests.objects.only("pk", "text", "citizen_name").iterator(chunk_size=BATCH):
        row.search_text = search_words(f"{row.text} {row.citizen_name}")
        seen.update(w for w in row.search_text.split() if len(w) <= 60)
        rows.append(row)
        if len(rows) >= BATCH:
            requests.objects.bulk_update(rows, ["search_text"])
            rows = []
    requests.objects.bulk_update(rows, ["search_text"])
    words.objects.bulk_create([words(word=w) for w in sorted(seen)], ignore_conflicts=True, batch_size=BATCH)


def add_search_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "ALTER TABLE servicedesk_servicerequest ADD COLUMN search_vector tsvector "
        "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED"
    )
    schema_editor.execute(f"CREATE INDEX {VECTOR_INDEX} ON servicedesk_servicerequest USING gin (search_vector)")
    schema_editor.execute(f"CREATE INDEX {WORDS_INDEX} ON servicedesk_searchword USING gin (word gin_trgm_ops)")


def drop_search_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {WORDS_INDEX}")
        schema_editor.execute(f"DROP INDEX IF EXISTS {VECTOR_INDEX}")
        schema_editor.execute("ALTER TABLE servicedesk_servicerequest DROP COLUMN IF EXISTS search_vector")


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
        migrations.CreateModel(
            name="SearchWord",
            fields=[("word", models.CharField(max_length=60, primary_key=True, serialize=False))],
            options={"verbose_name": "واژهٔ جست\u200cوجو", "verbose_name_plural": "واژه\u200cهای جست\u200cوجو"},
        ),
        migrations.AddIndex(
            model_name="servicerequest",
            index=models.Index(
                condition=models.Q(
                    ("state__in", ["registered", "assigned", "in_progress", "awaiting_citizen", "returned"])
                ),
                fields=["due_at", "id", "unit", "organisation"],
                name="servicedesk_open_due",
            ),
        ),
        migrations.RunPython(fill_search_text, migrations.RunPython.noop),
        migrations.RunPython(add_search_indexes, drop_search_indexes),
    ]
