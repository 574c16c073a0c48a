"""Fewer index writes per check-in and per ballot, and token updates that stay in their page.

Casting a ballot spends a token (an update) and inserts a ballot row; every index on those tables is
written each time. Tokens are found only by hash and ballots by id, receipt, (station, constituency)
or constituency, so the single-column station and constituency indexes and the ``LIKE`` companions
Django adds to text keys on PostgreSQL (nothing here matches ballot ids, receipts or hashes by
pattern) are dropped. Token pages keep free room (fillfactor) so that spending a token is a HOT
update that touches no index at all.
"""

import django.db.models.deletion
from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

TOKEN_FILLFACTOR = 70
LIKE_INDEXES = """
SELECT indexname FROM pg_indexes
WHERE tablename IN ('polling_castballot', 'polling_votingtoken') AND indexname LIKE '%%\\_like'
"""


def lean_postgresql(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(LIKE_INDEXES)
        for (name,) in cursor.fetchall():
            cursor.execute(f'DROP INDEX IF EXISTS "{name}"')
        cursor.execute(f"ALTER TABLE polling_votingtoken SET (fillfactor = {TOKEN_FILLFACTOR})")


class Migration(migrations.Migration):
    dependencies = [
        ("elections", "0001_initial"),
        ("polling", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="castballot",
            name="station",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="ballots",
                to="polling.station",
                verbose_name="شعبه",
            ),
        ),
        migrations.AlterField(
            model_name="votingtoken",
            name="constituency",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="elections.constituency",
                verbose_name="حوزه",
            ),
        ),
        migrations.AlterField(
            model_name="votingtoken",
            name="station",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="polling.station",
                verbose_name="شعبه",
            ),
        ),
        migrations.RunPython(lean_postgresql, migrations.RunPython.noop),
    ]
