import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("auditlog", "0003_lean_indexes"),
        ("access", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="entry",
            name="actor_post",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="access.post",
                verbose_name="سمت",
            ),
        ),
        migrations.AddField(
            model_name="entry",
            name="actor_organisation",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="access.organisation",
                verbose_name="سازمان کاربر",
            ),
        ),
        migrations.AddField(
            model_name="entry",
            name="actor_reason",
            field=models.CharField(blank=True, max_length=200, verbose_name="علت اقدام سامانه"),
        ),
    ]
