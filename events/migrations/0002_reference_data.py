"""Load the 18 regions, 101 departments and the themes shipped in events/data/reference.json.

Re-running updates names in place (matched by INSEE code or slug), so a corrected file only
needs a new migration calling the same function."""

import json
from pathlib import Path

from django.db import migrations

REFERENCE_FILE = Path(__file__).resolve().parent.parent / "data" / "reference.json"


def load_reference_data(apps, schema_editor):
    Region = apps.get_model("events", "Region")
    Department = apps.get_model("events", "Department")
    Theme = apps.get_model("events", "Theme")
    data = json.loads(REFERENCE_FILE.read_text(encoding="utf-8"))
    regions = {}
    for row in data["regions"]:
        regions[row["code"]], _created = Region.objects.update_or_create(
            code=row["code"], defaults={"name": row["name"], "slug": row["slug"]})
    for row in data["departments"]:
        Department.objects.update_or_create(
            code=row["code"], defaults={"name": row["name"], "region": regions[row["region"]]})
    for row in data["themes"]:
        Theme.objects.update_or_create(slug=row["slug"], defaults={"name": row["name"]})


class Migration(migrations.Migration):
    dependencies = [("events", "0001_initial")]

    operations = [migrations.RunPython(load_reference_data, migrations.RunPython.noop)]
