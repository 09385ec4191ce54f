"""Editors and Moderators run the logo portal: logos, versions and terms; they read partners'
requests, proofs and downloads, and decide on requests and proofs."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MANAGED = ["logo", "logoversion", "termsofuse"]
READ = ["partneraccess", "proof", "download"]
# The role groups by their English names (before portal 0008 renames them) or French ones.
GROUPS = ["Editors", "Moderators", "Rédacteurs", "Modérateurs"]


def codenames():
    for model in MANAGED:
        for action in ("add", "change", "delete", "view"):
            yield f"{action}_{model}"
    for model in READ:
        yield f"view_{model}"
    yield "review_partners"


def grant(apps, schema_editor):
    config = apps.get_app_config("branding")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="branding",
                                            codename__in=list(codenames()))
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("branding", "0001_initial"),
        ("portal", "0003_roles_and_intranet_collection"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
