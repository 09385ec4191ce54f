"""Communication officers (Editors, Moderators) promote results for a query (Wagtail's
search_promotions) and read the report of what visitors search."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ["Rédacteurs", "Modérateurs"]
PERMISSIONS = [
    ("wagtailsearchpromotions", "add_searchpromotion"),
    ("wagtailsearchpromotions", "change_searchpromotion"),
    ("wagtailsearchpromotions", "delete_searchpromotion"),
    ("wagtailsearchpromotions", "view_searchpromotion"),
    ("search", "view_querysiteday"),
]


def forwards(apps, schema_editor):
    for label in {label for label, _codename in PERMISSIONS}:
        config = apps.get_app_config(label)
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for label, codename in PERMISSIONS:
        permission = Permission.objects.get(content_type__app_label=label, codename=codename)
        for group in Group.objects.filter(name__in=GROUPS):
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_searches_per_query_site_and_day"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
        # The groups' French names.
        ("portal", "0008_french_roles_and_translation"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
