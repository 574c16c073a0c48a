"""Each staff account's role and unit become its first post; accounts without a citizen's role are staff."""

from django.db import migrations


def forwards(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    Post = apps.get_model("access", "Post")
    for user in User.objects.exclude(role="citizen").iterator():
        Post.objects.create(person_id=user.pk, role=user.role, unit_id=user.unit_id, starts_at=user.date_joined)
        if not user.is_staff:
            User.objects.filter(pk=user.pk).update(is_staff=True)


def backwards(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    Post = apps.get_model("access", "Post")
    for post in Post.objects.order_by("-starts_at"):
        User.objects.filter(pk=post.person_id).update(role=post.role, unit_id=post.unit_id)


class Migration(migrations.Migration):
    dependencies = [("access", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
