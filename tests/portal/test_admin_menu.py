"""The admin's sidebar: labels short enough to be read whole, and "Fragments" (Wagtail's
snippets menu) holding only what editors understand."""

import pytest
from django.test import RequestFactory
from django.utils import translation
from wagtail.admin.menu import admin_menu
from wagtail.snippets.views.snippets import get_snippet_models_for_index_view

pytestmark = pytest.mark.django_db

# The sidebar cuts a main-menu label beyond about 18 characters ("Questions du …");
# sub-menu labels wrap onto a second line instead.
LONGEST_LABEL = 18
# What editors find under "Fragments": content they manage, nothing technical.
EDITORS_SNIPPETS = {"pages.PublicationCollection"}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_main_menu_labels_fit_the_sidebar(make_user, sites, language):
    request = RequestFactory().get("/admin/")
    request.user = make_user("root@example.org", superuser=True)
    with translation.override(language):
        labels = [str(item.label) for item in admin_menu.menu_items_for_request(request)]
        assert {"Questions", "Fragments" if language == "fr" else "Snippets"} <= set(labels)
        assert [label for label in labels if len(label) > LONGEST_LABEL] == []


def test_fragments_hold_only_what_editors_understand():
    in_fragments = {model._meta.label for model in get_snippet_models_for_index_view()}
    assert in_fragments == EDITORS_SNIPPETS
