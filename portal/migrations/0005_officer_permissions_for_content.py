"""Kept so that the migrations after it, and databases where it ran, stay consistent.

It used to give Editors and Moderators their permissions on the content snippets of the
pages app. An app's permissions are now granted by that app's own migrations: the same grant
is made by pages' migration 0005_officer_permissions_for_content, which runs on every
database (again, harmlessly, where this one already granted them).
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0004_footer_links"),
    ]

    operations = []
