"""Give communication officers (Editors, Moderators) what they need on the content snippets:
questions from the public, contact topics, paper-copy requests, publication collections
and news categories.

This grant used to be made by portal's migration 0005, which the portal no longer does (it
knows no other app). On a database where that migration already ran, this one grants the
same permissions again, which changes nothing.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

BOTH = ["Editors", "Moderators"]
FRENCH = {"Editors": "Rédacteurs", "Moderators": "Modérateurs"}
GRANTS = {
    # codename: groups
    "view_question": BOTH,
    "change_question": BOTH,
    "view_contacttopic": BOTH,
    "add_contacttopic": ["Moderators"],
    "change_contacttopic": ["Moderators"],
    "delete_contacttopic": ["Moderators"],
    "view_papercopyrequest": BOTH,
    "change_papercopyrequest": BOTH,
    "view_publicationcollection": BOTH,
    "add_publicationcollection": BOTH,
    "change_publicationcollection": BOTH,
    "delete_publicationcollection": ["Moderators"],
    "view_newscategory": BOTH,
    "add_newscategory": BOTH,
    "change_newscategory": BOTH,
    "delete_newscategory": ["Moderators"],
}


def forwards(apps, schema_editor):
    pages_config = apps.get_app_config("pages")
    pages_config.models_module = True
    create_permissions(pages_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for codename, group_names in GRANTS.items():
        permission = Permission.objects.get(content_type__app_label="pages", codename=codename)
        # By the groups' English names, or their French ones once portal 0008 ran.
        names = [*group_names, *(FRENCH[name] for name in group_names)]
        for group in Group.objects.filter(name__in=names):
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0004_news"),
        # The Editors and Moderators groups.
        ("portal", "0003_roles_and_intranet_collection"),
    ]

    # Before the groups take their French names.
    run_before = [("portal", "0008_french_roles_and_translation")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
