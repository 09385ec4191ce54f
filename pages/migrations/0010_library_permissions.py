"""Communication officers (Editors, Moderators) manage the library's documents."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# The roles have French names since portal's migration 0008, which may run before or after
# this one.
EDITORS, MODERATORS = ["Editors", "Rédacteurs"], ["Moderators", "Modérateurs"]
GRANTS = {
    "view_referencedocument": [*EDITORS, *MODERATORS],
    "add_referencedocument": [*EDITORS, *MODERATORS],
    "change_referencedocument": [*EDITORS, *MODERATORS],
    "delete_referencedocument": MODERATORS,
}


def forwards(apps, schema_editor):
    pages_config = apps.get_app_config("pages")
    pages_config.models_module = True
    create_permissions(pages_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for codename, group_names in GRANTS.items():
        permission = Permission.objects.get(content_type__app_label="pages", codename=codename)
        for group in Group.objects.filter(name__in=group_names):
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0009_library"),
        ("portal", "0003_roles_and_intranet_collection"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
