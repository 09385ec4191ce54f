"""The "Event officers" group takes the name editors read in the French admin."""

from django.db import migrations

NAMES = ("Event officers", "Chargés des événements")


def rename(apps, old, new):
    Group = apps.get_model("auth", "Group")
    if not Group.objects.filter(name=new).exists():
        Group.objects.filter(name=old).update(name=new)


class Migration(migrations.Migration):
    dependencies = [("events", "0010_library_images")]

    operations = [migrations.RunPython(lambda apps, editor: rename(apps, *NAMES),
                                       lambda apps, editor: rename(apps, *NAMES[::-1]))]
