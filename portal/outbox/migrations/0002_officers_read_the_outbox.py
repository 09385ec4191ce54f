"""Communication officers (Editors, Moderators) read the outbox and send failed e-mails
again: they follow the questions and requests those e-mails are about."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# By their English names, or their French ones once portal 0008 ran.
GROUPS = ["Editors", "Moderators", "Rédacteurs", "Modérateurs"]
CODENAMES = ["view_outgoingemail", "resend_outgoingemail"]


def forwards(apps, schema_editor):
    outbox_config = apps.get_app_config("outbox")
    outbox_config.models_module = True
    create_permissions(outbox_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="outbox",
                                            codename__in=CODENAMES)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("outbox", "0001_outgoing_emails"),
        ("portal", "0003_roles_and_intranet_collection"),
    ]

    # Before the groups take their French names.
    run_before = [("portal", "0008_french_roles_and_translation")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
