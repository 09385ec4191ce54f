"""Communication officers (Editors, Moderators) manage the search synonyms."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# English names before portal 0008 renamed the groups, French names after it.
BOTH = ["Editors", "Moderators", "Rédacteurs", "Modérateurs"]
CODENAMES = ["view_synonym", "add_synonym", "change_synonym", "delete_synonym"]


def forwards(apps, schema_editor):
    search_config = apps.get_app_config("search")
    search_config.models_module = True
    create_permissions(search_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for codename in CODENAMES:
        permission = Permission.objects.get(content_type__app_label="search", codename=codename)
        for group in Group.objects.filter(name__in=BOTH):
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
        # The Editors and Moderators groups.
        ("portal", "0003_roles_and_intranet_collection"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
