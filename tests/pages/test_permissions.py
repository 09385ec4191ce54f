"""Communication officers get their permissions on the pages app's snippets from the pages
app's own migration, and running that grant again (on a database where the portal's former
migration already made it) changes nothing."""

from importlib import import_module

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission

pytestmark = pytest.mark.django_db

grant = import_module("pages.migrations.0005_officer_permissions_for_content")
# The library's own migration grants its document permissions to the same groups.
library_grant = import_module("pages.migrations.0010_library_permissions")


def codenames(group_name):
    return set(Group.objects.get(name=group_name).permissions
               .filter(content_type__app_label="pages").values_list("codename", flat=True))


def test_editors_and_moderators_have_their_content_permissions_after_migrating():
    grants = {**grant.GRANTS, **library_grant.GRANTS}
    assert codenames("Rédacteurs") == {codename for codename, groups in grants.items()
                                       if "Editors" in groups}
    assert codenames("Modérateurs") == set(grants)
    assert {"change_question", "view_papercopyrequest", "add_newscategory"} <= codenames(
        "Rédacteurs")


def test_granting_again_is_harmless_and_restores_what_was_removed(monkeypatch):
    # The migration marks the app config it is given as having models: restore the real one's.
    config = apps.get_app_config("pages")
    monkeypatch.setattr(config, "models_module", config.models_module)
    editors = Group.objects.get(name="Rédacteurs")
    editors.permissions.remove(*Permission.objects.filter(content_type__app_label="pages"))
    assert codenames("Rédacteurs") == set()
    grant.forwards(apps, None)
    grant.forwards(apps, None)
    assert codenames("Rédacteurs") == {codename for codename, groups in grant.GRANTS.items()
                                       if "Editors" in groups}
    assert editors.permissions.filter(codename="change_question").count() == 1
