"""Create the "HR" group and give HR and communication officers the directory.

HR officers edit every person and service and import the HR export, in the admin (which the
group opens to them), and browse the intranet. Editors and Moderators (communication
officers) edit people and services too; they do not import.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

HR_GROUP = "HR"
EDITING = ["view_person", "add_person", "change_person", "view_service", "add_service",
           "change_service"]
GRANTS = {
    HR_GROUP: [*EDITING, "delete_person", "delete_service", "view_hrimport", "add_hrimport"],
    # The roles have French names since portal's migration 0008, which may run before or
    # after this one.
    "Editors": EDITING,
    "Moderators": EDITING,
    "Rédacteurs": EDITING,
    "Modérateurs": EDITING,
}


def forwards(apps, schema_editor):
    config = apps.get_app_config("directory")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    hr, _created = Group.objects.get_or_create(name=HR_GROUP)
    hr.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="portal", codename="access_intranet"),
    )
    for group_name, codenames in GRANTS.items():
        group = Group.objects.filter(name=group_name).first()
        if group is not None:
            group.permissions.add(*Permission.objects.filter(
                content_type__app_label="directory", codename__in=codenames))


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0001_initial"),
        # The Editors and Moderators groups, and the intranet permission.
        ("portal", "0003_roles_and_intranet_collection"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
