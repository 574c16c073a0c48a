"""Room on every page of polling_device for the next version of its rows.

Each signed request advances its device's counter: one row update per check-in or ballot upload. With
full pages an update cannot stay on its page (no HOT update), so the table and its indexes grew by a
row version per request (464 pages for 96 devices after 44,000 check-ins) and every batch scanned
them. At fillfactor 50 the new version fits beside the old one and pruning reclaims it.
"""

from django.db import migrations


def set_fillfactor(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE polling_device SET (fillfactor = 50)")


def reset_fillfactor(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE polling_device RESET (fillfactor)")


class Migration(migrations.Migration):
    dependencies = [("polling", "0004_checkin_once_code_first")]

    operations = [migrations.RunPython(set_fillfactor, reset_fillfactor)]
