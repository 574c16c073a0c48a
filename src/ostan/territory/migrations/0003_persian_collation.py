"""The ICU collation every sorted name uses on PostgreSQL (see ostan.ordering); SQLite registers its own
on each connection, so this does nothing there."""

from django.contrib.postgres.operations import CreateCollation
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("territory", "0002_search_indexes")]

    operations = [CreateCollation("ostan_fa", provider="icu", locale="fa")]
