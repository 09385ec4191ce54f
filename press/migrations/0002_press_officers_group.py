"""The press officers' group ("Attachés de presse"): the only one that sees and manages press contacts, imports and
exports them, sends releases and follows the press enquiries. (Page permissions on the
pressroom are granted where the pressroom is created: ``press.setup.ensure_pressroom``.)"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Attachés de presse"  # press.models.contacts.PRESS_OFFICERS
MODELS = ["journalist", "outlet", "contactlist", "savedfilter", "beat", "contacttag",
          "pressenquiry"]
EXTRA = [
    ("wagtailadmin", "access_admin"),
    ("press", "export_journalist"),
    ("press", "add_contactimport"),
    ("press", "view_contactimport"),
    ("press", "view_exportrecord"),
    ("press", "view_subscription"),
    ("press", "view_distribution"),
    ("press", "send_distribution"),
    ("outbox", "view_outgoingemail"),
    ("outbox", "resend_outgoingemail"),
]


def create_group(apps, schema_editor):
    press_config = apps.get_app_config("press")
    press_config.models_module = True
    create_permissions(press_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=GROUP)
    wanted = [("press", f"{action}_{model}") for model in MODELS
              for action in ("add", "change", "delete", "view")] + EXTRA
    for app_label, codename in wanted:
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename))


def delete_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("press", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("outbox", "0002_officers_read_the_outbox"),
    ]

    operations = [migrations.RunPython(create_group, delete_group)]
