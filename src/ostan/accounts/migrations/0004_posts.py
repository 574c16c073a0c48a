from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_staff_management"),
        ("access", "0002_posts_from_accounts"),
    ]

    operations = [
        migrations.RemoveField(model_name="user", name="role"),
        migrations.RemoveField(model_name="user", name="unit"),
    ]
