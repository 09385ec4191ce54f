"""French wording: each list filter names its own "All …" (French says "Toutes les
catégories" but "Tous les mots-clés"), and every e-mail greets with "Bonjour", Wagtail's
workflow e-mails included."""

import re

import pytest
from django.template import Context, Template
from django.utils import translation

from pages.news.models import NewsFilters
from pages.publications.views import PublicationFilters
from press.filters import ReleaseFilters
from search.forms import type_choices

pytestmark = pytest.mark.django_db


def empty_labels(filters):
    return {name: str(field.extra.get("empty_label")) for name, field in filters.items()
            if "empty_label" in field.extra}


def test_each_list_filter_names_what_all_means():
    with translation.override("en"):
        assert empty_labels(NewsFilters.base_filters) == {
            "category": "All categories", "tag": "All tags", "year": "All years"}
        assert empty_labels(ReleaseFilters.base_filters) == {
            "subject": "All subjects", "year": "All years"}
        assert empty_labels(PublicationFilters.base_filters)["year"] == "All years"
        assert type_choices()[0] == ("", "All types")
    with translation.override("fr"):
        assert str(NewsFilters.base_filters["year"].extra["empty_label"]) == (
            "Toutes les années")


def test_the_programme_filters_name_their_regions_departments_and_themes(
    public_client, public_home, make_user
):
    from events.demo import translate_edition
    from events.models import Region
    from events.seeding import ensure_national_event, ensure_regional_pages
    from tests.helpers.events import make_event

    edition = ensure_national_event(public_home, 2026)
    ensure_regional_pages(edition, Region.objects.filter(slug="bretagne"))
    make_event(edition, make_user("organisatrice@example.org"), day=edition.start_date)
    translate_edition(edition)
    html = public_client.get("/en/european-heritage-days-2026/").content.decode()
    empty_options = {name: re.search(rf'<select[^>]*name="{name}"[^>]*>\s*<option value="">'
                                     r"([^<]*)</option>", html).group(1)
                     for name in ("region", "department", "theme")}
    assert empty_options == {"region": "All regions", "department": "All departments",
                             "theme": "All themes"}


@pytest.mark.parametrize("template", ["base.txt", "base.html"])
def test_wagtail_workflow_e_mails_greet_with_bonjour(make_user, template):
    user = make_user("moderatrice@example.org", first_name="Claire")
    page = Template('{% extends "wagtailadmin/notifications/' + template + '" %}')
    with translation.override("fr"):
        text = page.render(Context({"user": user}))
    assert "Bonjour Claire," in text
    assert "Salut" not in text
