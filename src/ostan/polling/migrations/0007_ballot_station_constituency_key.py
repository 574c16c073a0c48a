"""A cast ballot's station and constituency are one foreign key to the station's own constituencies.

Storing a journal of ballots checked two keys per row at commit: the station's and the
constituency's. Every upload in the province locks the same constituency row to check it, so under
load those checks were a third of PostgreSQL's time per ballot. One key on (station, constituency)
referencing polling_station_constituencies is checked once per row, on a row of that station, and
holds more: the ballot's constituency is one its station serves (check-in only ever issues tokens for
those). Deleting a station or a constituency with ballots is still refused: the ORM's PROTECT, and in
the database the station-constituency row's own keys, which this key keeps from being deleted.

SQLite (the demo) has no composite foreign keys added after the fact; there the ORM's PROTECT stands.
"""

import django.db.models.deletion
from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

KEY = "polling_ballot_station_constituency_fk"


def add_key(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"ALTER TABLE polling_castballot ADD CONSTRAINT {KEY} FOREIGN KEY (station_id, constituency_id)"
            " REFERENCES polling_station_constituencies (station_id, constituency_id) DEFERRABLE INITIALLY DEFERRED"
        )


def drop_key(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE polling_castballot DROP CONSTRAINT IF EXISTS {KEY}")


class Migration(migrations.Migration):
    dependencies = [
        ("elections", "0002_count_origin"),
        ("polling", "0006_roll_voter_once_code_first"),
    ]

    operations = [
        migrations.AlterField(
            model_name="castballot",
            name="constituency",
            field=models.ForeignKey(
                db_constraint=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="elections.constituency",
                verbose_name="حوزه",
            ),
        ),
        migrations.AlterField(
            model_name="castballot",
            name="station",
            field=models.ForeignKey(
                db_constraint=False,
                db_index=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="ballots",
                to="polling.station",
                verbose_name="شعبه",
            ),
        ),
        migrations.RunPython(add_key, drop_key),
    ]
