"""Event officers may publish local events in the admin: publishing an event (or its change)
from its edit form is approving it, as the *Approve* action does."""

from django.db import migrations


def grant_publish(apps, schema_editor):
    # Wagtail creates "publish" permissions of snippets after migrating; create ours first.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    content_type, _created = ContentType.objects.get_or_create(app_label="events",
                                                               model="localevent")
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type, codename="publish_localevent",
        defaults={"name": "Can publish local event"})
    Group.objects.get_or_create(name="Event officers")[0].permissions.add(permission)


def revoke_publish(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Event officers").first()
    if group is not None:
        group.permissions.remove(*Permission.objects.filter(
            content_type__app_label="events", codename="publish_localevent"))


class Migration(migrations.Migration):
    dependencies = [("events", "0008_remove_localevent_replaces")]

    operations = [migrations.RunPython(grant_publish, revoke_publish)]
