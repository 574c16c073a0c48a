"""The audit log keeps one index per way it is read: the election day writes an entry per check-in.

Nine indexes became six, and a system entry (no actor) now writes four: the event had a plain and a
pattern index but is only matched whole; the unit path had both, and one pattern index serves both the
exact match and the prefix; the actor and the actor's unit are empty on system entries, so their
indexes now hold people's entries only.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("auditlog", "0002_append_only"),
        ("territory", "0002_search_indexes"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name="entry",
            name="actor",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                to=settings.AUTH_USER_MODEL,
                verbose_name="کاربر",
            ),
        ),
        migrations.AlterField(
            model_name="entry",
            name="actor_unit",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="territory.unit",
                verbose_name="واحد کاربر",
            ),
        ),
        migrations.AlterField(
            model_name="entry",
            name="event",
            field=models.CharField(max_length=80, verbose_name="رویداد"),
        ),
        migrations.AlterField(
            model_name="entry",
            name="unit_path",
            field=models.CharField(blank=True, max_length=255, verbose_name="مسیر واحد"),
        ),
        migrations.AddIndex(
            model_name="entry",
            index=models.Index(fields=["event"], name="auditlog_entry_event"),
        ),
        migrations.AddIndex(
            model_name="entry",
            index=models.Index(
                fields=["unit_path"], name="auditlog_entry_unit_path", opclasses=["varchar_pattern_ops"]
            ),
        ),
        migrations.AddIndex(
            model_name="entry",
            index=models.Index(
                condition=models.Q(("actor__isnull", False)), fields=["actor"], name="auditlog_entry_actor"
            ),
        ),
        migrations.AddIndex(
            model_name="entry",
            index=models.Index(
                condition=models.Q(("actor_unit__isnull", False)),
                fields=["actor_unit"],
                name="auditlog_entry_actor_unit",
            ),
        ),
    ]
