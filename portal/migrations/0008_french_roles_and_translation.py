"""Officers translate pages and snippets; the names editors read in the admin become French.

1. Editors and Moderators may submit translations (wagtail-localize's permission).
2. The role groups take their French names ("Rédacteurs", "Modérateurs", "Partenaires"), and
   each directorate's staff group "Agents – <directorate>" instead of "Staff – <directorate>".
3. Wagtail's default workflow and its task, "Moderators approval", become "Validation par les
   modérateurs".
4. The root of the page tree and the root collection, "Root", become "Racine".

It runs after every migration that looks these groups up by their English names (Wagtail's,
wagtail-localize's and ours: see their ``run_before``). A migration written after this one
names the groups in French (the names of ``portal.roles``).
"""

from django.db import migrations

GROUPS = {"Editors": "Rédacteurs", "Moderators": "Modérateurs", "Partners": "Partenaires"}
STAFF = ("Staff – ", "Agents – ")
WORKFLOW = ("Moderators approval", "Validation par les modérateurs")
ROOT = ("Root", "Racine")


def grant_translation(apps, officer_names):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.filter(content_type__app_label="wagtail_localize",
                                           codename="submit_translation").first()
    if permission is None:
        return
    for group in Group.objects.filter(name__in=officer_names):
        group.permissions.add(permission)


def rename(apps, groups, staff, workflow, root):
    Group = apps.get_model("auth", "Group")
    for old, new in groups.items():
        if not Group.objects.filter(name=new).exists():
            Group.objects.filter(name=old).update(name=new)
    old_prefix, new_prefix = staff
    for group in Group.objects.filter(name__startswith=old_prefix):
        new_name = new_prefix + group.name[len(old_prefix):]
        if not Group.objects.filter(name=new_name).exists():
            group.name = new_name
            group.save(update_fields=["name"])
    old, new = workflow
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=old).update(name=new)
    apps.get_model("wagtailcore", "Task").objects.filter(name=old).update(name=new)
    old, new = root
    apps.get_model("wagtailcore", "Page").objects.filter(depth=1, title=old).update(
        title=new, draft_title=new)
    apps.get_model("wagtailcore", "Collection").objects.filter(depth=1, name=old).update(
        name=new)


def forwards(apps, schema_editor):
    grant_translation(apps, ["Editors", "Moderators", *GROUPS.values()])
    rename(apps, GROUPS, STAFF, WORKFLOW, ROOT)


def backwards(apps, schema_editor):
    rename(apps, {new: old for old, new in GROUPS.items()}, STAFF[::-1], WORKFLOW[::-1],
           ROOT[::-1])


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0007_move_files_to_their_storage"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
