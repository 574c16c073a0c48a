"""A check-in's and a voting token's foreign keys are on rows of their own station.

At commit, one key per column had every check-in in the country lock the same two rows, the round's
and the constituency's, and each check-in checked five keys (three for the check-in, two for its
token). Now a check-in checks two: (station, round) referencing the station, which also says the round
is the station's, and (station, constituency) referencing the station's own constituencies, which
also says the constituency is one the station serves. A token checks one, the latter. Deleting a
station, round or constituency in use is still refused: the ORM's PROTECT, and in the database the
referenced rows' own keys. As migration 0007 did for cast ballots.

SQLite (the demo) has no composite foreign keys added after the fact; there the ORM's PROTECT stands.
"""

import django.db.models.deletion
from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

STATION_ROUND = "polling_station_round_key"
KEYS = {
    "polling_checkin_station_round_fk": (
        "polling_checkin", "(station_id, election_round_id)", "polling_station (id, election_round_id)"
    ),
    "polling_checkin_station_constituency_fk": (
        "polling_checkin", "(station_id, constituency_id)",
        "polling_station_constituencies (station_id, constituency_id)",
    ),
    "polling_token_station_constituency_fk": (
        "polling_votingtoken", "(station_id, constituency_id)",
        "polling_station_constituencies (station_id, constituency_id)",
    ),
}  # fmt: skip


def add_keys(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE polling_station ADD CONSTRAINT {STATION_ROUND} UNIQUE (id, election_round_id)")
    for name, (table, columns, target) in KEYS.items():
        schema_editor.execute(
            f"ALTER TABLE {table} ADD CONSTRAINT {name} FOREIGN KEY {columns} REFERENCES {target}"
            " DEFERRABLE INITIALLY DEFERRED"
        )


def drop_keys(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, (table, _, _) in KEYS.items():
        schema_editor.execute(f"ALTER TABLE {table} DROP CONSTRAINT IF EXISTS {name}")
    schema_editor.execute(f"ALTER TABLE polling_station DROP CONSTRAINT IF EXISTS {STATION_ROUND}")


class Migration(migrations.Migration):
    dependencies = [
        ("elections", "0002_count_origin"),
        ("polling", "0007_ballot_station_constituency_key"),
    ]

    operations = [
        migrations.AlterField(
            model_name="checkin",
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
            model_name="checkin",
            name="election_round",
            field=models.ForeignKey(
                db_constraint=False,
                db_index=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="elections.electionround",
                verbose_name="دوره",
            ),
        ),
        migrations.AlterField(
            model_name="checkin",
            name="station",
            field=models.ForeignKey(
                db_constraint=False,
                db_index=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="check_ins",
                to="polling.station",
                verbose_name="شعبه",
            ),
        ),
        migrations.AlterField(
            model_name="votingtoken",
            name="constituency",
            field=models.ForeignKey(
                db_constraint=False,
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
                db_constraint=False,
                db_index=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="polling.station",
                verbose_name="شعبه",
            ),
        ),
        migrations.RunPython(add_keys, drop_keys),
    ]
