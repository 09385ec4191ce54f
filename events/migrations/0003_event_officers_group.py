"""The "Event officers" role: regional officers who moderate local events in the admin."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("events", "view_localevent"),
    ("events", "change_localevent"),
    ("events", "view_registration"),
]


def create_group(apps, schema_editor):
    # wagtailadmin's own migration creates access_admin; ours may not exist yet.
    events_config = apps.get_app_config("events")
    events_config.models_module = True
    create_permissions(events_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name="Event officers")
    for app_label, codename in PERMISSIONS:
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename))


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_reference_data"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("portal", "0003_roles_and_intranet_collection"),
    ]

    operations = [migrations.RunPython(create_group, migrations.RunPython.noop)]
