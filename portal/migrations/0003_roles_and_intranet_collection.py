"""Create the roles every installation needs and the intranet's document collection.

Wagtail's own migrations create the Editors and Moderators groups with their page, image and
document permissions; this adds what Relais gives them, and the Partners group.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

STEPLEN = 4
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"

MODERATOR_PERMISSIONS = [
    ("portal", "add_directorate"),
    ("portal", "change_directorate"),
    ("portal", "change_siteidentity"),
    ("portal", "change_socialaccounts"),
    ("portal", "change_intranetsettings"),
]


def permission(apps, app_label, codename):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def next_child_path(parent, siblings):
    last = siblings.order_by("-path").values_list("path", flat=True).first()
    number = int(last[-STEPLEN:], 36) + 1 if last else 1
    digits = ""
    while number:
        number, remainder = divmod(number, 36)
        digits = ALPHABET[remainder] + digits
    return parent.path + digits.rjust(STEPLEN, "0")


def create_intranet_collection(apps):
    Collection = apps.get_model("wagtailcore", "Collection")
    root = Collection.objects.filter(depth=1).first()
    if root is None:
        return None
    existing = Collection.objects.filter(depth=2, name="Intranet").first()
    if existing:
        return existing
    siblings = Collection.objects.filter(depth=2, path__startswith=root.path)
    collection = Collection.objects.create(
        name="Intranet", depth=2, path=next_child_path(root, siblings), numchild=0
    )
    root.numchild = siblings.count()
    root.save(update_fields=["numchild"])
    return collection


def forwards(apps, schema_editor):
    portal_config = apps.get_app_config("portal")
    portal_config.models_module = True
    create_permissions(portal_config, apps=apps, verbosity=0)

    Group = apps.get_model("auth", "Group")
    access_intranet = permission(apps, "portal", "access_intranet")
    editors, _ = Group.objects.get_or_create(name="Editors")
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    Group.objects.get_or_create(name="Partners")
    editors.permissions.add(access_intranet)
    moderators.permissions.add(access_intranet)
    for app_label, codename in MODERATOR_PERMISSIONS:
        moderators.permissions.add(permission(apps, app_label, codename))

    IntranetSettings = apps.get_model("portal", "IntranetSettings")
    settings = IntranetSettings.objects.first() or IntranetSettings()
    if settings.intranet_collection_id is None:
        settings.intranet_collection = create_intranet_collection(apps)
        settings.save()


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0002_directorates_and_settings"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0002_initial_data"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0002_initial_data"),
        ("wagtaildocs", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
