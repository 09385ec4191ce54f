"""Editors read the site settings (the directorate's identity, social networks, footer links)
that Moderators edit: both groups get the "view" permission of each."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

SITE_SETTINGS = ["siteidentity", "socialaccounts", "footerlinks"]
READERS = ["Rédacteurs", "Modérateurs"]


def permissions(apps):
    portal_config = apps.get_app_config("portal")
    portal_config.models_module = True
    create_permissions(portal_config, apps=apps, verbosity=0)
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(content_type__app_label="portal",
                                     codename__in=[f"view_{name}" for name in SITE_SETTINGS])


def let_officers_read_site_settings(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    view = list(permissions(apps))
    for group in Group.objects.filter(name__in=READERS):
        group.permissions.add(*view)


def take_it_back(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    view = list(permissions(apps))
    for group in Group.objects.filter(name__in=READERS):
        group.permissions.remove(*view)


class Migration(migrations.Migration):
    dependencies = [("portal", "0008_french_roles_and_translation")]

    operations = [migrations.RunPython(let_officers_read_site_settings, take_it_back)]
